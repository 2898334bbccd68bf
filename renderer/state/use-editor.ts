/** React access to the EditorStore: the store from context, and state slices by selector. */
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { EditorState, EditorStore } from './editor-store';

export const EditorContext = createContext<EditorStore | null>(null);

export function useEditorStore(): EditorStore {
  const store = useContext(EditorContext);
  if (!store) throw new Error('useEditorStore outside <EditorContext.Provider>');
  return store;
}

/** Re-renders when the selected slice changes (compared with Object.is). */
export function useEditor<T>(selector: (state: EditorState) => T): T {
  const store = useEditorStore();
  return useSyncExternalStore(store.subscribe, () => selector(store.getState()));
}

/**
 * Like useEditor, for what panels show: after a typed edit the slice follows
 * once the page has been painted (EditorStore.getDeferredState), so the
 * keystroke's frame renders only the editor and the page.
 */
export function useEditorDeferred<T>(selector: (state: EditorState) => T): T {
  const store = useEditorStore();
  return useSyncExternalStore(store.subscribeDeferred, () => selector(store.getDeferredState()));
}

/**
 * A user command as a registered action (Excalidraw's pattern: one file per
 * action with its name, when it applies, what it does and its key): the
 * action computes model operations; `runAction` applies them through the
 * editing session as one undo step labelled with the action's name.
 */
import type { Edition, Id } from '../../shared/model/types';
import type { Operation } from '../../shared/model/ops/types';
import type { EditorState, EditorStore, Selection } from '../state/editor-store';
import type { EditingSession } from './session';

export interface ActionContext {
  store: EditorStore;
  session: EditingSession;
  state: EditorState;
  edition: Edition;
}

export interface ActionResult {
  ops: Operation[];
  /** Selection after the action (e.g. the duplicated frames). */
  select?: Partial<Selection>;
  /** Consecutive results with the same key merge into one undo step (repeated nudges). */
  mergeKey?: string;
}

export interface Action {
  name: string;
  /** The undo step's name: a UI message key (step.nudge), shown in the UI language. */
  label: string;
  /** Whether the action applies now (menus grey it out otherwise). */
  predicate?(ctx: ActionContext): boolean;
  /** The operations; null: nothing to do. Throwing an Error shows its message to the user. */
  perform(ctx: ActionContext, value?: unknown): ActionResult | null;
  /** The keyboard shortcut, tested on keydown outside text fields. */
  keyTest?(event: KeyboardEvent): boolean;
}

/** Ctrl on Windows/Linux, ⌘ on macOS. */
export const mod = (event: KeyboardEvent): boolean => event.ctrlKey || event.metaKey;

export function selectedFrameIds(ctx: ActionContext): Id[] {
  return ctx.state.selection.frameIds;
}

export function currentPage(ctx: ActionContext) {
  return ctx.edition.pages[
    Math.max(0, Math.min(ctx.edition.pages.length - 1, ctx.state.selection.pageIndex))
  ];
}

export function contextOf(store: EditorStore, session: EditingSession): ActionContext | null {
  const state = store.getState();
  if (!state.edition) return null;
  return { store, session, state, edition: state.edition };
}

/** Runs an action: its operations become one undo step named after it. Returns the error, if any (shown with session.notify). */
export function runAction(
  action: Action,
  store: EditorStore,
  session: EditingSession,
  value?: unknown,
): Error | null {
  const ctx = contextOf(store, session);
  if (!ctx) return null;
  if (action.predicate && !action.predicate(ctx)) return null;
  try {
    const result = action.perform(ctx, value);
    if (!result) return null;
    if (result.ops.length) session.apply(result.ops, { label: action.label, mergeKey: result.mergeKey });
    if (result.select) store.select(result.select);
    return null;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/**
 * The right-hand story panel: the story editor for the story the user
 * opened (double-click a text frame, click with the Text tool, or pick it
 * from the list), with its character count and copyfit, and the style
 * sheets panel. Edits go Slate → model operations → the store's apply →
 * incremental recompose → the canvas repaints.
 */
import { useCallback, useMemo, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Operation as SlateOperation } from 'slate';
import type { StoryPoint } from '../../shared/layout/display-list';
import type { Id } from '../../shared/model/types';
import { applyToBlocks } from '../../shared/editing/apply-to-blocks';
import { fitSummary, frameFitLine, storyFit } from '../../shared/editing/copyfit';
import { endsWord } from '../../shared/editing/history';
import { translateSlateOps, typedText } from '../../shared/editing/slate-to-model';
import type { RightPanelProps } from '../shell/extensions';
import { useEditor, useEditorDeferred } from '../state/use-editor';
import { cssFamily } from '../canvas/font-faces';
import { sessionOf } from '../actions/session';
import { StoryEditor, type EditInfo } from './StoryEditor';
import { StylesPanel } from './StylesPanel';
import { storyDecorationsOf } from './story-decorations';
import { StoryTrackingSwitch } from '../tracking/StoryTrackingSwitch';

export function StoryPanel({ store }: RightPanelProps) {
  const { t, i18n } = useTranslation();
  // Labels follow the UI language; the story's text keeps the edition's (lang attribute, shaping).
  const uiLanguage = i18n.language === 'zh-Hans' ? 'zh-Hans' : 'en';
  const session = sessionOf(store);
  const storyId = useEditor((s) => s.selection.storyId);
  const story = useEditor((s) => (storyId ? (s.edition?.stories[storyId] ?? null) : null));
  // The story list, copyfit and fonts follow after the page is painted (use-editor.ts).
  const stories = useEditorDeferred((s) => s.edition?.stories ?? null);
  const displayList = useEditorDeferred((s) => s.displayList);
  const language = useEditor((s) => s.edition?.meta.language ?? 'zh-Hans');
  // The galley shows the story in the very faces the page uses (loaded from the composer's bytes).
  const fontFamily = useEditorDeferred((s) => {
    const keys = Object.keys(s.displayList?.fonts ?? {}).sort(
      (a, b) => Number(b.includes('Serif')) - Number(a.includes('Serif')),
    );
    return [...keys.map((key) => `"${cssFamily(key)}"`), 'serif'].join(', ');
  });
  const caret = useSyncExternalStore(session.subscribe, () => session.getCaretRequest());
  const [resync, setResync] = useState(0);
  const decorationRegistry = storyDecorationsOf(store);
  // Re-read when a source says its marks changed (not only when the edition does).
  useSyncExternalStore(decorationRegistry.subscribe, decorationRegistry.getVersion);
  // Urgent: the editor's marks must fit the text it holds now.
  const decorations = useEditor((s) => (storyId ? decorationRegistry.collect(s, storyId) : undefined));

  const onOperations = useCallback(
    (id: Id, ops: SlateOperation[], info: EditInfo) => {
      const edition = store.getState().edition;
      const before = edition?.stories[id]?.blocks;
      if (!before) return;
      const translation = translateSlateOps(id, before, ops, applyToBlocks);
      if (translation.ops.length === 0) return;
      const typed = typedText(translation.ops);
      try {
        session.apply(translation.ops, {
          label: info.label,
          mergeKey: typed !== null ? `typing:${id}` : undefined,
          // A word typed, or a phrase an input method committed, is one step.
          closesStep: typed !== null && (endsWord(typed) || info.composition),
        });
      } catch (error) {
        // The model refused the edit: the editor returns to the model's story.
        session.notify(error as Error);
        setResync((n) => n + 1);
      }
    },
    [session, store],
  );

  const onSelect = useCallback(
    (id: Id, anchor: StoryPoint, focus: StoryPoint) =>
      session.setTextSelection({ storyId: id, anchor, focus }),
    [session],
  );

  const onCommand = useCallback(
    (command: 'undo' | 'redo') => (command === 'undo' ? session.undo() : session.redo()),
    [session],
  );

  const fit = useMemo(
    () => (displayList && storyId ? storyFit(displayList, storyId) : null),
    [displayList, storyId],
  );
  const status = useMemo(() => (fit ? fitSummary(fit, uiLanguage) : ''), [fit, uiLanguage]);
  const caretRequest = useMemo(
    () => (caret && caret.storyId === storyId ? { point: caret.point, focus: caret.focus } : null),
    [caret, storyId],
  );

  const storyList = stories ? Object.values(stories) : [];
  return (
    <div className="story-panel" data-testid="story-panel">
      <label style={{ display: 'flex', gap: 4, padding: 4 }}>
        <span>{t('story.label')}</span>
        <select
          data-testid="story-picker"
          value={storyId ?? ''}
          onChange={(e) => store.select({ storyId: e.target.value || null })}
          style={{ flex: 1, minWidth: 0 }}
        >
          <option value="">{t('story.pickerHint')}</option>
          {storyList.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name || s.id}
            </option>
          ))}
        </select>
      </label>
      {story && storyId ? <StoryTrackingSwitch store={store} storyId={storyId} /> : null}
      {story && storyId ? (
        <StoryEditor
          key={storyId}
          storyId={storyId}
          storyName={story.name}
          blocks={story.blocks}
          language={language}
          onOperations={onOperations}
          onSelect={onSelect}
          onCommand={onCommand}
          caretRequest={caretRequest}
          status={status}
          overset={!!fit && (fit.oversetCharacters > 0 || fit.copyfitLines < 0)}
          fontFamily={fontFamily}
          resync={resync}
          decorations={decorations}
        />
      ) : null}
      {fit && fit.frames.length > 1 ? (
        <ul
          data-testid="copyfit-frames"
          style={{ fontSize: 11, margin: '0 4px', paddingLeft: 16, color: '#555' }}
        >
          {fit.frames.map((f, i) => (
            <li key={f.frameId}>{frameFitLine(f, i, uiLanguage)}</li>
          ))}
        </ul>
      ) : null}
      <StylesPanel store={store} />
    </div>
  );
}

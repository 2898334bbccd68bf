/**
 * Review ▸ Notes Panel: every note of the edition in the order they were
 * made, numbered as their canvas markers, filtered by page, author and
 * open/resolved; the note being written (Review ▸ New Note) at the top;
 * while a page click is awaited, says so. A note's head goes to its place.
 */
import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { pageLabels as labelsOf } from '../../shared/model/plan';
import type { RightPanelProps } from '../shell/extensions';
import { useEditorDeferred } from '../state/use-editor';
import type { EditorStore } from '../state/editor-store';
import type { Edition } from '../../shared/model/types';
import { addNote } from './note-actions';
import { authorsOf, noteViews, passes } from './note-views';
import { notesOf, type DraftAnchor, type StatusFilter } from './notes-state';
import { startNote } from './start-note';
import { NoteCard } from './NoteCard';
import { WriteBox } from './WriteBox';

function draftTitle(
  t: (key: string, values?: Record<string, unknown>) => string,
  edition: Edition,
  anchor: DraftAnchor,
  words: string,
  labels: string[],
): string {
  if (anchor.kind === 'text') {
    const short = words.length > 24 ? `${words.slice(0, 23)}…` : words;
    return t('notes.draft.text', { words: short });
  }
  if (anchor.kind === 'frame') {
    const frame = edition.pages.flatMap((p) => p.frames).find((f) => f.id === anchor.frameId);
    return t('notes.draft.frame', { kind: frame ? t(`prop.kind.${frame.kind}`) : t('notes.kind.frame') });
  }
  const index = edition.pages.findIndex((p) => p.id === anchor.pageId);
  return t('notes.draft.page', { page: labels[index] ?? index + 1 });
}

function Draft({ store, edition, labels }: { store: EditorStore; edition: Edition; labels: string[] }) {
  const { t } = useTranslation();
  const notes = notesOf(store);
  const state = useSyncExternalStore(notes.subscribe, notes.get);
  if (!state.draft) return null;
  const { anchor, words } = state.draft;
  return (
    <div className="note-draft" data-testid="note-draft">
      <div className="note-draft-title" lang={anchor.kind === 'text' ? edition.meta.language : undefined}>
        {draftTitle(t, edition, anchor, words, labels)}
      </div>
      <WriteBox
        key={state.focusDraft}
        testId="note-draft-text"
        focusKey={state.focusDraft}
        placeholder={t('notes.draft.placeholder')}
        submitLabel={t('notes.add')}
        onSubmit={(text) => {
          void addNote(store, anchor, text).then((id) => {
            if (id) notes.set({ draft: null, focused: id });
          });
        }}
        onCancel={() => notes.set({ draft: null })}
      />
    </div>
  );
}

export function NotesPanel({ store }: RightPanelProps) {
  const { t } = useTranslation();
  const notes = notesOf(store);
  const state = useSyncExternalStore(notes.subscribe, notes.get);
  const edition = useEditorDeferred((s) => s.edition);
  const displayList = useEditorDeferred((s) => s.displayList);
  const views = useMemo(() => (edition ? noteViews(edition, displayList) : []), [edition, displayList]);
  const labels = useMemo(() => (edition ? labelsOf(edition) : []), [edition]);
  const authors = useMemo(() => authorsOf(views), [views]);
  const panel = useRef<HTMLDivElement>(null);
  // The panel sits under the story editor: bring it into view when it opens.
  useEffect(() => {
    if (state.open) panel.current?.scrollIntoView?.({ block: 'nearest' });
  }, [state.open]);

  if (!state.open || !edition) return null;
  const { filter } = state;
  const shown = views.filter((v) => passes(v, filter));

  return (
    <div className="notes-panel" data-testid="notes-panel" ref={panel}>
      <div className="proofing-head">
        <h2>{t('notes.title')}</h2>
        <span className="notes-count" data-testid="notes-count">
          {t('notes.count', { shown: shown.length, count: views.length })}
        </span>
        <button
          type="button"
          className="proofing-close"
          data-testid="notes-close"
          title={t('notes.close')}
          aria-label={t('notes.close')}
          onClick={() => notes.set({ open: false, placing: false, draft: null })}
        >
          ×
        </button>
      </div>
      <div className="notes-tools">
        <button
          type="button"
          data-testid="notes-new"
          title={t('notes.newHint')}
          // Keep the story editor's selection: the button must not take it away before it is read.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => startNote(store)}
        >
          {t('notes.new')}
        </button>
      </div>
      {state.placing ? (
        <div className="notes-placing" data-testid="notes-placing" role="status">
          {t('notes.placing')}{' '}
          <button
            type="button"
            data-testid="notes-placing-cancel"
            onClick={() => notes.set({ placing: false })}
          >
            {t('notes.cancel')}
          </button>
        </div>
      ) : null}
      <Draft store={store} edition={edition} labels={labels} />
      <div className="notes-filters">
        <label>
          <span>{t('notes.filter.page')}</span>
          <select
            data-testid="notes-filter-page"
            value={filter.page === null ? '' : String(filter.page)}
            onChange={(e) => notes.setFilter({ page: e.target.value === '' ? null : Number(e.target.value) })}
          >
            <option value="">{t('notes.filter.allPages')}</option>
            {labels.map((label, i) => (
              <option key={i} value={i}>
                {t('notes.filter.pageN', { page: label })}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('notes.filter.author')}</span>
          <select
            data-testid="notes-filter-author"
            value={filter.author ?? ''}
            onChange={(e) => notes.setFilter({ author: e.target.value || null })}
          >
            <option value="">{t('notes.filter.everyone')}</option>
            {authors.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('notes.filter.status')}</span>
          <select
            data-testid="notes-filter-status"
            value={filter.status}
            onChange={(e) => notes.setFilter({ status: e.target.value as StatusFilter })}
          >
            {(['open', 'resolved', 'all'] as const).map((status) => (
              <option key={status} value={status}>
                {t(`notes.status.${status}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {views.length === 0 ? (
        <p className="notes-empty" data-testid="notes-empty">
          {t('notes.empty')}
        </p>
      ) : shown.length === 0 ? (
        <p className="notes-empty" data-testid="notes-empty">
          {t('notes.noneMatch')}
        </p>
      ) : (
        <ol className="notes-list" data-testid="notes-list">
          {shown.map((view) => (
            <NoteCard
              key={view.note.id}
              store={store}
              view={view}
              edition={edition}
              pageLabels={labels}
              focused={state.focused === view.note.id}
              language={edition.meta.language}
            />
          ))}
        </ol>
      )}
    </div>
  );
}

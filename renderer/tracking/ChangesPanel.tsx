/**
 * Review ▸ Changes Panel: the tracking switches (this edition, this story),
 * the Markup / Final view, who the user's changes are stamped as, and every
 * pending change grouped by story (stories in page order), filtered by
 * story, page and author. Accept or reject one, a story's, the shown ones
 * (an author's, a page's) or the edition's — each one undo step.
 *
 * Keyboard: in the list ↑/↓ (Home/End) move to a change and show it on
 * the page, Enter puts the caret on it in the story editor, A accepts and
 * R rejects it and moves on to the next.
 */
import { useEffect, useMemo, useRef, useSyncExternalStore, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { pageLabels as labelsOf } from '../../shared/model/plan';
import type { Id } from '../../shared/model/types';
import type { Decision } from '../../shared/review';
import type { RightPanelProps } from '../shell/extensions';
import type { EditorStore } from '../state/editor-store';
import { useEditor } from '../state/use-editor';
import { decide } from './change-actions';
import { authorsOf, changeViews, groupByStory, passes, type ChangeView } from './change-views';
import { ChangeCard } from './ChangeCard';
import { jumpToChange } from './jump';
import { trackingOf } from './tracking-state';
import { TrackingSwitches } from './TrackingSwitches';

/** Decides one change and puts the focus on the one after it in the list (or before, at the end). */
export function decideAndMove(
  store: EditorStore,
  shown: readonly ChangeView[],
  id: Id,
  decision: Decision,
): void {
  const tracking = trackingOf(store);
  const at = shown.findIndex((v) => v.change.id === id);
  const next = shown[at + 1] ?? shown[at - 1] ?? null;
  if (decide(store, decision, { ids: [id] }) === 0) return;
  tracking.set({ focused: next ? next.change.id : null });
}

export function ChangesPanel({ store }: RightPanelProps) {
  const { t } = useTranslation();
  const tracking = trackingOf(store);
  const state = useSyncExternalStore(tracking.subscribe, tracking.get);
  const edition = useEditor((s) => s.edition);
  const displayList = useEditor((s) => s.displayList);
  const views = useMemo(() => (edition ? changeViews(edition, displayList) : []), [edition, displayList]);
  const labels = useMemo(() => (edition ? labelsOf(edition) : []), [edition]);
  const authors = useMemo(() => authorsOf(views), [views]);
  const panel = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLOListElement>(null);

  useEffect(() => {
    if (state.open) panel.current?.scrollIntoView?.({ block: 'nearest' });
  }, [state.open]);
  useEffect(() => {
    if (state.focusList) list.current?.focus();
  }, [state.focusList]);

  if (!state.open || !edition) return null;
  const { filter } = state;
  const shown = views.filter((v) => passes(v, filter));
  const groups = groupByStory(shown);
  const stories = [...new Map(views.map((v) => [v.change.storyId, v.storyName])).entries()];
  const filtered = filter.storyId !== null || filter.page !== null || filter.author !== null;
  const focusedAt = shown.findIndex((v) => v.change.id === state.focused);

  const decideShown = (decision: Decision) => {
    const ids = shown.map((v) => v.change.id);
    if (ids.length && decide(store, decision, filtered ? { ids } : {}) > 0) tracking.set({ focused: null });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLOListElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey || shown.length === 0) return;
    const move = (index: number) => {
      event.preventDefault();
      jumpToChange(store, shown[Math.max(0, Math.min(shown.length - 1, index))], { caret: false });
    };
    const current = focusedAt >= 0 ? shown[focusedAt] : null;
    switch (event.key) {
      case 'ArrowDown':
        return move(focusedAt + 1);
      case 'ArrowUp':
        return move(focusedAt < 0 ? shown.length - 1 : focusedAt - 1);
      case 'Home':
        return move(0);
      case 'End':
        return move(shown.length - 1);
      case 'Enter':
        if (current) {
          event.preventDefault();
          jumpToChange(store, current, { caret: true });
        }
        return;
      case 'a':
      case 'A':
      case 'r':
      case 'R':
        if (current) {
          event.preventDefault();
          decideAndMove(
            store,
            shown,
            current.change.id,
            event.key.toLowerCase() === 'a' ? 'accept' : 'reject',
          );
        }
        return;
    }
  };

  const scope = filtered ? 'Shown' : 'All';
  return (
    <div className="changes-panel" data-testid="changes-panel" ref={panel}>
      <div className="proofing-head">
        <h2>{t('tracking.title')}</h2>
        <span className="notes-count" data-testid="changes-count">
          {t('tracking.count', { shown: shown.length, count: views.length })}
        </span>
        <button
          type="button"
          className="proofing-close"
          data-testid="changes-close"
          title={t('tracking.close')}
          aria-label={t('tracking.close')}
          onClick={() => tracking.set({ open: false })}
        >
          ×
        </button>
      </div>
      <TrackingSwitches store={store} />
      <div className="notes-filters">
        <label>
          <span>{t('tracking.filter.story')}</span>
          <select
            data-testid="changes-filter-story"
            value={filter.storyId ?? ''}
            onChange={(e) => tracking.setFilter({ storyId: e.target.value || null })}
          >
            <option value="">{t('tracking.filter.allStories')}</option>
            {stories.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('tracking.filter.page')}</span>
          <select
            data-testid="changes-filter-page"
            value={filter.page === null ? '' : String(filter.page)}
            onChange={(e) =>
              tracking.setFilter({ page: e.target.value === '' ? null : Number(e.target.value) })
            }
          >
            <option value="">{t('tracking.filter.allPages')}</option>
            {labels.map((label, i) => (
              <option key={i} value={i}>
                {t('tracking.filter.pageN', { page: label })}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('tracking.filter.author')}</span>
          <select
            data-testid="changes-filter-author"
            value={filter.author ?? ''}
            onChange={(e) => tracking.setFilter({ author: e.target.value || null })}
          >
            <option value="">{t('tracking.filter.everyone')}</option>
            {authors.map(({ name }) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="notes-tools">
        <button
          type="button"
          data-testid="changes-accept-all"
          disabled={shown.length === 0}
          onClick={() => decideShown('accept')}
        >
          {t(`tracking.accept${scope}`, { count: shown.length })}
        </button>
        <button
          type="button"
          data-testid="changes-reject-all"
          disabled={shown.length === 0}
          onClick={() => decideShown('reject')}
        >
          {t(`tracking.reject${scope}`, { count: shown.length })}
        </button>
      </div>
      {views.length === 0 ? (
        <p className="notes-empty" data-testid="changes-empty">
          {t('tracking.empty')}
        </p>
      ) : shown.length === 0 ? (
        <p className="notes-empty" data-testid="changes-empty">
          {t('tracking.noneMatch')}
        </p>
      ) : (
        <ol
          ref={list}
          className="changes-list"
          data-testid="changes-list"
          role="listbox"
          tabIndex={0}
          aria-label={t('tracking.listLabel')}
          aria-activedescendant={focusedAt >= 0 ? `change-${state.focused}` : undefined}
          onKeyDown={onKeyDown}
        >
          {groups.map((group) => (
            <li key={group.storyId} className="change-group" data-testid="change-group" role="presentation">
              <div className="change-group-head">
                <span className="change-story" lang={edition.meta.language}>
                  {group.storyName}
                </span>
                <span className="change-where">
                  {group.pageIndex !== null
                    ? t('tracking.where.page', { page: labels[group.pageIndex] ?? group.pageIndex + 1 })
                    : t('tracking.where.overset')}
                </span>
                <button
                  type="button"
                  data-testid="story-accept"
                  title={t('tracking.acceptStory')}
                  aria-label={t('tracking.acceptStory')}
                  onClick={() => decide(store, 'accept', { storyId: group.storyId })}
                >
                  ✓
                </button>
                <button
                  type="button"
                  data-testid="story-reject"
                  title={t('tracking.rejectStory')}
                  aria-label={t('tracking.rejectStory')}
                  onClick={() => decide(store, 'reject', { storyId: group.storyId })}
                >
                  ✗
                </button>
              </div>
              <ol className="change-cards" role="group">
                {group.changes.map((view) => (
                  <ChangeCard
                    key={view.change.id}
                    view={view}
                    edition={edition}
                    pageLabels={labels}
                    focused={state.focused === view.change.id}
                    onPick={() => jumpToChange(store, view, { caret: true })}
                    onAccept={() => decideAndMove(store, shown, view.change.id, 'accept')}
                    onReject={() => decideAndMove(store, shown, view.change.id, 'reject')}
                  />
                ))}
              </ol>
            </li>
          ))}
        </ol>
      )}
      <p className="changes-keys">{t('tracking.keys')}</p>
    </div>
  );
}

/**
 * Edit ▸ Find… (Ctrl/Cmd+F): find and replace over the open story, the
 * current page or the whole edition — plain text, whole words, match case,
 * regular expressions ($1 in the replacement) and full/half width alike.
 * Results list page, story and context; a click (or Enter, Find next) goes
 * to the place on the canvas and in the story editor. Replace and Replace
 * all are model operations through the session: Replace all is one undo step.
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import {
  StaleMatchError,
  findInEdition,
  replaceOperations,
  replacementFor,
  type FindMatch,
} from '../../shared/find';
import { sessionOf } from '../actions/session';
import type { EditorStore } from '../state/editor-store';
import { useEditor } from '../state/use-editor';
import { jumpTo, refocusAfterJump } from './jump';
import { proofingOf, scopeOf, type FindQuery } from './proofing-state';

export function FindPanel({ store }: { store: EditorStore }) {
  const { t } = useTranslation();
  const proofing = proofingOf(store);
  const state = useSyncExternalStore(proofing.subscribe, proofing.get);
  const edition = useEditor((s) => s.edition);
  const storyId = useEditor((s) => s.selection.storyId);
  const field = useRef<HTMLInputElement>(null);
  const { query } = state;

  // The current result stays in view in the list as Enter steps through it.
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    list.current?.querySelector('.find-result.current')?.scrollIntoView?.({ block: 'nearest' });
  }, [state.current]);

  useEffect(() => {
    if (state.findOpen && state.focusFind > 0) {
      field.current?.scrollIntoView?.({ block: 'nearest' });
      field.current?.focus();
      field.current?.select();
    }
  }, [state.focusFind, state.findOpen]);

  // Cached per edition, composition, query and scope; the page overlays read the same results.
  const shown = useEditor((s) => proofing.results(s));

  if (!state.findOpen) return null;
  const { matches } = shown;
  const error = shown.error ? t('find.invalid', { detail: shown.error }) : null;
  const current = state.current >= 0 && state.current < matches.length ? state.current : -1;

  const show = (match: FindMatch, index: number, keepFocus: HTMLElement | null) => {
    proofing.set({ current: index });
    jumpTo(
      store,
      { storyId: match.storyId, block: match.block, start: match.start, end: match.end },
      match.pageIndex,
    );
    refocusAfterJump(store, keepFocus);
  };
  const go = (index: number, keepFocus: HTMLElement | null = null) => {
    const match = matches[index];
    if (!match) return;
    proofing.set({ notice: null });
    show(match, index, keepFocus);
  };
  const step = (direction: 1 | -1, keepFocus: HTMLElement | null) => {
    if (matches.length === 0) return;
    const next = current < 0 ? (direction > 0 ? 0 : matches.length - 1) : current + direction;
    go((next + matches.length) % matches.length, keepFocus);
  };

  const replace = (all: boolean) => {
    const before = store.getState().edition;
    if (!before) return;
    if (!all && current < 0) {
      // Nothing chosen yet: show the first match; the next click replaces it.
      step(1, null);
      return;
    }
    const chosen = all ? matches : [matches[current]];
    try {
      const replacements = chosen.map((m) => replacementFor(m, query.replacement, query.regex));
      const ops = replaceOperations(before, replacements);
      if (ops.length)
        sessionOf(store).apply(ops, { label: all ? 'find.step.replaceAll' : 'find.step.replace' });
      proofing.set({ notice: t('find.replaced', { count: chosen.length }), highlight: null, current: -1 });
      if (all) return;
      // Go on to the match after the one replaced, in the text as it is now.
      const after = store.getState();
      if (!after.edition) return;
      const scope = scopeOf(query, after.selection.storyId, after.selection.pageIndex);
      const fresh = findInEdition(after.edition, after.displayList, { ...query, scope }).matches;
      const done = replacements[0];
      let index = fresh.findIndex(
        (m) =>
          m.storyId === done.storyId && m.block === done.block && m.start >= done.start + done.with.length,
      );
      if (index < 0) index = Math.min(current, fresh.length - 1);
      if (index >= 0) show(fresh[index], index, null);
    } catch (error) {
      if (error instanceof StaleMatchError) proofing.set({ notice: t('find.stale') });
      else throw error;
    }
  };

  const option = (key: 'caseSensitive' | 'wholeWord' | 'regex' | 'widthInsensitive') => (
    <label className="find-option">
      <input
        type="checkbox"
        data-testid={`find-${key}`}
        checked={query[key]}
        onChange={(e) => proofing.setQuery({ [key]: e.target.checked })}
      />
      {t(`find.${key}`)}
    </label>
  );

  const countText = error
    ? error
    : !query.pattern
      ? t('find.empty')
      : matches.length === 0
        ? t('find.none')
        : current >= 0
          ? t('find.current', { n: current + 1, count: matches.length })
          : t('find.count', { count: matches.length });

  return (
    <div className="find-panel" data-testid="find-panel">
      <div className="proofing-head">
        <h2>{t('find.title')}</h2>
        <button
          type="button"
          className="proofing-close"
          data-testid="find-close"
          title={t('find.close')}
          aria-label={t('find.close')}
          onClick={() => proofing.set({ findOpen: false, highlight: null })}
        >
          ×
        </button>
      </div>
      <label className="find-field">
        <span>{t('find.pattern')}</span>
        <input
          ref={field}
          data-testid="find-pattern"
          value={query.pattern}
          spellCheck={false}
          onChange={(e) => proofing.setQuery({ pattern: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              step(e.shiftKey ? -1 : 1, e.currentTarget);
            } else if (e.key === 'Escape') proofing.set({ findOpen: false, highlight: null });
          }}
        />
      </label>
      <label className="find-field">
        <span>{t('find.replacement')}</span>
        <input
          data-testid="find-replacement"
          value={query.replacement}
          spellCheck={false}
          onChange={(e) => proofing.set({ query: { ...query, replacement: e.target.value } })}
        />
      </label>
      <div className="find-options">
        {option('caseSensitive')}
        {option('wholeWord')}
        {option('regex')}
        {option('widthInsensitive')}
      </div>
      <label className="find-field">
        <span>{t('find.scope')}</span>
        <select
          data-testid="find-scope"
          value={query.scope}
          onChange={(e) => proofing.setQuery({ scope: e.target.value as FindQuery['scope'] })}
        >
          <option value="story" disabled={!storyId}>
            {t('find.scope.story')}
          </option>
          <option value="page">{t('find.scope.page')}</option>
          <option value="edition">{t('find.scope.edition')}</option>
        </select>
      </label>
      <div className="find-buttons">
        <button
          type="button"
          data-testid="find-previous"
          onClick={() => step(-1, null)}
          disabled={!matches.length}
        >
          {t('find.previous')}
        </button>
        <button
          type="button"
          data-testid="find-next"
          onClick={() => step(1, null)}
          disabled={!matches.length}
        >
          {t('find.next')}
        </button>
        <button
          type="button"
          data-testid="find-replace"
          onClick={() => replace(false)}
          disabled={!matches.length}
        >
          {t('find.replaceOne')}
        </button>
        <button
          type="button"
          data-testid="find-replace-all"
          onClick={() => replace(true)}
          disabled={!matches.length}
        >
          {t('find.replaceAll')}
        </button>
      </div>
      <div className={error ? 'find-count find-error' : 'find-count'} data-testid="find-count" role="status">
        {countText}
      </div>
      {state.notice ? (
        <div className="find-notice" data-testid="find-notice">
          {state.notice}
        </div>
      ) : null}
      <ol className="find-results" data-testid="find-results" ref={list}>
        {matches.map((m, i) => (
          <li key={`${m.storyId}:${m.block}:${m.start}`}>
            <button
              type="button"
              className={i === current ? 'find-result current' : 'find-result'}
              data-testid="find-result"
              onClick={() => go(i)}
            >
              <span className="find-where">
                {m.pageIndex === null ? t('find.overset') : t('find.page', { n: m.pageIndex + 1 })} ·{' '}
                {edition?.stories[m.storyId]?.name ?? m.storyId}
              </span>
              <span className="find-context" lang={edition?.meta.language} translate="no">
                {m.before}
                <mark>{m.text}</mark>
                {m.after}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}

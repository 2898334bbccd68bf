/**
 * File ▸ Preflight: the host's preflight of the open edition (press checks
 * and copy checks) as a list — each finding with its page and, for copy,
 * its story and the characters it is about. A click goes there; Fix applies
 * the finding's fix as one undo step; a spelling finding can be accepted in
 * this edition or added to the user's own dictionary. Below, the edition's
 * copy-check switches, house list and accepted words.
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { StaleMatchError } from '../../shared/find';
import { addToDictionaryOperation, copyFixOperations } from '../../shared/preflight';
import type { FolioServices, PreflightProblem } from '../../shared/services/api';
import { sessionOf } from '../actions/session';
import type { EditorStore } from '../state/editor-store';
import { useEditorDeferred } from '../state/use-editor';
import { CopyCheckSettingsForm } from './CopyCheckSettingsForm';
import { jumpTo } from './jump';
import { proofingOf } from './proofing-state';
import { runPreflight } from './run-preflight';

/** After a fix, the findings later in the same paragraph move by what it added or took away. */
function shiftAfterFix(problems: PreflightProblem[], fixed: PreflightProblem): PreflightProblem[] {
  const at = fixed.text!;
  const delta = fixed.fix!.replacement.length - at.length;
  return problems
    .filter((p) => p !== fixed)
    .map((p) =>
      p.text &&
      p.text.storyId === at.storyId &&
      p.text.block === at.block &&
      p.text.offset >= at.offset + at.length
        ? { ...p, text: { ...p.text, offset: p.text.offset + delta } }
        : p,
    );
}

export function PreflightPanel({ store, services }: { store: EditorStore; services: FolioServices | null }) {
  const { t } = useTranslation();
  const proofing = proofingOf(store);
  const state = useSyncExternalStore(proofing.subscribe, proofing.get);
  const edition = useEditorDeferred((s) => s.edition);
  const panel = useRef<HTMLDivElement>(null);
  // Opened (File ▸ Preflight): bring the panel into view in the right-hand column.
  useEffect(() => {
    if (state.preflightOpen) panel.current?.scrollIntoView?.({ block: 'start' });
  }, [state.preflightOpen]);
  if (!state.preflightOpen) return null;
  const problems = state.problems ?? [];
  const errors = problems.filter((p) => p.severity === 'error').length;

  const frameName = (frameId: string | null): string | null => {
    if (!frameId || !edition) return null;
    for (const container of [...edition.pages, ...edition.masters])
      for (const frame of container.frames) if (frame.id === frameId) return frame.name || null;
    return null;
  };

  const title = (p: PreflightProblem): string => {
    if (p.detail) return t(p.detail.key, p.detail.values);
    return p.code ? t(`preflight.code.${p.code}`, { defaultValue: p.message }) : p.message;
  };

  const go = (p: PreflightProblem, index: number) => {
    proofing.set({ focusedProblem: index });
    if (p.text)
      jumpTo(
        store,
        {
          storyId: p.text.storyId,
          block: p.text.block,
          start: p.text.offset,
          end: p.text.offset + p.text.length,
        },
        p.pageIndex,
      );
    else if (p.pageIndex !== null) {
      store.select({ pageIndex: p.pageIndex, frameIds: p.frameId ? [p.frameId] : [] });
      proofing.set({ highlight: null });
    }
  };

  const fix = (p: PreflightProblem) => {
    const current = store.getState().edition;
    if (!current) return;
    try {
      const ops = copyFixOperations(current, p);
      if (ops.length) sessionOf(store).apply(ops, { label: 'preflight.step.fix' });
      proofing.set({ problems: shiftAfterFix(problems, p), highlight: null, notice: null });
    } catch (error) {
      if (error instanceof StaleMatchError) proofing.set({ notice: t('preflight.stale') });
      else throw error;
    }
  };

  const accept = (p: PreflightProblem, mine: boolean) => {
    const word = p.text?.match;
    const current = store.getState().edition;
    if (!word || !current) return;
    const same = (q: PreflightProblem) =>
      q.code === 'copy-spelling' && q.text?.match.toLowerCase() === word.toLowerCase();
    if (mine && services) {
      void services['preferences.get']({}).then((prefs) =>
        services['preferences.set']({ userDictionary: [...prefs.userDictionary, word] }),
      );
    } else {
      const op = addToDictionaryOperation(current, word);
      if (op) sessionOf(store).apply(op, { label: 'preflight.step.settings' });
    }
    proofing.set({ problems: problems.filter((q) => !same(q)) });
  };

  return (
    <div className="preflight-panel" data-testid="preflight-panel" ref={panel}>
      <div className="proofing-head">
        <h2>{t('preflight.title')}</h2>
        <button
          type="button"
          data-testid="preflight-run"
          disabled={state.preflightRunning}
          onClick={() => void runPreflight(store, services)}
        >
          {state.preflightRunning ? t('preflight.running') : t('preflight.run')}
        </button>
        <button
          type="button"
          className="proofing-close"
          data-testid="preflight-close"
          title={t('preflight.close')}
          aria-label={t('preflight.close')}
          onClick={() => proofing.set({ preflightOpen: false, highlight: null })}
        >
          ×
        </button>
      </div>
      <div className="find-count" data-testid="preflight-summary" role="status">
        {state.preflightError
          ? `${t('app.error')}: ${state.preflightError}`
          : state.problems === null
            ? t('preflight.running')
            : problems.length === 0
              ? t('preflight.none')
              : t('preflight.summary', { errors, warnings: problems.length - errors })}
      </div>
      {state.notice ? (
        <div className="find-notice" data-testid="preflight-notice">
          {state.notice}
        </div>
      ) : null}
      <ol className="find-results" data-testid="preflight-findings">
        {problems.map((p, i) => (
          <li
            key={`${p.code}:${p.text?.storyId}:${p.text?.block}:${p.text?.offset}:${p.frameId}:${i}`}
            className={`preflight-finding ${p.severity}`}
            data-testid="preflight-finding"
            data-code={p.code}
          >
            <button
              type="button"
              className={i === state.focusedProblem ? 'find-result current' : 'find-result'}
              onClick={() => go(p, i)}
            >
              <span className="find-where">
                <span className={`severity ${p.severity}`} aria-hidden="true">
                  {p.severity === 'error' ? '⛔' : '⚠'}
                </span>{' '}
                {title(p)}
              </span>
              <span className="find-where">
                {p.pageIndex === null ? t('preflight.noPage') : t('preflight.page', { n: p.pageIndex + 1 })}
                {p.text ? ` · ${p.text.storyName}` : frameName(p.frameId) ? ` · ${frameName(p.frameId)}` : ''}
              </span>
              {p.text ? (
                <span className="find-context" lang={edition?.meta.language} translate="no">
                  {p.text.before}
                  <mark>{p.text.match}</mark>
                  {p.text.after}
                </span>
              ) : null}
            </button>
            {p.fix ? (
              <button type="button" data-testid="preflight-fix" onClick={() => fix(p)}>
                {p.fix.replacement
                  ? t('preflight.fixTo', { replacement: p.fix.replacement })
                  : t('preflight.fixDelete')}
              </button>
            ) : null}
            {p.code === 'copy-spelling' ? (
              <>
                <button type="button" data-testid="preflight-accept" onClick={() => accept(p, false)}>
                  {t('preflight.addToEdition')}
                </button>
                {services ? (
                  <button type="button" data-testid="preflight-accept-mine" onClick={() => accept(p, true)}>
                    {t('preflight.addToMine')}
                  </button>
                ) : null}
              </>
            ) : null}
          </li>
        ))}
      </ol>
      <CopyCheckSettingsForm store={store} />
    </div>
  );
}

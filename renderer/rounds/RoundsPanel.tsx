/**
 * Review ▸ Proof Rounds Panel: the edition's proof rounds (校次) in order,
 * who started each and when, renamable; a compare picker (any round with
 * any later one or with now); and the sign-off (签版) desk — every page's
 * status with Sign off / Reopen, and the edition's "require sign-off for
 * press". The Start Proof Round dialog is drawn here too, so it opens
 * whether the panel is open or not.
 */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { pageLabels } from '../../shared/model/plan';
import { reviewOf } from '../../shared/model/review';
import type { Edition, Id, ProofRound } from '../../shared/model/types';
import type { RightPanelProps } from '../shell/extensions';
import type { EditorStore } from '../state/editor-store';
import { useEditor } from '../state/use-editor';
import { showComparison } from './compare';
import { renameRound, reopenPage, setRequireSignoff, signOffPage } from './round-actions';
import { roundsOf } from './rounds-state';
import { StartRoundDialog } from './StartRoundDialog';
import { useStatusText, useTimeFormat } from './status-text';

function RoundItem({
  store,
  round,
  previous,
}: {
  store: EditorStore;
  round: ProofRound;
  previous: ProofRound | null;
}) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const [editing, setEditing] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const isEditing = editing !== null;
  useEffect(() => {
    if (isEditing) input.current?.select();
  }, [isEditing]);
  return (
    <li className="round" data-testid="round" data-round-id={round.id}>
      {editing === null ? (
        <div className="round-head">
          <span className="round-name" data-testid="round-name" translate="no">
            {round.name}
          </span>
          <button type="button" data-testid="round-rename" onClick={() => setEditing(round.name)}>
            {t('rounds.rename')}
          </button>
        </div>
      ) : (
        <form
          className="round-rename"
          onSubmit={(event) => {
            event.preventDefault();
            if (renameRound(store, round.id, editing)) setEditing(null);
          }}
        >
          <input
            ref={input}
            data-testid="round-rename-input"
            aria-label={t('rounds.renameLabel')}
            value={editing}
            onChange={(event) => setEditing(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') setEditing(null);
            }}
          />
          <button type="submit" data-testid="round-rename-save" disabled={!editing.trim()}>
            {t('rounds.save')}
          </button>
          <button type="button" onClick={() => setEditing(null)}>
            {t('rounds.cancel')}
          </button>
        </form>
      )}
      <div className="round-by" data-testid="round-by">
        {t('rounds.by', { author: round.author, time: time(round.time) })}
      </div>
      <div className="round-actions">
        {previous ? (
          <button
            type="button"
            data-testid="round-compare-previous"
            onClick={() => showComparison(store, { from: previous.id, to: round.id })}
          >
            {t('rounds.compare.withPrevious')}
          </button>
        ) : null}
        <button
          type="button"
          data-testid="round-compare-now"
          onClick={() => showComparison(store, { from: round.id, to: 'now' })}
        >
          {t('rounds.compare.withNow')}
        </button>
      </div>
    </li>
  );
}

function ComparePicker({ store, rounds }: { store: EditorStore; rounds: readonly ProofRound[] }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState<Id | null>(null);
  const [to, setTo] = useState<Id | 'now'>('now');
  const fromId = rounds.some((r) => r.id === from) ? from! : rounds[rounds.length - 1].id;
  const toId = to === 'now' || rounds.some((r) => r.id === to) ? to : 'now';
  return (
    <div className="rounds-compare">
      <h3>{t('rounds.compare.title')}</h3>
      <label>
        <span>{t('rounds.compare.from')}</span>
        <select data-testid="compare-from" value={fromId} onChange={(e) => setFrom(e.target.value)}>
          {rounds.map((round) => (
            <option key={round.id} value={round.id} translate="no">
              {round.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('rounds.compare.to')}</span>
        <select data-testid="compare-to" value={toId} onChange={(e) => setTo(e.target.value)}>
          {rounds.map((round) => (
            <option key={round.id} value={round.id} translate="no">
              {round.name}
            </option>
          ))}
          <option value="now">{t('rounds.compare.now')}</option>
        </select>
      </label>
      <button
        type="button"
        data-testid="compare-go"
        disabled={fromId === toId}
        onClick={() => showComparison(store, { from: fromId, to: toId })}
      >
        {t('rounds.compare.go')}
      </button>
    </div>
  );
}

function SignoffDesk({ store, edition }: { store: EditorStore; edition: Edition }) {
  const { t } = useTranslation();
  const statusText = useStatusText();
  const current = useEditor((s) => s.selection.pageIndex);
  const labels = pageLabels(edition);
  const required = reviewOf(edition).settings.requireSignoff;
  return (
    <div className="rounds-signoff" data-testid="signoff-desk">
      <h3>{t('rounds.signoff.title')}</h3>
      <label className="rounds-require" title={t('rounds.requireHint')}>
        <input
          type="checkbox"
          data-testid="require-signoff"
          checked={required}
          onChange={(event) => setRequireSignoff(store, event.target.checked)}
        />
        <span>{t('rounds.require')}</span>
      </label>
      <ol className="signoff-pages">
        {edition.pages.map((page, index) => {
          const view = statusText(edition, page.id);
          return (
            <li
              key={page.id}
              className={index === current ? 'signoff-page current' : 'signoff-page'}
              data-testid={`signoff-page-${index + 1}`}
              data-status={view.status}
            >
              <button
                type="button"
                className="signoff-go"
                onClick={() => {
                  store.select({ pageIndex: index, frameIds: [] });
                  document
                    .querySelector(`[data-testid="page-${index + 1}"]`)
                    ?.scrollIntoView({ block: 'start', behavior: 'smooth' });
                }}
              >
                {t('rounds.pageN', { page: labels[index] ?? index + 1 })}
              </button>
              <span className={`page-status status-${view.status}`} data-testid="signoff-status">
                {view.status === 'signed' ? view.detail : view.label}
              </span>
              {view.status === 'signed' ? (
                <button type="button" data-testid="signoff-reopen" onClick={() => reopenPage(store, index)}>
                  {t('rounds.reopen')}
                </button>
              ) : (
                <button
                  type="button"
                  data-testid="signoff-sign"
                  onClick={() => void signOffPage(store, index)}
                >
                  {t('rounds.signOff')}
                </button>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}

export function RoundsPanel({ store }: RightPanelProps) {
  const { t } = useTranslation();
  const rounds = roundsOf(store);
  const state = useSyncExternalStore(rounds.subscribe, rounds.get);
  const edition = useEditor((s) => s.edition);
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.open) panel.current?.scrollIntoView?.({ block: 'nearest' });
  }, [state.open]);
  const list = edition ? reviewOf(edition).rounds : [];
  return (
    <>
      {state.starting && edition ? <StartRoundDialog store={store} /> : null}
      {state.open && edition ? (
        <div className="rounds-panel" data-testid="rounds-panel" ref={panel}>
          <div className="proofing-head">
            <h2>{t('rounds.title')}</h2>
            <button
              type="button"
              className="proofing-close"
              data-testid="rounds-close"
              title={t('rounds.close')}
              aria-label={t('rounds.close')}
              onClick={() => rounds.set({ open: false })}
            >
              ×
            </button>
          </div>
          <div className="rounds-tools">
            <button
              type="button"
              data-testid="rounds-start"
              title={t('rounds.startHint')}
              onClick={() => rounds.set({ starting: { name: '' } })}
            >
              {t('rounds.start')}
            </button>
          </div>
          {list.length === 0 ? (
            <p className="rounds-empty" data-testid="rounds-empty">
              {t('rounds.none')}
            </p>
          ) : (
            <>
              <ol className="rounds-list" data-testid="rounds-list">
                {list.map((round, i) => (
                  <RoundItem key={round.id} store={store} round={round} previous={list[i - 1] ?? null} />
                ))}
              </ol>
              <ComparePicker store={store} rounds={list} />
            </>
          )}
          <SignoffDesk store={store} edition={edition} />
        </div>
      ) : null}
    </>
  );
}

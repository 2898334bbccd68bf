/**
 * After a crash: offers to recover the editions whose journals hold changes
 * that no saved file has (the host decides which, and deletes the rest;
 * see shared/editing/recovery-offer.ts). One entry per edition: file name,
 * time of the last change, number of changes and what differs — the stories
 * and pages changed and the first changed text. Recover replays the journal
 * in the host and opens the result as an unsaved document; Discard deletes
 * the journal. Nothing is deleted before the user chooses.
 *
 * One prompt, however many windows: each window asks with its own id (kept
 * in sessionStorage, so a reloaded tab is the same window) and the host
 * gives the list to the first one only, while it keeps renewing its claim;
 * a window closed undecided gives its claim back.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecoverableJournalInfo } from '../../shared/editing/journal-service';
import type { RightPanelProps } from '../shell/extensions';
import { errorText } from '../../shared/services/locales/localized-error';
import { sessionOf } from './session';

/** How often the window showing the prompt renews its claim (the host lets a claim lapse after 30 s). */
const HOLD_EVERY_MS = 10_000;
const WINDOW_ID_KEY = 'folio-window-id';

/** This window's id for the recovery claim: stable across reloads of the tab. */
function windowId(): string {
  const fresh = () => `w${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
  try {
    const known = sessionStorage.getItem(WINDOW_ID_KEY);
    if (known && /^[A-Za-z0-9_-]{1,80}$/.test(known)) return known;
    const id = fresh();
    sessionStorage.setItem(WINDOW_ID_KEY, id);
    return id;
  } catch {
    return fresh();
  }
}

export function RecoveryPrompt({ store }: RightPanelProps) {
  const { t, i18n } = useTranslation();
  const session = sessionOf(store);
  const notice = useSyncExternalStore(session.subscribe, () => session.getNotice());
  const journalError = useSyncExternalStore(session.subscribe, () => session.getJournalError());
  const [found, setFound] = useState<RecoverableJournalInfo[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [claimant] = useState(windowId);
  const language = i18n.language === 'zh-Hans' ? 'zh-Hans' : 'en';
  const shown = notice ?? journalError;

  useEffect(() => {
    const services = session.journalServices;
    if (!services) return;
    services['journal.listRecoverable']({ claimant }).then(setFound, () => setFound([]));
  }, [session, claimant]);

  const open = (found?.length ?? 0) > 0;
  useEffect(() => {
    const services = session.journalServices;
    if (!open || !services) return;
    const timer = setInterval(() => {
      void services['journal.holdRecovery']({ claimant }).catch(() => undefined);
    }, HOLD_EVERY_MS);
    // Closed or reloaded undecided: let the next window prompt at once rather
    // than after the claim lapses (a reload asks again with the same id).
    const release = () => void services['journal.releaseRecovery']({ claimant }).catch(() => undefined);
    window.addEventListener('pagehide', release);
    return () => {
      clearInterval(timer);
      window.removeEventListener('pagehide', release);
    };
  }, [open, session, claimant]);

  const remove = (item: RecoverableJournalInfo) =>
    setFound((list) => (list ?? []).filter((x) => x.sessionId !== item.sessionId));

  const recover = async (item: RecoverableJournalInfo) => {
    const services = session.journalServices;
    if (!services) return;
    setBusy(true);
    try {
      const doc = await services['journal.recover']({ sessionId: item.sessionId });
      session.adoptRecovered(
        { documentId: doc.documentId, path: doc.path, title: doc.title },
        doc.edition,
        item.sessionId,
      );
      if (doc.replayError)
        setError(t('recovery.partial', { applied: doc.replayed, total: item.operationCount }));
      remove(item);
    } catch (e) {
      setError(t('recovery.failed', { message: (e as Error).message }));
    } finally {
      setBusy(false);
    }
  };

  const discard = async (item: RecoverableJournalInfo) => {
    setBusy(true);
    try {
      await session.journalServices?.['journal.discard']({ sessionId: item.sessionId });
      remove(item);
    } catch (e) {
      setError(t('recovery.failed', { message: (e as Error).message }));
    } finally {
      setBusy(false);
    }
  };

  const list = (items: readonly (string | number)[]) => items.join(t('recovery.listSeparator'));
  const time = (at: number) => new Date(at).toLocaleString(i18n.language);

  return (
    <>
      {shown ? (
        <div
          className="editing-notice"
          role="status"
          data-testid="editing-notice"
          style={{ color: '#a00', padding: 4 }}
        >
          {typeof shown === 'string' ? shown : errorText(shown, language)}
          {notice ? (
            <button
              type="button"
              onClick={() => session.notify(null)}
              style={{ marginLeft: 8 }}
              title={t('notice.close')}
              aria-label={t('notice.close')}
            >
              ×
            </button>
          ) : null}
        </div>
      ) : null}
      {found !== null ? <span hidden data-testid="recovery-checked" data-offered={found.length} /> : null}
      {open ? (
        <div
          role="dialog"
          aria-modal="true"
          aria-labelledby="recovery-title"
          data-testid="recovery-prompt"
          style={{
            position: 'fixed',
            inset: 0,
            background: 'rgba(0,0,0,0.35)',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
            zIndex: 1000,
          }}
        >
          <div
            style={{
              background: '#fff',
              padding: 20,
              borderRadius: 6,
              maxWidth: 560,
              maxHeight: '80vh',
              overflowY: 'auto',
              boxShadow: '0 8px 30px rgba(0,0,0,0.3)',
            }}
          >
            <h2 id="recovery-title" style={{ marginTop: 0 }}>
              {t('recovery.title')}
            </h2>
            <p>{t('recovery.intro')}</p>
            {found!.map((item) => (
              <div
                key={item.sessionId}
                data-testid="recovery-item"
                data-session={item.sessionId}
                style={{ borderTop: '1px solid #ddd', padding: '8px 0' }}
              >
                <div>
                  <strong data-testid="recovery-file">{item.fileName ?? item.title}</strong>{' '}
                  {item.documentPath ? (
                    <code style={{ fontSize: 11, color: '#555' }}>{item.documentPath}</code>
                  ) : (
                    <span style={{ fontSize: 12, color: '#555' }}>{t('recovery.neverSaved')}</span>
                  )}
                </div>
                {item.error ? (
                  <div style={{ fontSize: 12, color: '#a00' }} data-testid="recovery-damaged">
                    {t('recovery.damaged')}
                  </div>
                ) : (
                  <div style={{ fontSize: 12, color: '#555' }}>
                    <div data-testid="recovery-count">
                      {t('recovery.changes', { count: item.operationCount })} ·{' '}
                      {t('recovery.lastAt', { time: time(item.lastAt) })}
                    </div>
                    {item.preview && item.preview.stories.length > 0 ? (
                      <div data-testid="recovery-stories">
                        {t('recovery.stories', { list: list(item.preview.stories.map((s) => s.name)) })}
                      </div>
                    ) : null}
                    {item.preview && item.preview.pages.length > 0 ? (
                      <div data-testid="recovery-pages">
                        {t('recovery.pages', { list: list(item.preview.pages) })}
                      </div>
                    ) : null}
                    {item.preview && item.preview.styles > 0 ? (
                      <div>{t('recovery.styles', { count: item.preview.styles })}</div>
                    ) : null}
                    {item.preview?.excerpt ? <Excerpt excerpt={item.preview.excerpt} /> : null}
                    {item.older.length > 0 ? (
                      <div>{t('recovery.older', { count: item.older.length })}</div>
                    ) : null}
                    {item.fileChanged ? <div>{t('recovery.fileChanged')}</div> : null}
                  </div>
                )}
                <button
                  type="button"
                  data-testid="recover"
                  disabled={busy || !!item.error}
                  onClick={() => void recover(item)}
                >
                  {t('recovery.recover')}
                </button>{' '}
                <button
                  type="button"
                  data-testid="discard-recovery"
                  disabled={busy}
                  onClick={() => void discard(item)}
                >
                  {t('recovery.discard')}
                </button>
              </div>
            ))}
            {error ? <p style={{ color: '#a00' }}>{error}</p> : null}
          </div>
        </div>
      ) : error ? (
        <div role="status" data-testid="recovery-error" style={{ color: '#a00', padding: 4 }}>
          {error}
        </div>
      ) : null}
    </>
  );
}

/** The first changed text, the change marked: inserted text underlined, deleted text struck through. */
function Excerpt({ excerpt }: { excerpt: NonNullable<RecoverableJournalInfo['preview']>['excerpt'] & {} }) {
  const changed =
    excerpt.kind === 'deleted' ? (
      <del>{excerpt.changed}</del>
    ) : (
      <ins style={{ background: '#fff3b0' }}>{excerpt.changed}</ins>
    );
  return (
    <blockquote
      data-testid="recovery-excerpt"
      data-kind={excerpt.kind}
      style={{ margin: '4px 0', padding: '2px 8px', borderLeft: '3px solid #ccc', color: '#222' }}
    >
      {excerpt.cutBefore ? '…' : ''}
      {excerpt.before}
      {changed}
      {excerpt.cutChanged ? '…' : ''}
      {excerpt.after}
      {excerpt.cutAfter ? '…' : ''}
    </blockquote>
  );
}

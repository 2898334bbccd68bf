/**
 * After a crash: offers to recover the editions whose journals were left
 * behind (title, number of edits, time of the last one). Recover replays
 * the journal in the host and opens the result as an unsaved document;
 * Discard deletes the journal. Nothing is deleted before the user chooses.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecoverableJournalInfo } from '../../shared/editing/journal-service';
import type { RightPanelProps } from '../shell/extensions';
import { errorText } from '../../shared/services/locales/localized-error';
import { sessionOf } from './session';

export function RecoveryPrompt({ store }: RightPanelProps) {
  const session = sessionOf(store);
  const notice = useSyncExternalStore(session.subscribe, () => session.getNotice());
  const journalError = useSyncExternalStore(session.subscribe, () => session.getJournalError());
  const [found, setFound] = useState<RecoverableJournalInfo[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'zh-Hans' ? 'zh-Hans' : 'en';
  const shown = notice ?? journalError;

  useEffect(() => {
    const services = session.journalServices;
    if (!services) return;
    services['journal.listRecoverable']({}).then(setFound, () => setFound([]));
  }, [session]);

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
      if (doc.replayError) setError(doc.replayError);
      setFound((list) => list.filter((x) => x.sessionId !== item.sessionId));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const discard = async (item: RecoverableJournalInfo) => {
    await session.journalServices?.['journal.discard']({ sessionId: item.sessionId });
    setFound((list) => list.filter((x) => x.sessionId !== item.sessionId));
  };

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
      {found.length > 0 ? (
        <div
          role="dialog"
          aria-modal="true"
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
              maxWidth: 520,
              boxShadow: '0 8px 30px rgba(0,0,0,0.3)',
            }}
          >
            <h2 style={{ marginTop: 0 }}>{t('recovery.title')}</h2>
            <p>{t('recovery.intro')}</p>
            {found.map((item) => (
              <div
                key={item.sessionId}
                data-testid="recovery-item"
                style={{ borderTop: '1px solid #ddd', padding: '8px 0' }}
              >
                <div>
                  <strong>{item.title}</strong> {item.documentPath ? <code>{item.documentPath}</code> : null}
                </div>
                <div style={{ fontSize: 12, color: '#555' }}>
                  {item.error
                    ? item.error
                    : t('recovery.item', {
                        count: item.operationCount,
                        when: new Date(item.lastAt).toLocaleString(language),
                      })}
                </div>
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
      ) : null}
    </>
  );
}

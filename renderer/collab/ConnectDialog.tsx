/**
 * File ▸ Connect to Newsroom…: sign in (server, user, password — the host
 * signs in, the page never sends the password anywhere else), then the
 * server's edition list with the user's role: open one (the window works on
 * it from then on), or publish the open edition or a .folio file as a new
 * one. A wrong password, an unreachable server, a name already taken are
 * said in one line in the dialog; nothing typed is lost.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditorStore } from '../state/use-editor';
import { renderUiText, type UiText } from '../i18n/ui-text';
import { connectDeps, setConnectDialogOpen, useConnectDialogOpen } from './connect-dialog-state';
import { useNewsroom } from './current-session';
import { disconnect, handOver, openSharedEdition } from './leave-newsroom';

interface Signed {
  serverUrl: string;
  user: string;
  role: 'designer' | 'editor' | 'proofreader' | 'admin';
}

interface EditionRow {
  name: string;
  updatedAt: string | null;
  bytes: number | null;
}

const LAST_SERVER = 'folio:newsroom-server';
const LAST_USER = 'folio:newsroom-user';

function remembered(key: string): string {
  try {
    return localStorage.getItem(key) ?? '';
  } catch {
    return '';
  }
}

/** A name the server accepts, from the edition's title (the user can change it). */
function suggestedName(title: string | undefined): string {
  const name = (title ?? '')
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .slice(0, 100);
  return name || 'edition';
}

export function ConnectDialog() {
  const open = useConnectDialogOpen();
  return open ? <ConnectForm /> : null;
}

function ConnectForm() {
  const { t, i18n } = useTranslation();
  const store = useEditorStore();
  const view = useNewsroom();
  const deps = connectDeps();
  const services = deps?.services;
  const [signed, setSigned] = useState<Signed | null>(null);
  const [checked, setChecked] = useState(false);
  const [server, setServer] = useState(() => view?.serverUrl ?? remembered(LAST_SERVER));
  const [user, setUser] = useState(() => remembered(LAST_USER));
  const [password, setPassword] = useState('');
  const [editions, setEditions] = useState<EditionRow[] | null>(null);
  const [name, setName] = useState(() => suggestedName(store.getState().document?.title));
  const [busy, setBusy] = useState<UiText | null>(null);
  const [error, setError] = useState<UiText | null>(null);
  const [notice, setNotice] = useState<UiText | null>(null);
  const close = () => setConnectDialogOpen(false);

  const run = useCallback(async (doing: UiText, work: () => Promise<void>) => {
    setBusy(doing);
    setError(null);
    setNotice(null);
    try {
      await work();
    } catch (failure) {
      setError(failure as Error);
    } finally {
      setBusy(null);
    }
  }, []);

  const loadEditions = useCallback(async () => {
    if (!services) return;
    try {
      const list = await services['newsroom.editions']({});
      setSigned({ serverUrl: list.serverUrl, user: list.user, role: list.role });
      setEditions(list.editions);
    } catch (failure) {
      // An expired sign-in: back to the form, with the reason.
      if ((failure as { key?: string }).key === 'newsroomui.error.signInAgain') setSigned(null);
      throw failure;
    }
  }, [services]);

  // Signed in already (this window, earlier): straight to the list.
  useEffect(() => {
    if (!services) return;
    void services['newsroom.state']({}).then(
      (state) => {
        setChecked(true);
        if (state.signedIn) {
          setSigned(state.signedIn);
          void run({ key: 'newsroomui.loading' }, loadEditions);
        }
      },
      () => setChecked(true),
    );
  }, [services, run, loadEditions]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && close();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (!services || !checked) return null;

  const signIn = (event: FormEvent) => {
    event.preventDefault();
    if (!server.trim() || !user.trim()) {
      setError({ key: 'newsroomui.error.fields' });
      return;
    }
    void run({ key: 'newsroomui.signingIn' }, async () => {
      const answer = await services['newsroom.signIn']({ serverUrl: server, user, password });
      try {
        localStorage.setItem(LAST_SERVER, answer.serverUrl);
        localStorage.setItem(LAST_USER, answer.user);
      } catch {
        // Private windows may refuse storage: the fields are only a convenience.
      }
      setPassword('');
      setSigned(answer);
      await loadEditions();
    });
  };

  const publish = (source: 'document' | 'file') =>
    void run({ key: 'newsroomui.publish.busy', values: { name } }, async () => {
      let path: string | undefined;
      if (source === 'file' && !deps?.info?.nativeDialogs) {
        const chosen = await deps?.prompts?.askPath({ key: 'newsroomui.publish.fileTitle' }, '');
        if (!chosen) return;
        path = chosen;
      }
      const done = await services['newsroom.publish']({
        name,
        source,
        path,
        ...(source === 'document' ? handOver(store) : {}),
      });
      if (!done) return;
      await loadEditions();
      setNotice({ key: 'newsroomui.published', values: { ...done } });
    });

  const openEdition = (edition: string) =>
    void run({ key: 'newsroomui.opening', values: { name: edition } }, () =>
      openSharedEdition(services, store, edition),
    );

  // The edition this window works on needs no Open, unless the server refused the window (signed in again since).
  const here = (edition: string) =>
    view?.edition === edition && view.serverUrl === signed?.serverUrl && view.state !== 'refused';
  const role = signed ? t(`newsroom.role.${signed.role}`) : '';
  const date = (iso: string | null) => (iso ? new Date(iso).toLocaleString(i18n.language) : '');

  return (
    <div className="modal-backdrop">
      <div
        className="modal connect-dialog"
        role="dialog"
        aria-label={t('newsroomui.title')}
        data-testid="connect-dialog"
      >
        <h2>{t('newsroomui.title')}</h2>
        {view ? (
          <p data-testid="connect-working">{t('newsroomui.working', { edition: view.edition })}</p>
        ) : null}
        {signed ? (
          <>
            <p data-testid="connect-signed-in" data-role={signed.role}>
              {t('newsroomui.signedIn', { server: signed.serverUrl, user: signed.user, role })}
            </p>
            <h3>{t('newsroomui.editions')}</h3>
            {editions && editions.length === 0 ? <p className="muted">{t('newsroomui.noEditions')}</p> : null}
            {editions && editions.length > 0 ? (
              <table className="connect-editions" data-testid="connect-editions">
                <thead>
                  <tr>
                    <th>{t('newsroomui.col.name')}</th>
                    <th>{t('newsroomui.col.updated')}</th>
                    <th>{t('newsroomui.col.size')}</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {editions.map((e) => (
                    <tr key={e.name} data-testid="connect-edition" data-name={e.name}>
                      <td>{e.name}</td>
                      <td>{date(e.updatedAt)}</td>
                      <td>
                        {e.bytes === null
                          ? ''
                          : t('newsroomui.size', { n: Math.max(1, Math.round(e.bytes / 1024)) })}
                      </td>
                      <td>
                        {here(e.name) ? (
                          <span className="muted">{t('newsroomui.here')}</span>
                        ) : (
                          <button
                            data-testid="connect-open"
                            title={t('newsroomui.openHint')}
                            disabled={busy !== null}
                            onClick={() => openEdition(e.name)}
                          >
                            {t('newsroomui.open')}
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
            <h3>{t('newsroomui.publish.title')}</h3>
            <label>
              {t('newsroomui.publish.name')}
              <input
                data-testid="publish-name"
                value={name}
                spellCheck={false}
                onChange={(event) => setName(event.target.value)}
              />
            </label>
            <div className="modal-buttons">
              <button
                data-testid="publish-document"
                disabled={busy !== null || !store.getState().edition}
                onClick={() => publish('document')}
              >
                {t('newsroomui.publish.document')}
              </button>
              <button data-testid="publish-file" disabled={busy !== null} onClick={() => publish('file')}>
                {t('newsroomui.publish.file')}
              </button>
            </div>
          </>
        ) : (
          <form className="connect-signin" onSubmit={signIn}>
            <label>
              {t('newsroomui.server')}
              <input
                data-testid="connect-server"
                value={server}
                placeholder="ws://127.0.0.1:4400"
                spellCheck={false}
                autoFocus={!server}
                onChange={(event) => setServer(event.target.value)}
              />
            </label>
            <label>
              {t('newsroomui.user')}
              <input
                data-testid="connect-user"
                value={user}
                spellCheck={false}
                autoComplete="username"
                onChange={(event) => setUser(event.target.value)}
              />
            </label>
            <label>
              {t('newsroomui.password')}
              <input
                data-testid="connect-password"
                type="password"
                value={password}
                autoFocus={Boolean(server)}
                autoComplete="current-password"
                onChange={(event) => setPassword(event.target.value)}
              />
            </label>
            <div className="modal-buttons">
              <button type="submit" data-testid="connect-signin" disabled={busy !== null}>
                {t('newsroomui.signIn')}
              </button>
            </div>
          </form>
        )}
        {busy ? (
          <p className="muted" role="status" data-testid="connect-busy">
            {renderUiText(busy, i18n)}
          </p>
        ) : null}
        {error ? (
          <p className="connect-error" role="alert" data-testid="connect-error">
            {renderUiText(error, i18n)}
          </p>
        ) : null}
        {notice ? (
          <p className="connect-notice" role="status" data-testid="connect-notice">
            {renderUiText(notice, i18n)}
          </p>
        ) : null}
        <div className="modal-buttons">
          {view ? (
            <button
              data-testid="connect-disconnect"
              title={t('newsroomui.disconnect.hint')}
              onClick={() => void run({ key: 'newsroomui.disconnect' }, () => disconnect(services))}
            >
              {t('newsroomui.disconnect')}
            </button>
          ) : signed ? (
            <button
              data-testid="connect-signout"
              onClick={() =>
                void run({ key: 'newsroomui.signOut' }, async () => {
                  await disconnect(services);
                  setSigned(null);
                  setEditions(null);
                })
              }
            >
              {t('newsroomui.signOut')}
            </button>
          ) : null}
          <button data-testid="connect-close" onClick={close}>
            {signed ? t('newsroomui.close') : t('newsroomui.cancel')}
          </button>
        </div>
      </div>
    </div>
  );
}

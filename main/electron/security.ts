/**
 * Electron's security checklist, applied to every web contents: no
 * navigation away from the app, no new windows, no <webview>, every
 * permission denied, and no request to the network but to a newsroom
 * server the user signed in to.
 */
import { app, session, type WebContents } from 'electron';
import { APP_ORIGIN } from './csp';
import { newsroomAllows } from './newsroom-access';

export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
} as const;

function lockDown(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function installSecurity(): void {
  app.on('web-contents-created', (_event, contents) => lockDown(contents));
  const defaultSession = session.defaultSession;
  defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  defaultSession.setPermissionCheckHandler(() => false);
  defaultSession.setDevicePermissionHandler(() => false);
  // No remote content: the app, fonts and assets all come through folio://. The one exception is a
  // newsroom server the user signed in to (main signed in; the window syncs the shared edition with it).
  defaultSession.webRequest.onBeforeRequest(
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] },
    (details, callback) => callback({ cancel: !newsroomAllows(details.url) }),
  );
}

/** IPC is accepted only from the app's own top-level page. */
export function trustedSender(frameUrl: string | undefined): boolean {
  return typeof frameUrl === 'string' && frameUrl.startsWith(`${APP_ORIGIN}/`);
}

/** Above the canvas: offline (edits kept on this computer, merged on reconnect), or why the server refused something. */
import { useTranslation } from 'react-i18next';
import { useNewsroom } from './current-session';

export function OfflineBanner() {
  const { t } = useTranslation();
  const view = useNewsroom();
  if (!view) return null;
  return (
    <>
      {view.state === 'offline' ? (
        <div className="banner-offline" role="status" data-testid="offline-banner">
          {t('newsroom.banner.offline')}
        </div>
      ) : null}
      {view.message ? (
        <div className="banner-error" role="alert" data-testid="newsroom-message">
          {view.message}
        </div>
      ) : null}
    </>
  );
}

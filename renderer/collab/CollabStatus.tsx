/** The status bar item of a shared edition: connection state, unsynced edits, who you are, who else is here, Disconnect. */
import { useTranslation } from 'react-i18next';
import type { RightPanelProps } from '../shell/extensions';
import { useEditorDeferred } from '../state/use-editor';
import { lockKey } from '../../shared/collab/locks';
import { currentNewsroomSession, useNewsroom } from './current-session';
import { connectDeps } from './connect-dialog-state';
import { disconnect } from './leave-newsroom';

export function CollabStatus(_props: RightPanelProps) {
  const { t } = useTranslation();
  const view = useNewsroom();
  const storyId = useEditorDeferred((s) => s.selection.storyId);
  const pageId = useEditorDeferred((s) => s.edition?.pages[s.selection.pageIndex]?.id ?? null);
  const stories = useEditorDeferred((s) => s.edition?.stories);
  if (!view) return null;
  const session = currentNewsroomSession();
  const lockButton = (kind: 'story' | 'page', id: string | null) => {
    if (!id) return null;
    const holder = view.locks.get(lockKey(kind, id))?.user ?? null;
    const mine = holder === view.user;
    const label = holder
      ? mine
        ? t(`newsroom.lock.checkIn.${kind}`)
        : t('newsroom.lock.heldBy', { user: holder })
      : t(`newsroom.lock.checkOut.${kind}`);
    const canAct = !holder || mine || view.role === 'admin';
    return (
      <button
        data-testid={`newsroom-lock-${kind}`}
        data-holder={holder ?? ''}
        disabled={!canAct}
        onClick={() => session?.requestLock(kind, id, !holder, !!holder && !mine)}
      >
        {holder && !mine && view.role === 'admin' ? t('newsroom.lock.break', { user: holder }) : label}
      </button>
    );
  };
  return (
    <span className="newsroom-status" data-testid="newsroom-status" data-state={view.state}>
      <span data-testid="newsroom-connection">
        {t(`newsroom.status.${view.state}`, { edition: view.edition })}
        {view.unsynced > 0 && view.state !== 'online'
          ? ` · ${t('newsroom.status.unsynced', { count: view.unsynced })}`
          : ''}
      </span>
      <span
        className="newsroom-people"
        data-testid="newsroom-collaborators"
        title={t('newsroom.collaborators')}
      >
        {view.collaborators.map((c) => (
          <span
            key={c.clientId}
            className="collaborator"
            data-user={c.user}
            // Which story they are in, on hover (the chip already says the page).
            title={
              c.caret && stories?.[c.caret.storyId]
                ? t('newsroomui.inStory', { user: c.user, story: stories[c.caret.storyId].name })
                : undefined
            }
            style={{ borderColor: c.color, color: c.color }}
          >
            {c.user}
            {c.pageIndex !== null ? ` · ${t('newsroom.onPage', { n: c.pageIndex + 1 })}` : ''}
          </span>
        ))}
      </span>
      {lockButton('story', storyId)}
      {lockButton('page', pageId)}
      <span className="newsroom-you" data-testid="newsroom-you" data-role={view.role}>
        {t('newsroomui.status.you', { user: view.user, role: t(`newsroom.role.${view.role}`) })}
      </span>
      <button
        data-testid="newsroom-disconnect"
        title={t('newsroomui.disconnect.hint')}
        onClick={() => {
          const services = connectDeps()?.services;
          if (services)
            void disconnect(services).catch((error: Error) => connectDeps()?.prompts?.notify(error, 'error'));
        }}
      >
        {t('newsroomui.disconnect')}
      </button>
    </span>
  );
}

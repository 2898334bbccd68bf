/**
 * The status bar's tracking item, as word processors show it: whether the
 * edits made now are tracked (in the open story, else the edition), how
 * many changes are pending, and which view the page shows. A click opens
 * the Changes panel.
 */
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { isTracking, reviewOf } from '../../shared/model/review';
import type { RightPanelProps } from '../shell/extensions';
import { useEditor } from '../state/use-editor';
import { changeViews } from './change-views';
import { trackingOf } from './tracking-state';

export function TrackingStatus({ store }: RightPanelProps) {
  const { t } = useTranslation();
  const tracking = trackingOf(store);
  const { open } = useSyncExternalStore(tracking.subscribe, tracking.get);
  const on = useEditor((s) => {
    if (!s.edition) return false;
    const storyId = s.selection.storyId;
    return storyId && s.edition.stories[storyId]
      ? isTracking(s.edition, storyId)
      : reviewOf(s.edition).settings.trackChanges;
  });
  const pending = useEditor((s) => (s.edition ? changeViews(s.edition, s.displayList).length : 0));
  const final = useEditor((s) => s.view.review === 'final');
  const hasEdition = useEditor((s) => s.edition !== null);
  if (!hasEdition) return null;
  return (
    <button
      type="button"
      className={`tracking-status${on ? ' on' : ''}`}
      data-testid="tracking-status"
      data-on={on}
      aria-pressed={open}
      title={t('tracking.status.hint')}
      onClick={() =>
        tracking.set({
          open: !open,
          focusList: open ? tracking.get().focusList : tracking.get().focusList + 1,
        })
      }
    >
      {t(on ? 'tracking.status.on' : 'tracking.status.off')}
      {pending > 0 ? ` · ${t('tracking.status.pending', { count: pending })}` : ''}
      {final ? ` · ${t('tracking.view.final')}` : ''}
    </button>
  );
}

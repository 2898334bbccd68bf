/**
 * The story panel's tracking switch for the open story (the same as
 * Review ▸ Track Changes in This Story): on while the story is tracked —
 * by its own switch or the edition's.
 */
import { useTranslation } from 'react-i18next';
import type { Id } from '../../shared/model/types';
import { isTracking } from '../../shared/model/review';
import type { EditorStore } from '../state/editor-store';
import { useEditor } from '../state/use-editor';
import { setStoryTracking } from './change-actions';

export function StoryTrackingSwitch({ store, storyId }: { store: EditorStore; storyId: Id }) {
  const { t } = useTranslation();
  const on = useEditor((s) => (s.edition?.stories[storyId] ? isTracking(s.edition, storyId) : false));
  return (
    <label className="tracking-switch story-tracking" title={t('tracking.storySwitchHint')}>
      <input
        type="checkbox"
        data-testid="story-tracking"
        checked={on}
        disabled={!store.canApply}
        onChange={(e) => setStoryTracking(store, storyId, e.target.checked)}
      />
      <span>{t('tracking.storySwitch')}</span>
    </label>
  );
}

/**
 * The top of the Changes panel: track this edition, track the story open
 * in the story editor (its own switch, else the edition's), the Markup /
 * Final view of the page. (Who the changes are stamped as: the status
 * bar's user badge and Review ▸ Your Name and Colour.)
 */
import { useTranslation } from 'react-i18next';
import { isTracking, reviewOf } from '../../shared/model/review';
import type { EditorStore } from '../state/editor-store';
import { useEditor } from '../state/use-editor';
import { setEditionTracking, setStoryTracking } from './change-actions';

export function TrackingSwitches({ store }: { store: EditorStore }) {
  const { t } = useTranslation();
  const edition = useEditor((s) => s.edition);
  const storyId = useEditor((s) => s.selection.storyId);
  const view = useEditor((s) => s.view.review);
  if (!edition) return null;
  const settings = reviewOf(edition).settings;
  const story = storyId ? edition.stories[storyId] : undefined;
  const own = story && Object.prototype.hasOwnProperty.call(settings.trackStories, story.id);

  return (
    <div className="tracking-switches">
      <label className="tracking-switch">
        <input
          type="checkbox"
          data-testid="tracking-edition"
          checked={settings.trackChanges}
          onChange={(e) => setEditionTracking(store, e.target.checked)}
        />
        <span>{t('tracking.switch.edition')}</span>
      </label>
      <label className="tracking-switch" title={story ? undefined : t('tracking.switch.noStory')}>
        <input
          type="checkbox"
          data-testid="tracking-story"
          disabled={!story}
          checked={story ? isTracking(edition, story.id) : false}
          onChange={(e) => story && setStoryTracking(store, story.id, e.target.checked)}
        />
        <span>
          {story
            ? t('tracking.switch.story', { name: story.name || story.id })
            : t('tracking.switch.noStory')}
          {story && own ? <em className="tracking-own"> {t('tracking.switch.own')}</em> : null}
        </span>
      </label>
      <div className="tracking-view" role="radiogroup" aria-label={t('tracking.view.label')}>
        <span>{t('tracking.view.label')}</span>
        {(['markup', 'final'] as const).map((v) => (
          <button
            key={v}
            type="button"
            role="radio"
            aria-checked={view === v}
            data-testid={`tracking-view-${v}`}
            className={view === v ? 'active' : undefined}
            title={t(`tracking.view.${v}Hint`)}
            onClick={() => store.setView({ review: v })}
          >
            {t(`tracking.view.${v}`)}
          </button>
        ))}
      </div>
    </div>
  );
}

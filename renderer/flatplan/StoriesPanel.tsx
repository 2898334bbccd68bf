/**
 * The flatplan's story side: stories without a page (drag them onto one;
 * drop a planned story here to take it off its page), and the picked
 * story's weight and budget.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Edition } from '../../shared/model/types';
import type { LengthBudget, StoryWeight } from '../../shared/model/plan-types';
import { assignmentOf } from '../../shared/model/plan';
import { assignStory, setStoryPlan } from '../../shared/planning/plan-edits';
import { unassignedStories, type FlatplanPage } from '../../shared/planning/flatplan';
import type { EditorStore } from '../state/editor-store';
import { applyPlan } from './apply-plan';
import { CommitField } from './CommitField';
import { STORY_TYPE, dragKind } from './drag-data';

const WEIGHTS: StoryWeight[] = ['lead', 'second', 'brief'];

export function StoriesPanel({
  store,
  edition,
  storyId,
  pages,
}: {
  store: EditorStore;
  edition: Edition;
  storyId: string | null;
  pages: readonly FlatplanPage[];
}) {
  const { t } = useTranslation();
  const [over, setOver] = useState(false);
  const free = unassignedStories(edition);
  // The picked story as the flatplan shows it: planned on a page, or laid out on one.
  const home = storyId ? pages.find((p) => p.stories.some((s) => s.storyId === storyId)) : undefined;
  const assigned = storyId ? assignmentOf(edition, storyId) : null;
  const picked =
    storyId && home
      ? assigned && assigned.pageId !== null
        ? assigned
        : { storyId, pageId: home.pageId, weight: 'second' as StoryWeight, budget: null }
      : null;
  const plan = (change: { weight?: StoryWeight; budget?: LengthBudget | null }) =>
    applyPlan(store, 'step.flatplan.storyPlan', () =>
      setStoryPlan(store.getState().edition!, storyId!, change, home?.pageId ?? null),
    );
  return (
    <div className="fp-side-stories">
      {picked ? (
        <div className="fp-story-details" data-testid="fp-story-details">
          <h3>
            {t('flatplan.story')}: {edition.stories[picked.storyId]?.name}
          </h3>
          <label>
            {t('flatplan.storyWeight')}
            <select
              data-testid="fp-story-weight"
              value={picked.weight}
              onChange={(e) => plan({ weight: e.target.value as StoryWeight })}
            >
              {WEIGHTS.map((w) => (
                <option key={w} value={w}>
                  {t(`flatplan.weight.${w}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('flatplan.storyBudget')}
            <CommitField
              type="number"
              label={t('flatplan.storyBudget')}
              testId="fp-story-budget"
              value={picked.budget ? String(picked.budget.value) : ''}
              onCommit={(value) => {
                const n = Math.round(Number(value));
                plan({
                  budget:
                    value.trim() === '' || !(n > 0)
                      ? null
                      : { unit: picked.budget?.unit ?? 'characters', value: n },
                });
              }}
            />
          </label>
          <select
            data-testid="fp-story-unit"
            aria-label={t('flatplan.storyBudget')}
            value={picked.budget?.unit ?? 'characters'}
            disabled={!picked.budget}
            onChange={(e) =>
              picked.budget &&
              plan({ budget: { ...picked.budget, unit: e.target.value as LengthBudget['unit'] } })
            }
          >
            <option value="characters">{t('flatplan.unit.characters')}</option>
            <option value="lines">{t('flatplan.unit.lines')}</option>
          </select>
          <button
            data-testid="fp-story-unassign"
            onClick={() =>
              applyPlan(store, 'step.flatplan.moveStory', () =>
                assignStory(store.getState().edition!, picked.storyId, null),
              )
            }
          >
            {t('flatplan.unassign')}
          </button>
        </div>
      ) : null}
      <div
        className={`fp-tray${over ? ' fp-drop' : ''}`}
        data-testid="fp-tray"
        onDragOver={(event) => {
          if (dragKind(event) !== 'story') return;
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(event) => {
          event.preventDefault();
          setOver(false);
          const id = event.dataTransfer.getData(STORY_TYPE);
          if (id)
            applyPlan(store, 'step.flatplan.moveStory', () =>
              assignStory(store.getState().edition!, id, null),
            );
        }}
      >
        <h3>{t('flatplan.unassigned')}</h3>
        <p className="fp-hint">{t('flatplan.unassignedHint')}</p>
        <ul>
          {free.map((story) => (
            <li
              key={story.storyId}
              className="fp-story"
              data-testid={`fp-free-${story.storyId}`}
              draggable
              onDragStart={(event) => {
                event.dataTransfer.setData(STORY_TYPE, story.storyId);
                event.dataTransfer.effectAllowed = 'move';
              }}
            >
              {story.name}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

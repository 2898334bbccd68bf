/**
 * One page of the flatplan: its number, section and colour, a live
 * thumbnail of the painted page with the ads booked on it drawn over it,
 * its status, and the stories planned for it with their budget against
 * their length as composed. A drop target for pages (reorder) and stories.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { FlatplanPage, FlatplanStory } from '../../shared/planning/flatplan';
import type { PlanSection } from '../../shared/model/plan-types';
import { PAGE_TYPE, STORY_TYPE, dragKind } from './drag-data';
import { useVisible } from './use-visible';

export const THUMB_WIDTH = 132;

interface PageCardProps {
  page: FlatplanPage;
  sections: readonly PlanSection[];
  selectedStoryId: string | null;
  onOpen(index: number): void;
  onMovePage(pageId: string, index: number): void;
  onMoveStory(storyId: string, pageId: string): void;
  onPlan(pageId: string, change: Record<string, string | null>): void;
  onSelectStory(storyId: string): void;
}

export function storyLength(t: TFunction, story: FlatplanStory): string {
  if (story.actual === null) return '';
  if (!story.budget) return t(`flatplan.actual.characters`, { actual: story.actual });
  return t(`flatplan.budget.${story.budget.unit}`, { actual: story.actual, budget: story.budget.value });
}

export function PageCard(props: PageCardProps) {
  const { page, sections } = props;
  const { t } = useTranslation();
  const [ref, visible] = useVisible<HTMLDivElement>();
  const [over, setOver] = useState(false);
  const height = (THUMB_WIDTH * page.height) / page.width;
  const n = page.index + 1;
  const fixedState = page.state === 'in-proof' || page.state === 'signed-off';
  return (
    <div
      ref={ref}
      className={`fp-page fp-${page.color}${over ? ' fp-drop' : ''}`}
      data-testid={`fp-page-${n}`}
      data-page-id={page.pageId}
      data-state={page.state}
      draggable
      onDragStart={(event) => {
        event.dataTransfer.setData(PAGE_TYPE, page.pageId);
        event.dataTransfer.effectAllowed = 'move';
      }}
      onDragOver={(event) => {
        if (!dragKind(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        const pageId = event.dataTransfer.getData(PAGE_TYPE);
        const storyId = event.dataTransfer.getData(STORY_TYPE);
        if (storyId) props.onMoveStory(storyId, page.pageId);
        else if (pageId && pageId !== page.pageId) props.onMovePage(pageId, page.index);
      }}
    >
      <div className="fp-head">
        <span className="fp-label" data-testid={`fp-label-${n}`}>
          {page.label}
        </span>
        <span className="fp-section" data-testid={`fp-section-${n}`}>
          {page.sectionName || t('flatplan.noSection')}
        </span>
        <span className={`fp-color fp-color-${page.color}`} data-testid={`fp-color-${n}`}>
          {t(`flatplan.color.${page.color}`)}
        </span>
      </div>
      <button
        className="fp-thumb"
        title={t('flatplan.openPage', { label: page.label })}
        aria-label={t('flatplan.openPage', { label: page.label })}
        onClick={() => props.onOpen(page.index)}
      >
        <svg width={THUMB_WIDTH} height={height} viewBox={`0 0 ${page.width} ${page.height}`}>
          {visible ? <use href={`#page-content-${page.index}`} /> : null}
          {page.ads.map(({ ad, state, rect }) => (
            <g key={ad.id} className={`fp-ad fp-ad-${state}`} data-testid={`fp-ad-${ad.id}`}>
              <rect x={rect.x} y={rect.y} width={rect.width} height={rect.height} />
              <text x={rect.x + rect.width / 2} y={rect.y + rect.height / 2} textAnchor="middle">
                {ad.advertiser}
              </text>
            </g>
          ))}
        </svg>
      </button>
      <div className="fp-controls">
        <select
          aria-label={t('flatplan.pageSection', { label: page.label })}
          data-testid={`fp-section-select-${n}`}
          value={page.section?.id ?? ''}
          onChange={(event) => props.onPlan(page.pageId, { sectionId: event.target.value || null })}
        >
          <option value="">{t('flatplan.noSection')}</option>
          {sections.map((section) => (
            <option key={section.id} value={section.id}>
              {section.name}
            </option>
          ))}
        </select>
        <select
          aria-label={t('flatplan.pageColor', { label: page.label })}
          data-testid={`fp-color-select-${n}`}
          value={page.color}
          onChange={(event) => props.onPlan(page.pageId, { color: event.target.value })}
        >
          <option value="color">{t('flatplan.color.color')}</option>
          <option value="mono">{t('flatplan.color.mono')}</option>
        </select>
        {fixedState ? (
          <span className={`fp-state fp-state-${page.state}`} data-testid={`fp-state-${n}`}>
            {t(`flatplan.state.${page.state}`)}
          </span>
        ) : (
          <select
            aria-label={t('flatplan.pageStatus', { label: page.label })}
            data-testid={`fp-state-${n}`}
            value={page.state}
            onChange={(event) => props.onPlan(page.pageId, { status: event.target.value })}
          >
            <option value="planned">{t('flatplan.state.planned')}</option>
            <option value="in-layout">{t('flatplan.state.in-layout')}</option>
          </select>
        )}
      </div>
      <ul className="fp-stories" data-testid={`fp-stories-${n}`}>
        {page.stories.length === 0 ? <li className="fp-empty">{t('flatplan.noStories')}</li> : null}
        {page.stories.map((story) => (
          <li
            key={story.storyId}
            className={`fp-story fp-weight-${story.weight ?? 'none'}${story.laidOut ? ' fp-laid-out' : ''}${story.fit ? ` fp-fit-${story.fit}` : ''}${
              props.selectedStoryId === story.storyId ? ' selected' : ''
            }`}
            data-testid={`fp-story-${story.storyId}`}
            draggable
            onDragStart={(event) => {
              event.stopPropagation();
              event.dataTransfer.setData(STORY_TYPE, story.storyId);
              event.dataTransfer.effectAllowed = 'move';
            }}
            onClick={() => props.onSelectStory(story.storyId)}
          >
            <span className="fp-story-name">{story.name}</span>
            <span className="fp-story-weight">
              {story.weight ? t(`flatplan.weight.${story.weight}`) : ''}
            </span>
            <span className="fp-story-length" data-testid={`fp-length-${story.storyId}`}>
              {storyLength(t, story)}
              {story.fit ? ` · ${t(`flatplan.fit.${story.fit}`)}` : ''}
            </span>
          </li>
        ))}
        {page.ads.map(({ ad, state }) => (
          <li key={ad.id} className={`fp-ad-line fp-ad-${state}`} data-testid={`fp-adline-${ad.id}`}>
            {ad.advertiser} · {t('flatplan.adSize', { columns: ad.columns, height: ad.heightCm })} ·{' '}
            {t(`flatplan.adState.${state}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}

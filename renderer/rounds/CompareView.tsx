/**
 * The comparison of two proof rounds (or a round with now), over the whole
 * canvas area: on the left the pages whose picture changed and each
 * changed story's redline; on the right the chosen page in both states,
 * painted from their display lists by the canvas's own painter, side by
 * side or overlaid (the earlier state in red over the later one), with the
 * changed regions marked. A click on a story or a region goes there.
 */
import { useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DisplayPage } from '../../shared/layout/display-list';
import type { PageDiff } from '../../shared/review';
import { PageContent } from '../canvas/PageView';
import { PaintScopeValue } from '../canvas/paint-context';
import type { RightPanelProps } from '../shell/extensions';
import type { EditorStore } from '../state/editor-store';
import { errorText } from '../../shared/services/locales/localized-error';
import { jumpToRegion, jumpToStory } from './jump';
import { Redline } from './Redline';
import { roundsOf, type CompareMode, type CompareResult } from './rounds-state';

const BEFORE_SCOPE = { frameIds: false, idPrefix: 'compare-before-' };
const AFTER_SCOPE = { frameIds: false, idPrefix: 'compare-after-' };

/** The changed regions over a page, each clickable. */
function Regions({
  page,
  width,
  height,
  onPick,
}: {
  page: PageDiff;
  width: number;
  height: number;
  onPick(index: number): void;
}) {
  const { t } = useTranslation();
  return (
    <g className="compare-regions">
      {page.rects.map((r, i) => (
        <rect
          key={i}
          data-testid="compare-region"
          data-page={page.number}
          data-rect={[r.x, r.y, r.width, r.height].map((v) => v.toFixed(2)).join(',')}
          x={Math.max(0, r.x - 2)}
          y={Math.max(0, r.y - 2)}
          width={Math.min(width, r.width + 4)}
          height={Math.min(height, r.height + 4)}
          onClick={() => onPick(i)}
        >
          <title>{t('compare.goRegion')}</title>
        </rect>
      ))}
    </g>
  );
}

function PagePicture({
  page,
  scope,
  label,
  children,
  overlay,
}: {
  page: DisplayPage;
  scope: typeof BEFORE_SCOPE;
  label: string;
  children?: ReactNode;
  overlay?: DisplayPage | null;
}) {
  return (
    <figure className="compare-page">
      <figcaption translate="no">{label}</figcaption>
      <svg
        viewBox={`0 0 ${page.width} ${page.height}`}
        data-testid="compare-picture"
        preserveAspectRatio="xMidYMin meet"
      >
        <PaintScopeValue.Provider value={scope}>
          <PageContent page={page} />
        </PaintScopeValue.Provider>
        {overlay ? (
          <g className="compare-ghost" filter="url(#compare-red)" data-testid="compare-ghost">
            <PaintScopeValue.Provider value={BEFORE_SCOPE}>
              <PageContent page={overlay} />
            </PaintScopeValue.Provider>
          </g>
        ) : null}
        {children}
      </svg>
    </figure>
  );
}

function Pictures({
  store,
  result,
  page,
  mode,
}: {
  store: EditorStore;
  result: CompareResult;
  page: PageDiff;
  mode: CompareMode;
}) {
  const { t } = useTranslation();
  const indexIn = (list: typeof result.before.edition.pages) => list.findIndex((p) => p.id === page.pageId);
  const before = result.before.list.pages[indexIn(result.before.edition.pages)] ?? null;
  const after = result.after.list.pages[indexIn(result.after.edition.pages)] ?? null;
  const shape = after ?? before!;
  const regions = (
    <Regions
      page={page}
      width={shape.width}
      height={shape.height}
      onPick={(index) => jumpToRegion(store, result, page, index)}
    />
  );
  const beforeLabel = t('compare.before', { name: result.before.name ?? t('compare.now') });
  const afterLabel = t('compare.after', { name: result.after.name ?? t('compare.now') });
  if (mode === 'overlay' && before && after)
    return (
      <div className="compare-pictures overlay" data-testid="compare-pictures" data-mode="overlay">
        <PagePicture
          page={after}
          scope={AFTER_SCOPE}
          label={`${afterLabel} · ${beforeLabel}`}
          overlay={before}
        >
          {regions}
        </PagePicture>
      </div>
    );
  return (
    <div className="compare-pictures side" data-testid="compare-pictures" data-mode="side">
      {before ? (
        <PagePicture page={before} scope={BEFORE_SCOPE} label={beforeLabel}>
          {regions}
        </PagePicture>
      ) : null}
      {after ? (
        <PagePicture page={after} scope={AFTER_SCOPE} label={afterLabel}>
          {regions}
        </PagePicture>
      ) : null}
    </div>
  );
}

function Result({ store, result, mode }: { store: EditorStore; result: CompareResult; mode: CompareMode }) {
  const { t } = useTranslation();
  const { pages, stories } = result.diff;
  const [picked, setPicked] = useState<string | null>(null);
  const page = pages.find((p) => p.pageId === picked) ?? pages[0] ?? null;
  const lang = result.after.edition.meta.language;
  if (pages.length === 0 && stories.length === 0)
    return (
      <p className="compare-none" data-testid="compare-none">
        {t('compare.none')}
      </p>
    );
  return (
    <div className="compare-body">
      <aside className="compare-list">
        <h3>{t('compare.pages', { count: pages.length })}</h3>
        <ol className="compare-page-list">
          {pages.map((p) => (
            <li key={p.pageId}>
              <button
                type="button"
                className={p === page ? 'current' : undefined}
                data-testid="compare-page"
                data-page={p.number}
                onClick={() => setPicked(p.pageId)}
              >
                {t('compare.page', { page: p.number })}{' '}
                <span className="compare-note">
                  {p.added
                    ? t('compare.pageAdded')
                    : p.removed
                      ? t('compare.pageRemoved')
                      : t('compare.regions', { count: p.rects.length })}
                </span>
              </button>
            </li>
          ))}
        </ol>
        <h3>{t('compare.stories', { count: stories.length })}</h3>
        <p className="compare-legend">{t('compare.legend')}</p>
        <ol className="compare-stories">
          {stories.map((story) => (
            <li key={story.storyId} data-testid="compare-story" data-story-id={story.storyId}>
              <button
                type="button"
                className="compare-story-name"
                data-testid="compare-story-go"
                title={t('compare.goStory')}
                disabled={story.removed}
                onClick={() => jumpToStory(store, story)}
              >
                <span translate="no">{story.name}</span>
                {story.added ? <span className="compare-note"> {t('compare.storyAdded')}</span> : null}
                {story.removed ? <span className="compare-note"> {t('compare.storyRemoved')}</span> : null}
              </button>
              <Redline segments={story.segments} lang={lang} />
            </li>
          ))}
        </ol>
      </aside>
      {page ? <Pictures store={store} result={result} page={page} mode={mode} /> : <div />}
    </div>
  );
}

export function CompareView({ store }: RightPanelProps) {
  const { t, i18n } = useTranslation();
  const rounds = roundsOf(store);
  const { comparison } = useSyncExternalStore(rounds.subscribe, rounds.get);
  const open = comparison !== null;
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') rounds.set({ comparison: null });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, rounds]);
  if (!comparison) return null;
  const { result } = comparison;
  const edition = store.getState().edition;
  const name = (id: string) =>
    id === 'now' ? t('compare.now') : (edition?.review?.rounds.find((r) => r.id === id)?.name ?? id);
  return (
    <div
      className="compare-view"
      data-testid="compare-view"
      data-status={comparison.status}
      data-ms={result ? result.ms.toFixed(0) : undefined}
    >
      {/* The earlier state's ink in red, its paper transparent, for the overlay. */}
      <svg width={0} height={0} aria-hidden="true" style={{ position: 'absolute' }}>
        <filter id="compare-red">
          <feColorMatrix
            type="matrix"
            values="0 0 0 0 0.86  0 0 0 0 0.1  0 0 0 0 0.1  -0.333 -0.333 -0.333 0 1"
          />
        </filter>
      </svg>
      <header className="compare-header">
        <h2 data-testid="compare-title">
          {t('compare.title', { from: name(comparison.request.from), to: name(comparison.request.to) })}
        </h2>
        <div className="compare-mode" role="radiogroup" aria-label={t('compare.mode')}>
          {(['side', 'overlay'] as const).map((mode) => (
            <label key={mode}>
              <input
                type="radio"
                name="compare-mode"
                data-testid={`compare-mode-${mode}`}
                checked={comparison.mode === mode}
                onChange={() => rounds.setComparison({ mode })}
              />
              <span>{t(mode === 'side' ? 'compare.sideBySide' : 'compare.overlay')}</span>
            </label>
          ))}
        </div>
        {result ? (
          <span className="compare-ms" data-testid="compare-ms">
            {t('compare.time', { ms: result.ms.toFixed(0) })}
          </span>
        ) : null}
        <button
          type="button"
          className="proofing-close"
          data-testid="compare-close"
          title={t('compare.close')}
          aria-label={t('compare.close')}
          onClick={() => rounds.set({ comparison: null })}
        >
          ×
        </button>
      </header>
      {comparison.status === 'loading' ? (
        <p className="compare-loading" data-testid="compare-loading">
          {t('compare.loading')}
        </p>
      ) : comparison.status === 'error' ? (
        <p className="compare-error" role="alert" data-testid="compare-error">
          {t('compare.failed', {
            detail: errorText(comparison.error!, i18n.language === 'zh-Hans' ? 'zh-Hans' : 'en'),
          })}
        </p>
      ) : result ? (
        <Result store={store} result={result} mode={comparison.mode} />
      ) : null}
    </div>
  );
}

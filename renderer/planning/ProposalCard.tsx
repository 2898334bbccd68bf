/**
 * One auto-layout proposal in the dialog: the page as the composer set it
 * with the proposal applied, drawn small, and its score item by item as
 * docs/auto-layout.md states it (overset, stories not placed, empty column
 * area, lead on top, photos beside their story, headlines in ≤ 2 lines).
 */
import { useTranslation } from 'react-i18next';
import type { Proposal } from '../../shared/planning/auto-layout';
import { PaintScopeValue, type PaintScope } from '../canvas/paint-context';
import { PageContent } from '../canvas/PageView';

const THUMB_WIDTH = 250;

export function ProposalCard({ proposal, onUse }: { proposal: Proposal; onUse(): void }) {
  const { t } = useTranslation();
  const { page, score, rank } = proposal;
  // Own element ids (clip paths) per proposal, and no frame ids: the canvas keeps those.
  const scope: PaintScope = { frameIds: false, idPrefix: `al-${rank}-` };
  const good = (ok: boolean) => (ok ? 'al-ok' : 'al-bad');
  return (
    <article className="al-card" data-testid={`al-proposal-${rank}`} data-score={score.total.toFixed(2)}>
      <header>
        <strong>{t('autoLayout.proposal', { rank })}</strong>
        <span className="al-total" data-testid={`al-total-${rank}`}>
          {t('autoLayout.score', { score: score.total.toFixed(2) })}
        </span>
      </header>
      <svg
        className="al-thumb"
        data-testid={`al-thumb-${rank}`}
        width={THUMB_WIDTH}
        height={(THUMB_WIDTH * page.height) / page.width}
        viewBox={`0 0 ${page.width} ${page.height}`}
        role="img"
        aria-label={t('autoLayout.proposal', { rank })}
      >
        <PaintScopeValue.Provider value={scope}>
          <PageContent page={page} />
        </PaintScopeValue.Provider>
      </svg>
      <ul className="al-score">
        <li className={good(score.overset === 0)} data-testid={`al-overset-${rank}`}>
          {score.overset === 0
            ? t('autoLayout.oversetNone')
            : t('autoLayout.oversetSome', { count: score.overset })}
        </li>
        {score.dropped > 0 ? (
          <li className="al-bad" data-testid={`al-dropped-${rank}`}>
            {t('autoLayout.dropped', { count: score.dropped })}
          </li>
        ) : null}
        <li className={good(score.emptyPercent < 2)} data-testid={`al-empty-${rank}`}>
          {t('autoLayout.empty', { percent: score.emptyPercent.toFixed(1) })}
        </li>
        <li className={good(score.leadNotOnTop === 0)}>
          {score.leadNotOnTop === 0 ? t('autoLayout.leadOnTop') : t('autoLayout.leadNotOnTop')}
        </li>
        <li className={good(score.photosAway === 0)}>
          {score.photosAway === 0
            ? t('autoLayout.photosWith')
            : t('autoLayout.photosAway', { count: score.photosAway })}
        </li>
        <li className={good(score.longHeadlines === 0)}>
          {score.longHeadlines === 0
            ? t('autoLayout.headlinesShort')
            : t('autoLayout.headlinesLong', { count: score.longHeadlines })}
        </li>
        <li className="al-modules">
          {t('autoLayout.modules', {
            modules: proposal.modules.map((m) => `${m.columns}×${m.steps}`).join(' · '),
          })}
        </li>
      </ul>
      <button data-testid={`al-use-${rank}`} onClick={onUse} autoFocus={rank === 1}>
        {t('autoLayout.use')}
      </button>
    </article>
  );
}

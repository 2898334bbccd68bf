/** Booking ads (advertiser, page, columns × cm, corner) and the list of bookings, each placeable and removable. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Edition } from '../../shared/model/types';
import type { AdAnchor } from '../../shared/model/plan-types';
import { adState, planOf } from '../../shared/model/plan';
import { newId } from '../../shared/model/ids';
import { bookAd, removeAd } from '../../shared/planning/plan-edits';
import type { FlatplanPage } from '../../shared/planning/flatplan';
import type { EditorStore } from '../state/editor-store';
import { applyPlan } from './apply-plan';
import { chooseAdFile } from './place-ad';

const ANCHORS: AdAnchor[] = ['bottom-left', 'bottom-right', 'top-left', 'top-right'];

export function AdsPanel({
  store,
  edition,
  pages,
}: {
  store: EditorStore;
  edition: Edition;
  pages: readonly FlatplanPage[];
}) {
  const { t } = useTranslation();
  const [advertiser, setAdvertiser] = useState('');
  const [pageId, setPageId] = useState('');
  const [columns, setColumns] = useState('4');
  const [height, setHeight] = useState('10');
  const [anchor, setAnchor] = useState<AdAnchor>('bottom-right');
  const ads = planOf(edition).ads;
  const labelOf = (id: string | null) => pages.find((p) => p.pageId === id)?.label ?? '—';
  const book = () => {
    const done = applyPlan(
      store,
      'step.flatplan.bookAd',
      () =>
        bookAd(
          store.getState().edition!,
          {
            advertiser,
            pageId: pageId || pages[0]?.pageId || '',
            columns: Number(columns),
            heightCm: Number(height),
            anchor,
          },
          newId,
        ).ops,
    );
    if (done) setAdvertiser('');
  };
  return (
    <div className="fp-ads" data-testid="fp-ads">
      <h3>{t('flatplan.ads')}</h3>
      <div className="fp-form">
        <label>
          {t('flatplan.adAdvertiser')}
          <input
            data-testid="fp-ad-advertiser"
            value={advertiser}
            onChange={(e) => setAdvertiser(e.target.value)}
          />
        </label>
        <label>
          {t('flatplan.adPage')}
          <select data-testid="fp-ad-page" value={pageId} onChange={(e) => setPageId(e.target.value)}>
            {pages.map((p) => (
              <option key={p.pageId} value={p.pageId}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('flatplan.adColumns')}
          <input
            data-testid="fp-ad-columns"
            type="number"
            min={1}
            step={1}
            value={columns}
            onChange={(e) => setColumns(e.target.value)}
          />
        </label>
        <label>
          {t('flatplan.adHeight')}
          <input
            data-testid="fp-ad-height"
            type="number"
            min={0.5}
            step={0.5}
            value={height}
            onChange={(e) => setHeight(e.target.value)}
          />
        </label>
        <label>
          {t('flatplan.adAnchor')}
          <select
            data-testid="fp-ad-anchor"
            value={anchor}
            onChange={(e) => setAnchor(e.target.value as AdAnchor)}
          >
            {ANCHORS.map((a) => (
              <option key={a} value={a}>
                {t(`flatplan.anchor.${a}`)}
              </option>
            ))}
          </select>
        </label>
        <button data-testid="fp-book-ad" onClick={book}>
          {t('flatplan.bookAd')}
        </button>
      </div>
      <ul className="fp-ad-list" data-testid="fp-ad-list">
        {ads.length === 0 ? <li className="fp-empty">{t('flatplan.noAds')}</li> : null}
        {ads.map((ad) => {
          const state = adState(edition, ad);
          return (
            <li key={ad.id} data-testid={`fp-ad-row-${ad.id}`} data-state={state}>
              <span className="fp-ad-name">{ad.advertiser}</span>
              <span>{labelOf(ad.pageId)}</span>
              <span>{t('flatplan.adSize', { columns: ad.columns, height: ad.heightCm })}</span>
              <span className={`fp-ad-state fp-ad-${state}`}>{t(`flatplan.adState.${state}`)}</span>
              <button data-testid={`fp-ad-place-${ad.id}`} onClick={() => chooseAdFile(store, ad.id)}>
                {t('flatplan.placeAd')}
              </button>
              <button
                className="fp-remove"
                data-testid={`fp-ad-remove-${ad.id}`}
                title={t('flatplan.removeAd', { advertiser: ad.advertiser })}
                aria-label={t('flatplan.removeAd', { advertiser: ad.advertiser })}
                onClick={() =>
                  applyPlan(store, 'step.flatplan.removeAd', () => removeAd(store.getState().edition!, ad.id))
                }
              >
                ×
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** The pages panel: a live thumbnail per page (the canvas's own painted page, reused by reference). */
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { PageBadgeProps } from '../shell/extensions';
import { useEditorDeferred, useEditorStore } from '../state/use-editor';

const THUMB_WIDTH = 120;

/** `badges`: the extensions' marks beside each thumbnail (a page's proof status). */
export function PagesPanel({ badges = [] }: { badges?: ComponentType<PageBadgeProps>[] }) {
  const { t } = useTranslation();
  const store = useEditorStore();
  const pages = useEditorDeferred((state) => state.displayList?.pages);
  const current = useEditorDeferred((state) => state.selection.pageIndex);
  return (
    <section className="panel pages-panel" data-testid="pages-panel" aria-label={t('panel.pages')}>
      <h2>{t('panel.pages')}</h2>
      <ol>
        {(pages ?? []).map((page) => (
          <li key={page.pageId}>
            <button
              className={page.index === current ? 'thumb current' : 'thumb'}
              data-testid={`thumb-${page.index + 1}`}
              onClick={() => {
                store.select({ pageIndex: page.index, frameIds: [] });
                document
                  .querySelector(`[data-testid="page-${page.index + 1}"]`)
                  ?.scrollIntoView({ block: 'start', behavior: 'smooth' });
              }}
            >
              <svg
                width={THUMB_WIDTH}
                height={(THUMB_WIDTH * page.height) / page.width}
                viewBox={`0 0 ${page.width} ${page.height}`}
              >
                <use href={`#page-content-${page.index}`} />
              </svg>
              <span>{t('panel.page', { n: page.index + 1 })}</span>
            </button>
            {badges.map((Badge, i) => (
              <Badge key={i} pageId={page.pageId} pageIndex={page.index} />
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
}

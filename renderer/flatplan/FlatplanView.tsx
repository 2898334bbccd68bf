/**
 * View ▸ Flatplan (版面计划): every page of the edition in spreads, over
 * the whole canvas area, with sections, page numbers, colour, status, ads
 * and planned stories; drag pages to reorder them and stories to move them
 * between pages. Each gesture is one undo step (Edit ▸ Undo works here as
 * on the pages). The canvas stays mounted underneath: the thumbnails are
 * its painted pages (ThumbnailSources), drawn as they come into view.
 */
import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { planOf } from '../../shared/model/plan';
import { movePage } from '../../shared/editing/page-edits';
import { assignStory, setPagePlan } from '../../shared/planning/plan-edits';
import { flatplanPages, spreadsOf } from '../../shared/planning/flatplan';
import type { PagePlan } from '../../shared/model/plan-types';
import type { RightPanelProps } from '../shell/extensions';
import type { EditorStore } from '../state/editor-store';
import { useEditorDeferred } from '../state/use-editor';
import { applyPlan } from './apply-plan';
import { flatplanOf, type FlatplanState } from './flatplan-state';
import { PageCard } from './PageCard';
import { SectionsBar } from './SectionsBar';
import { StoriesPanel } from './StoriesPanel';
import { AdsPanel } from './AdsPanel';

export function FlatplanView({ store }: RightPanelProps) {
  const state = flatplanOf(store);
  const snapshot = useSyncExternalStore(state.subscribe, state.get);
  if (!snapshot.open) return null;
  return <FlatplanBody store={store} state={state} storyId={snapshot.storyId} />;
}

function FlatplanBody({
  store,
  state,
  storyId,
}: {
  store: EditorStore;
  state: FlatplanState;
  storyId: string | null;
}) {
  const { t } = useTranslation();
  const edition = useEditorDeferred((s) => s.edition);
  const displayList = useEditorDeferred((s) => s.displayList);
  const root = useRef<HTMLDivElement>(null);
  const pages = useMemo(() => (edition ? flatplanPages(edition, displayList) : []), [edition, displayList]);
  useEffect(() => {
    // The time from View ▸ Flatplan to the first frame that shows it (the bench reads it).
    const frame = requestAnimationFrame(() => {
      if (root.current) root.current.dataset.openMs = (performance.now() - state.openedAt).toFixed(1);
    });
    return () => cancelAnimationFrame(frame);
  }, [state]);
  if (!edition) return null;
  const plan = planOf(edition);
  const open = (index: number) => {
    state.set({ open: false });
    store.select({ pageIndex: index, frameIds: [] });
    requestAnimationFrame(() =>
      document.querySelector(`[data-testid="page-${index + 1}"]`)?.scrollIntoView({ block: 'start' }),
    );
  };
  return (
    <div className="flatplan" data-testid="flatplan" ref={root}>
      <header className="fp-header">
        <h2>{t('flatplan.title')}</h2>
        <span className="fp-summary" data-testid="fp-summary">
          {t('flatplan.summary', {
            pages: pages.length,
            sections: plan.sections.length,
            ads: plan.ads.length,
          })}
        </span>
        <span className="fp-spacer" />
        <button data-testid="fp-export" onClick={() => void state.commands?.run('file.exportFlatplan')}>
          {t('flatplan.export')}
        </button>
        <button data-testid="fp-close" onClick={() => state.set({ open: false })}>
          {t('flatplan.backToPages')}
        </button>
      </header>
      <SectionsBar store={store} edition={edition} pages={pages} />
      <div className="fp-body">
        <div className="fp-spreads" data-testid="fp-spreads">
          {spreadsOf(pages).map((spread) => (
            <div className="fp-spread" key={spread[0].pageId}>
              {spread.map((page) => (
                <PageCard
                  key={page.pageId}
                  page={page}
                  sections={plan.sections}
                  selectedStoryId={storyId}
                  onOpen={open}
                  onSelectStory={(id) => state.set({ storyId: id })}
                  onMovePage={(pageId, index) =>
                    applyPlan(store, 'step.flatplan.movePage', () =>
                      movePage(store.getState().edition!, pageId, index),
                    )
                  }
                  onMoveStory={(id, pageId) =>
                    applyPlan(store, 'step.flatplan.moveStory', () =>
                      assignStory(store.getState().edition!, id, pageId),
                    )
                  }
                  onPlan={(pageId, change) =>
                    applyPlan(store, 'step.flatplan.pagePlan', () =>
                      setPagePlan(store.getState().edition!, pageId, change as Partial<PagePlan>),
                    )
                  }
                />
              ))}
            </div>
          ))}
        </div>
        <aside className="fp-side">
          <StoriesPanel store={store} edition={edition} storyId={storyId} pages={pages} />
          <AdsPanel store={store} edition={edition} pages={pages} />
        </aside>
      </div>
    </div>
  );
}

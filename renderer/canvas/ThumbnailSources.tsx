/**
 * What the pages panel's thumbnails show: a copy of each page's painted
 * content, `<g id="page-content-<index>">`, that the panel draws with
 * `<use href>`. Chromium rebuilds a `<use>` element's whole clone whenever
 * anything under the element it refers to changes; pointed at the canvas,
 * every keystroke cloned and laid out the entire page again (about 150 ms
 * of a 180 ms keystroke). This copy follows the display list once typing
 * pauses, and then only the frames that changed are painted again.
 */
import type { DisplayPage } from '../../shared/layout/display-list';
import { PaintScopeValue, type PaintScope } from './paint-context';
import { PageContent } from './PageView';
import { useSettled } from './use-settled';

/** How long the display list must stay unchanged before the thumbnails follow it. */
export const THUMBNAIL_QUIET_MS = 400;

const THUMBNAIL_SCOPE: PaintScope = { frameIds: false, idPrefix: 'thumb-' };

export function ThumbnailSources({ pages }: { pages: readonly DisplayPage[] }) {
  const settled = useSettled(pages, THUMBNAIL_QUIET_MS);
  return (
    // Not display:none: elements in an unrendered subtree cannot serve as clip paths.
    <svg
      className="thumbnail-sources"
      aria-hidden="true"
      width={0}
      height={0}
      style={{ position: 'absolute', width: 0, height: 0, overflow: 'hidden', pointerEvents: 'none' }}
    >
      <PaintScopeValue.Provider value={THUMBNAIL_SCOPE}>
        <defs>
          {settled.map((page) => (
            <PageContent key={page.pageId} page={page} id={`page-content-${page.index}`} />
          ))}
        </defs>
      </PaintScopeValue.Provider>
    </svg>
  );
}

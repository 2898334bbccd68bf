/** A page's proof status beside its thumbnail in the pages panel, once the desk is in use. */
import type { PageBadgeProps } from '../shell/extensions';
import { usePageStatus } from './status-text';

export function PageStatusBadge({ pageId, pageIndex }: PageBadgeProps) {
  // Before the first round nothing is in proof: the badge would only say "draft" on every page.
  const view = usePageStatus(pageId);
  if (!view) return null;
  return (
    <span
      className={`page-status status-${view.status}`}
      data-testid={`page-status-${pageIndex + 1}`}
      data-status={view.status}
      title={view.detail}
    >
      {view.status === 'signed' && view.author ? `${view.label} · ${view.author}` : view.label}
    </span>
  );
}

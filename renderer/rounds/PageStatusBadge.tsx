/** A page's proof status beside its thumbnail in the pages panel, once the desk is in use. */
import { reviewOf } from '../../shared/model/review';
import type { PageBadgeProps } from '../shell/extensions';
import { useEditor } from '../state/use-editor';
import { useStatusText } from './status-text';

export function PageStatusBadge({ pageId, pageIndex }: PageBadgeProps) {
  const edition = useEditor((s) => s.edition);
  const statusText = useStatusText();
  if (!edition) return null;
  const review = reviewOf(edition);
  // Before the first round nothing is in proof: the badge would only say "draft" on every page.
  if (review.rounds.length === 0 && Object.keys(review.signoffs).length === 0) return null;
  const view = statusText(edition, pageId);
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

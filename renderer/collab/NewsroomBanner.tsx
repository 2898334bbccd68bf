/** What the newsroom extension shows over the canvas: the offline banner, and the Connect dialog when open. */
import type { RightPanelProps } from '../shell/extensions';
import { ConnectDialog } from './ConnectDialog';
import { OfflineBanner } from './OfflineBanner';

export function NewsroomBanner(_props: RightPanelProps) {
  return (
    <>
      <OfflineBanner />
      <ConnectDialog />
    </>
  );
}

/** The proofing extension's right-hand panels: Find/Replace and Preflight, each shown while open. */
import type { RightPanelProps } from '../shell/extensions';
import { proofingOf } from './proofing-state';
import { FindPanel } from './FindPanel';
import { PreflightPanel } from './PreflightPanel';

export function ProofingPanels({ store }: RightPanelProps) {
  return (
    <>
      <FindPanel store={store} />
      <PreflightPanel store={store} services={proofingOf(store).services} />
    </>
  );
}

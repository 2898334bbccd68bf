/** Whichever planning dialog is open (auto-layout, export for the printer), over the canvas area. */
import { useSyncExternalStore } from 'react';
import type { RightPanelProps } from '../shell/extensions';
import { planningDialogsOf } from './dialog-state';
import { AutoLayoutView } from './AutoLayoutView';
import { ExportEditionView } from './ExportEditionView';

export function PlanningDialogView({ store }: RightPanelProps) {
  const dialogs = planningDialogsOf(store);
  const dialog = useSyncExternalStore(dialogs.subscribe, dialogs.get);
  if (dialog?.kind === 'auto-layout') return <AutoLayoutView store={store} dialog={dialog} />;
  if (dialog?.kind === 'export-edition') return <ExportEditionView store={store} dialog={dialog} />;
  return null;
}

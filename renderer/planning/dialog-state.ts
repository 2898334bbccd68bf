/**
 * The planning dialogs of one window (one store): Layout ▸ Auto-Layout
 * Page… and File ▸ Export Pages for Printer…. Which one is open and what it
 * shows; not part of the document. One per store, found with
 * `planningDialogsOf(store)`.
 */
import type { AutoLayoutResult } from '../../shared/planning/auto-layout';
import type { Edition } from '../../shared/model/types';
import type { FolioServices, HostInfo } from '../../shared/services/api';
import type { UiText } from '../i18n/ui-text';
import type { Prompts } from '../shell/prompts';
import type { EditorStore } from '../state/editor-store';

export type AutoLayoutDialog =
  | { kind: 'auto-layout'; pageIndex: number; status: 'working' }
  | {
      kind: 'auto-layout';
      pageIndex: number;
      status: 'ready';
      result: AutoLayoutResult;
      /** The edition the proposals were made from: applied only onto that one. */
      edition: Edition;
    }
  | { kind: 'auto-layout'; pageIndex: number; status: 'failed'; message: UiText };

export interface ExportEditionDialog {
  kind: 'export-edition';
  status: 'editing' | 'working';
}

export type PlanningDialog = AutoLayoutDialog | ExportEditionDialog | null;

export class PlanningDialogs {
  private dialog: PlanningDialog = null;
  private readonly listeners = new Set<() => void>();
  /** The host, for the export (set when the extension activates). */
  services: FolioServices | null = null;
  info: HostInfo | undefined;
  prompts: Prompts | undefined;

  get = (): PlanningDialog => this.dialog;

  set(dialog: PlanningDialog): void {
    this.dialog = dialog;
    for (const listener of this.listeners) listener();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

const dialogs = new WeakMap<EditorStore, PlanningDialogs>();

export function planningDialogsOf(store: EditorStore): PlanningDialogs {
  let found = dialogs.get(store);
  if (!found) {
    found = new PlanningDialogs();
    dialogs.set(store, found);
  }
  return found;
}

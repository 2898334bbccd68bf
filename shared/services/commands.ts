/**
 * User commands that menus (the native menu in Electron, the in-app menu bar
 * in a browser) and shortcuts trigger. The renderer owns what a command does
 * (its command registry); this file owns names, menu placement and the
 * platform shortcuts, so both menus stay the same.
 */

export const COMMAND_IDS = [
  'file.new',
  'file.open',
  'file.save',
  'file.saveAs',
  'file.import',
  'file.connectNewsroom',
  'file.exportPdf',
  'file.exportProof',
  'file.exportFlatplan',
  'file.exportEdition',
  'file.preflight',
  'file.close',
  'edit.undo',
  'edit.redo',
  'edit.cut',
  'edit.copy',
  'edit.paste',
  'edit.selectAll',
  'edit.find',
  'view.zoomIn',
  'view.zoomOut',
  'view.fitPage',
  'view.actualSize',
  'view.guides',
  'view.baselineGrid',
  'view.frameEdges',
  'view.textThreads',
  'view.preview',
  'view.flatplan',
  'layout.autoLayout',
  'review.addNote',
  'review.notePage',
  'review.notes',
  'review.importComments',
  'review.user',
  'review.trackChanges',
  'review.trackStory',
  'review.finalView',
  'review.acceptChange',
  'review.rejectChange',
  'review.acceptAll',
  'review.rejectAll',
  'review.changes',
  'review.startRound',
  'review.rounds',
  'review.compare',
  'review.signOff',
  'review.reopenPage',
  'help.about',
  'help.shortcuts',
] as const;

export type CommandId = (typeof COMMAND_IDS)[number];

export function isCommandId(value: unknown): value is CommandId {
  return typeof value === 'string' && (COMMAND_IDS as readonly string[]).includes(value);
}

export interface CommandItem {
  command: CommandId;
  /** Electron accelerator syntax; `CmdOrCtrl` is ⌘ on macOS and Ctrl elsewhere. */
  accelerator?: string;
  /** A check item (view toggles). */
  toggle?: boolean;
  /**
   * Edit commands that text fields handle natively (cut, copy, paste, select
   * all) map to Electron roles so they keep working in inputs and the editor.
   */
  role?: 'cut' | 'copy' | 'paste' | 'selectAll';
}

export type MenuEntry = CommandItem | 'separator' | 'recent';

export interface MenuSpec {
  id: 'file' | 'edit' | 'view' | 'layout' | 'review' | 'window' | 'help';
  items: MenuEntry[];
}

/** The application menu. `recent` stands for the Open Recent submenu. */
export const APP_MENU: MenuSpec[] = [
  {
    id: 'file',
    items: [
      { command: 'file.new', accelerator: 'CmdOrCtrl+N' },
      { command: 'file.open', accelerator: 'CmdOrCtrl+O' },
      'recent',
      'separator',
      { command: 'file.connectNewsroom' },
      'separator',
      { command: 'file.save', accelerator: 'CmdOrCtrl+S' },
      { command: 'file.saveAs', accelerator: 'CmdOrCtrl+Shift+S' },
      'separator',
      { command: 'file.import', accelerator: 'CmdOrCtrl+Shift+I' },
      { command: 'file.exportPdf', accelerator: 'CmdOrCtrl+E' },
      { command: 'file.exportProof' },
      { command: 'file.exportFlatplan' },
      { command: 'file.exportEdition' },
      { command: 'file.preflight', accelerator: 'CmdOrCtrl+Alt+Shift+F' },
      'separator',
      { command: 'file.close', accelerator: 'CmdOrCtrl+W' },
    ],
  },
  {
    id: 'edit',
    items: [
      { command: 'edit.undo', accelerator: 'CmdOrCtrl+Z' },
      { command: 'edit.redo', accelerator: 'CmdOrCtrl+Shift+Z' },
      'separator',
      { command: 'edit.cut', accelerator: 'CmdOrCtrl+X', role: 'cut' },
      { command: 'edit.copy', accelerator: 'CmdOrCtrl+C', role: 'copy' },
      { command: 'edit.paste', accelerator: 'CmdOrCtrl+V', role: 'paste' },
      { command: 'edit.selectAll', accelerator: 'CmdOrCtrl+A', role: 'selectAll' },
      'separator',
      { command: 'edit.find', accelerator: 'CmdOrCtrl+F' },
    ],
  },
  {
    id: 'view',
    items: [
      { command: 'view.zoomIn', accelerator: 'CmdOrCtrl+=' },
      { command: 'view.zoomOut', accelerator: 'CmdOrCtrl+-' },
      { command: 'view.fitPage', accelerator: 'CmdOrCtrl+0' },
      { command: 'view.actualSize', accelerator: 'CmdOrCtrl+1' },
      'separator',
      { command: 'view.guides', accelerator: 'CmdOrCtrl+;', toggle: true },
      { command: 'view.baselineGrid', accelerator: "CmdOrCtrl+Alt+'", toggle: true },
      { command: 'view.frameEdges', accelerator: 'CmdOrCtrl+H', toggle: true },
      { command: 'view.textThreads', accelerator: 'CmdOrCtrl+Alt+Y', toggle: true },
      'separator',
      { command: 'view.preview', accelerator: 'CmdOrCtrl+Shift+P', toggle: true },
      { command: 'view.flatplan', accelerator: 'CmdOrCtrl+Alt+P', toggle: true },
    ],
  },
  {
    // Page layout helpers: a first layout of the page in view (auto-layout, docs/auto-layout.md).
    id: 'layout',
    items: [{ command: 'layout.autoLayout', accelerator: 'CmdOrCtrl+Alt+L' }],
  },
  {
    // The proofreading desk: notes (批注) first; tracked changes, rounds and sign-off join them here.
    id: 'review',
    items: [
      { command: 'review.addNote', accelerator: 'CmdOrCtrl+Alt+M' },
      { command: 'review.notePage' },
      'separator',
      // Tracked changes (修订): the switches, the view, the decisions, then the panels.
      { command: 'review.trackChanges', accelerator: 'CmdOrCtrl+Shift+E', toggle: true },
      { command: 'review.trackStory', toggle: true },
      { command: 'review.finalView', toggle: true },
      { command: 'review.acceptChange' },
      { command: 'review.rejectChange' },
      { command: 'review.acceptAll' },
      { command: 'review.rejectAll' },
      'separator',
      { command: 'review.notes', toggle: true },
      { command: 'review.changes', toggle: true },
      'separator',
      // Proof rounds (校次) and sign-off (签版).
      { command: 'review.startRound' },
      { command: 'review.compare' },
      { command: 'review.rounds', toggle: true },
      'separator',
      { command: 'review.signOff' },
      { command: 'review.reopenPage' },
      'separator',
      { command: 'review.importComments' },
      { command: 'review.user' },
    ],
  },
  { id: 'window', items: [] },
  {
    id: 'help',
    items: [{ command: 'help.shortcuts', accelerator: 'CmdOrCtrl+/' }, { command: 'help.about' }],
  },
];

/** Commands that cannot work yet, and why; menus show them greyed out with the reason. */
export const UNAVAILABLE: Partial<Record<CommandId, string>> = {};

/** Shows an accelerator the way the platform writes it (⌘⇧S on macOS, Ctrl+Shift+S elsewhere). */
export function formatAccelerator(accelerator: string, platform: string): string {
  const mac = platform === 'darwin' || /^mac/i.test(platform);
  const parts = accelerator.split('+').map((part) => {
    if (part === 'CmdOrCtrl') return mac ? '⌘' : 'Ctrl';
    if (part === 'Shift') return mac ? '⇧' : 'Shift';
    if (part === 'Alt') return mac ? '⌥' : 'Alt';
    return part;
  });
  return mac ? parts.join('') : parts.join('+');
}

/** Whether a keyboard event matches an accelerator (for the browser host's menu bar). */
export function matchesAccelerator(
  accelerator: string,
  event: { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean },
  platform: string,
): boolean {
  const mac = platform === 'darwin' || /^mac/i.test(platform);
  const parts = accelerator.split('+');
  const key = parts[parts.length - 1];
  const wantsCmd = parts.includes('CmdOrCtrl');
  const primary = mac ? event.metaKey : event.ctrlKey;
  if (wantsCmd !== primary) return false;
  if (parts.includes('Shift') !== event.shiftKey) return false;
  if (parts.includes('Alt') !== event.altKey) return false;
  return event.key.toLowerCase() === key.toLowerCase() || (key === '=' && event.key === '+');
}

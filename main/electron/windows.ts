/**
 * One window per open edition. Each window has its service context (the
 * document it shows) and the command states its renderer reported. Closing
 * a window with unsaved changes asks first (Save / Don't Save / Cancel).
 */
import { BrowserWindow, dialog, screen } from 'electron';
import { join } from 'node:path';
import type { CommandState } from '../../shared/services/api';
import { COMMAND_EVENT } from '../../shared/services/channels';
import type { CommandId } from '../../shared/services/commands';
import { translate } from '../../shared/services/locales';
import { documentTitle, type DocumentRegistry } from '../services/documents';
import type { ServiceContext } from '../services/handlers';
import type { PreferencesStore } from '../services/preferences';
import { APP_URL } from './csp';
import { SECURE_WEB_PREFERENCES } from './security';

export interface WindowRecord {
  window: BrowserWindow;
  context: ServiceContext;
  states: Record<string, CommandState>;
  /** Set when the user chose Save in the close prompt: close once the save lands. */
  closeAfterSave: boolean;
  /** Set once the user agreed to close (or nothing was unsaved). */
  closing: boolean;
}

export class WindowManager {
  private readonly records = new Map<number, WindowRecord>();

  constructor(
    private readonly preloadPath: string,
    private readonly documents: DocumentRegistry,
    private readonly preferences: PreferencesStore,
    private readonly language: () => 'zh-Hans' | 'en',
    private readonly onChange: () => void,
  ) {}

  all(): WindowRecord[] {
    return [...this.records.values()];
  }

  byContents(id: number): WindowRecord | undefined {
    return this.all().find((record) => record.window.webContents.id === id);
  }

  focused(): WindowRecord | undefined {
    const window = BrowserWindow.getFocusedWindow();
    return window ? this.records.get(window.id) : this.all()[0];
  }

  forDocument(documentId: string): WindowRecord | undefined {
    return this.all().find((record) => record.context.documentId === documentId);
  }

  /** Opens a window showing a document (null: an empty window). */
  open(documentId: string | null): WindowRecord {
    const existing = documentId ? this.forDocument(documentId) : undefined;
    if (existing) {
      existing.window.focus();
      return existing;
    }
    const bounds = this.preferences.get().windowBounds;
    const offset = this.records.size * 24;
    const area = screen.getPrimaryDisplay().workAreaSize;
    const window = new BrowserWindow({
      width: bounds?.width ?? Math.min(1440, area.width),
      height: bounds?.height ?? Math.min(960, area.height),
      x: bounds ? bounds.x + offset : undefined,
      y: bounds ? bounds.y + offset : undefined,
      minWidth: 800,
      minHeight: 500,
      show: false,
      title: 'Folio',
      backgroundColor: '#2b2d31',
      webPreferences: { ...SECURE_WEB_PREFERENCES, preload: this.preloadPath },
    });
    if (bounds?.maximized) window.maximize();
    const record: WindowRecord = {
      window,
      context: { documentId },
      states: {},
      closeAfterSave: false,
      closing: false,
    };
    this.records.set(window.id, record);
    window.once('ready-to-show', () => window.show());
    window.on('focus', () => this.onChange());
    window.on('close', (event) => this.onClose(record, event));
    window.on('closed', () => {
      this.records.delete(window.id);
      if (record.context.documentId && !this.forDocument(record.context.documentId))
        this.documents.remove(record.context.documentId);
      this.onChange();
    });
    void window.loadURL(APP_URL);
    this.onChange();
    return record;
  }

  /** Sends a menu command to a window's renderer. */
  send(record: WindowRecord, command: CommandId): void {
    record.window.webContents.send(COMMAND_EVENT, command);
  }

  /** Called when the renderer reports the document's dirty flag; finishes a pending close after save. */
  dirtyChanged(record: WindowRecord, dirty: boolean): void {
    if (!dirty && record.closeAfterSave) {
      record.closeAfterSave = false;
      record.closing = true;
      record.window.close();
    }
  }

  /** The close prompt; resolves true when the window may close. */
  async confirmClose(record: WindowRecord): Promise<boolean> {
    const document = record.context.documentId ? this.documents.find(record.context.documentId) : undefined;
    if (!document?.dirty) return true;
    const language = this.language();
    const { response } = await dialog.showMessageBox(record.window, {
      type: 'warning',
      message: translate(language, 'dialog.unsavedTitle', { title: documentTitle(document) }),
      detail: translate(language, 'dialog.unsavedDetail'),
      buttons: [
        translate(language, 'dialog.save'),
        translate(language, 'dialog.dontSave'),
        translate(language, 'dialog.cancel'),
      ],
      defaultId: 0,
      cancelId: 2,
    });
    if (response === 1) return true;
    if (response === 0) {
      // The renderer holds the current edition: ask it to save, close when the save lands.
      record.closeAfterSave = true;
      this.send(record, 'file.save');
    }
    return false;
  }

  private onClose(record: WindowRecord, event: Electron.Event): void {
    this.rememberBounds(record.window);
    if (record.closing) return;
    event.preventDefault();
    void this.confirmClose(record).then((close) => {
      if (close) {
        record.closing = true;
        record.window.close();
      }
    });
  }

  private rememberBounds(window: BrowserWindow): void {
    const { x, y, width, height } = window.getNormalBounds();
    this.preferences.set({ windowBounds: { x, y, width, height, maximized: window.isMaximized() } });
  }
}

export function preloadPathBeside(mainDir: string): string {
  return join(mainDir, 'preload.cjs');
}

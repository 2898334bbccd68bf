/** The host's file dialogs. Electron shows native ones; the browser host has none (the UI asks for a path). */
export interface HostDialogs {
  /** Returns the chosen path or null when cancelled. */
  chooseOpenPath(kind: 'edition' | 'import' | 'pdf'): Promise<string | null>;
  chooseSavePath(kind: 'edition' | 'pdf', defaultPath: string): Promise<string | null>;
  /** A folder to write into (made when missing), or null when cancelled. */
  chooseFolderPath?(defaultPath: string): Promise<string | null>;
}

/** Raised when a host without dialogs is asked to choose a path itself. */
export class PathRequiredError extends Error {
  constructor(what: string) {
    super(`${what}: a file path is required (this host has no file dialogs)`);
    this.name = 'PathRequiredError';
  }
}

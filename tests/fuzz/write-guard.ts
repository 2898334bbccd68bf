/**
 * Opening a file must write nothing anywhere. The open worker installs this
 * guard before it loads any Folio code: every Node file-system call that
 * could create, change or remove something is refused and recorded, so a
 * write is caught wherever it would have gone (not only in the folder the
 * fuzz watches). Calls that only read pass through.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const WRITING = [
  'writeFile',
  'appendFile',
  'mkdir',
  'mkdtemp',
  'rename',
  'unlink',
  'rm',
  'rmdir',
  'copyFile',
  'cp',
  'link',
  'symlink',
  'truncate',
  'chmod',
  'chown',
  'lchown',
  'utimes',
  'lutimes',
] as const;

const WRITE_FLAGS =
  fs.constants.O_WRONLY |
  fs.constants.O_RDWR |
  fs.constants.O_CREAT |
  fs.constants.O_TRUNC |
  fs.constants.O_APPEND;

/** Whether open() flags ask for writing ('w', 'a', 'r+', or O_WRONLY/O_RDWR/O_CREAT…). */
export function opensForWriting(flags: unknown): boolean {
  if (flags === undefined || flags === null) return false;
  if (typeof flags === 'number') return (flags & WRITE_FLAGS) !== 0;
  return /[wa+]/.test(String(flags));
}

export interface WriteGuard {
  /** The writes attempted since the last call, as "call(path)". */
  take(): string[];
}

export function installWriteGuard(): WriteGuard {
  let attempts: string[] = [];
  const refuse = (call: string, target: unknown) => {
    attempts.push(`${call}(${String(target)})`);
    const error = new Error(
      `the fuzz's write guard refused ${call}(${String(target)})`,
    ) as NodeJS.ErrnoException;
    error.code = 'EPERM';
    return error;
  };
  const callbackApi = fs as unknown as Record<string, (...args: unknown[]) => unknown>;
  const promiseApi = fs.promises as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const name of WRITING) {
    for (const [api, key, style] of [
      [callbackApi, name, 'callback'],
      [callbackApi, `${name}Sync`, 'sync'],
      [promiseApi, name, 'promise'],
    ] as const) {
      if (typeof api[key] !== 'function') continue;
      api[key] = (...args: unknown[]) => {
        const error = refuse(key, args[0]);
        if (style === 'sync') throw error;
        if (style === 'promise') return Promise.reject(error);
        const callback = args.find((a) => typeof a === 'function') as ((e: Error) => void) | undefined;
        queueMicrotask(() => callback?.(error));
      };
    }
  }
  for (const [api, key, style] of [
    [callbackApi, 'open', 'callback'],
    [callbackApi, 'openSync', 'sync'],
    [promiseApi, 'open', 'promise'],
  ] as const) {
    const original = api[key];
    api[key] = (...args: unknown[]) => {
      if (!opensForWriting(args[1])) return original(...args);
      const error = refuse(`${key} for writing`, args[0]);
      if (style === 'sync') throw error;
      if (style === 'promise') return Promise.reject(error);
      const callback = args.find((a) => typeof a === 'function') as ((e: Error) => void) | undefined;
      queueMicrotask(() => callback?.(error));
    };
  }
  for (const key of ['createWriteStream'] as const) {
    callbackApi[key] = (...args: unknown[]) => {
      throw refuse(key, args[0]);
    };
  }
  // ES module imports of node:fs and node:fs/promises see the guarded functions too.
  syncBuiltinESMExports();
  return {
    take() {
      const taken = attempts;
      attempts = [];
      return taken;
    },
  };
}

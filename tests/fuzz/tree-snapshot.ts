/**
 * A folder's tree as it is on disk — every path with its type, size,
 * mode and modification time — and the file's own bytes, so the fuzz can
 * prove that opening a file created, changed or removed nothing.
 */
import { createHash } from 'node:crypto';
import { lstat, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';

export async function treeSnapshot(folder: string): Promise<string[]> {
  const names = await readdir(folder, { recursive: true });
  const lines = await Promise.all(
    names.map(async (name) => {
      const info = await lstat(join(folder, name));
      const type = info.isDirectory() ? 'd' : info.isSymbolicLink() ? 'l' : 'f';
      return `${type} ${name} ${info.size} ${info.mode.toString(8)} ${info.mtimeMs}`;
    }),
  );
  return lines.sort();
}

export async function fileDigest(path: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(path))
    .digest('hex');
}

/** What changed between two snapshots, as "+ added", "- removed" lines (empty when nothing did). */
export function treeChanges(before: readonly string[], after: readonly string[]): string[] {
  const was = new Set(before);
  const is = new Set(after);
  return [
    ...before.filter((l) => !is.has(l)).map((l) => `- ${l}`),
    ...after.filter((l) => !was.has(l)).map((l) => `+ ${l}`),
  ];
}

import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Lists .ts/.tsx files under a folder. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('imports point renderer → shared ← main', () => {
  it('shared/ imports neither main/, renderer/, Node nor Electron', () => {
    const offenders = sourceFiles('shared').filter((file) =>
      /from ['"](\.\.\/)+(main|renderer)\/|from ['"](node:|electron['"]|fs['"]|path['"])/.test(
        readFileSync(file, 'utf8'),
      ),
    );
    expect(offenders).toEqual([]);
  });
});

/** `npm run web` serves dist/renderer as it is only when nothing it was built from changed. */
import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rendererIsFresh, writeRendererStamp } from '../../../scripts/renderer-stamp';

describe('renderer build stamp', () => {
  it('is fresh until an input changes, the options differ or an extension appears', () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-stamp-'));
    const source = join(dir, 'main.tsx');
    const script = join(dir, 'build.ts');
    const extension = join(dir, 'extension.ts');
    const past = new Date(Date.now() - 60_000);
    for (const file of [source, script, extension]) {
      writeFileSync(file, '// source');
      utimesSync(file, past, past);
    }
    for (const file of ['renderer.js', 'index.html', 'renderer.css']) writeFileSync(join(dir, file), '');
    writeRendererStamp(dir, {
      minify: true,
      nodeEnv: 'production',
      inputs: [source],
      extensions: [extension],
    });
    const wanted = { minify: true, nodeEnv: 'production', extensions: [extension], scripts: [script] };
    expect(rendererIsFresh(dir, wanted)).toBe(true);
    expect(rendererIsFresh(dir, { ...wanted, minify: false })).toBe(false);
    expect(rendererIsFresh(dir, { ...wanted, nodeEnv: 'development' })).toBe(false);
    expect(rendererIsFresh(dir, { ...wanted, extensions: [] })).toBe(false);
    const later = new Date(Date.now() + 60_000);
    utimesSync(script, later, later);
    expect(rendererIsFresh(dir, wanted)).toBe(false);
    utimesSync(script, past, past);
    utimesSync(source, later, later);
    expect(rendererIsFresh(dir, wanted)).toBe(false);
  });

  it('is not fresh without a stamp or with a source gone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-stamp-'));
    for (const file of ['renderer.js', 'index.html', 'renderer.css']) writeFileSync(join(dir, file), '');
    const wanted = { minify: true, nodeEnv: 'production', extensions: [], scripts: [] };
    expect(rendererIsFresh(dir, wanted)).toBe(false);
    writeRendererStamp(dir, {
      minify: true,
      nodeEnv: 'production',
      inputs: [join(dir, 'gone.ts')],
      extensions: [],
    });
    expect(rendererIsFresh(dir, wanted)).toBe(false);
  });
});

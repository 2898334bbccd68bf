/**
 * The sample's placeholder photos are painted once per machine: a second
 * start reads the very bytes the first one painted, and a photo described
 * differently is painted anew.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachedPhoto } from '../../../main/sample/photo-cache';

describe('the sample photo cache', () => {
  const before = process.env.FOLIO_CACHE_DIR;
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'folio-cache-'));
    process.env.FOLIO_CACHE_DIR = dir;
  });
  afterEach(() => {
    if (before === undefined) delete process.env.FOLIO_CACHE_DIR;
    else process.env.FOLIO_CACHE_DIR = before;
  });

  it('paints a photo once and then reads back the same bytes and size', async () => {
    let paints = 0;
    const paint = async () => {
      paints++;
      return { bytes: new Uint8Array([0xff, 0xd8, paints, 0xff, 0xd9]), widthPx: 640, heightPx: 480 };
    };
    const first = await cachedPhoto('street 2001 200×150 pt 300 ppi', paint);
    const second = await cachedPhoto('street 2001 200×150 pt 300 ppi', paint);
    expect(paints).toBe(1);
    expect(second).toEqual(first);
    expect(readdirSync(join(dir, 'sample-photos')).sort()).toHaveLength(2);

    const other = await cachedPhoto('street 2001 200×151 pt 300 ppi', paint);
    expect(paints).toBe(2);
    expect(other.bytes).not.toEqual(first.bytes);
  });
});

import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { crc32 } from '../../../shared/model/package/crc32';

describe('crc32', () => {
  it('matches the standard check value and what a zip writer records', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926); // the CRC-32 check value
    expect(crc32(new Uint8Array(0))).toBe(0);
    for (const length of [1, 7, 8, 9, 1000, 65_537]) {
      const data = new Uint8Array(length).map((_, i) => (i * 31 + length) & 0xff);
      const zip = zipSync({ f: [data, { level: 0 }] });
      const recorded = (zip[14] | (zip[15] << 8) | (zip[16] << 16) | (zip[17] << 24)) >>> 0;
      expect(crc32(data)).toBe(recorded);
    }
  });
});

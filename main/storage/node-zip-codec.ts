/**
 * Node's zlib lent to the .folio reader: native inflate and CRC-32 are
 * several times faster than the pure-JS ones on a large edition.json (the
 * fuzz's 14 MB editions spent a third of their open there). The bounds stay
 * the reader's: inflating stops past the entry's declared size.
 */
import { crc32, inflateRawSync } from 'node:zlib';
import type { ZipCodec } from '../../shared/model/package/zip-reader';

export const nodeZipCodec: ZipCodec = {
  inflateRaw(raw, maxBytes) {
    try {
      const out = inflateRawSync(raw, { maxOutputLength: Math.max(1, maxBytes) });
      return maxBytes === 0 && out.length > 0 ? null : out;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return null;
      throw error;
    }
  },
  crc32: (bytes) => crc32(bytes),
};

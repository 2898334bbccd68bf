/**
 * A fingerprint of an edition's content: SHA-256 of its JSON with object
 * keys sorted (and undefined members left out, as JSON does), so the same
 * edition gives the same fingerprint whether it was replayed from a journal,
 * sent by the renderer to be saved, or read back from the saved file.
 * Recovery compares fingerprints to tell whether a journal holds changes
 * that no saved file has.
 */
import { createHash } from 'node:crypto';

export function editionFingerprint(edition: unknown): string {
  const hash = createHash('sha256');
  // Pieces are gathered into chunks: one hash update per piece is far slower.
  let chunk = '';
  writeCanonical(edition, (piece) => {
    chunk += piece;
    if (chunk.length > 65_536) {
      hash.update(chunk);
      chunk = '';
    }
  });
  hash.update(chunk);
  return hash.digest('hex');
}

/** Streams canonical JSON (sorted keys) into `out`, without building one large string. */
function writeCanonical(value: unknown, out: (piece: string) => void): void {
  if (value === null || typeof value !== 'object') {
    // JSON has no undefined, NaN or Infinity: stringify turns them into null, as saving does.
    out(value === undefined ? 'null' : JSON.stringify(value));
    return;
  }
  if (Array.isArray(value)) {
    out('[');
    value.forEach((item, i) => {
      if (i > 0) out(',');
      writeCanonical(item === undefined || typeof item === 'function' ? null : item, out);
    });
    out(']');
    return;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined && typeof record[key] !== 'function')
    .sort();
  out('{');
  keys.forEach((key, i) => {
    if (i > 0) out(',');
    out(JSON.stringify(key));
    out(':');
    writeCanonical(record[key], out);
  });
  out('}');
}

/**
 * Bytes of a text file → a string. Copy arrives as UTF-8 (with or without a
 * byte order mark), as UTF-16 from some Windows editors, and as GB18030/GBK
 * from older Chinese newsroom systems; anything with NUL bytes and no UTF-16
 * mark is binary and refused.
 */
import { ImportFileError } from './errors';

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
}

export function decodeText(bytes: Uint8Array, file: string): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decodeStrict(bytes.subarray(3), 'utf-8', file), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) {
    throw new ImportFileError(file, 'looks like a binary file, not text (it contains NUL bytes)');
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: GB18030 (a superset of GBK and GB2312) is what Chinese
    // Windows tools write. It decodes almost any byte string, so demand that
    // the result is mostly readable text before trusting it.
    const text = new TextDecoder('gb18030').decode(bytes);
    const unreadable = [...text].filter((ch) => ch === '\ufffd' || isControl(ch)).length;
    if (unreadable > text.length / 100) {
      throw new ImportFileError(file, 'is neither UTF-8 nor GB18030 text; save it as UTF-8 and import again');
    }
    return { text, encoding: 'gb18030' };
  }
}

/** C0 control characters other than tab, line feed, form feed and carriage return. */
function isControl(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return code < 0x20 && ch !== '\t' && ch !== '\n' && ch !== '\r' && ch !== '\f';
}

function decodeStrict(bytes: Uint8Array, encoding: 'utf-8', file: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new ImportFileError(file, 'starts with a UTF-8 byte order mark but is not valid UTF-8');
  }
}

/**
 * Reads what the export needs from an ICC profile file: that it is a CMYK
 * output (printer) profile, its version and its description, so a profile
 * the user gives can both separate RGB photos and be embedded as the PDF/X
 * output intent's DestOutputProfile.
 */

export interface CmykProfile {
  bytes: Uint8Array;
  /** The profile's description tag, e.g. "Coated FOGRA39 (ISO 12647-2:2004)". */
  description: string;
  /** Major version (2 or 4). */
  version: number;
}

/** Parses the header and description; throws with the reason when it is not a CMYK output profile. */
export function readCmykProfile(bytes: Uint8Array): CmykProfile {
  if (bytes.length < 132 || ascii(bytes, 36, 4) !== 'acsp') throw new Error('it is not an ICC profile');
  const deviceClass = ascii(bytes, 12, 4);
  const colorSpace = ascii(bytes, 16, 4);
  if (colorSpace !== 'CMYK') throw new Error(`it is a ${colorSpace.trim()} profile, not CMYK`);
  if (deviceClass !== 'prtr')
    throw new Error(`it is not an output (printer) profile (class '${deviceClass}')`);
  return { bytes, description: description(bytes) ?? 'CMYK output profile', version: bytes[8] };
}

function ascii(bytes: Uint8Array, at: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + length));
}

function u32(bytes: Uint8Array, at: number): number {
  return ((bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3]) >>> 0;
}

/** The 'desc' tag: textDescriptionType (v2, ASCII) or multiLocalizedUnicodeType (v4, first record, UTF-16BE). */
function description(bytes: Uint8Array): string | null {
  const count = u32(bytes, 128);
  for (let i = 0; i < count; i++) {
    const entry = 132 + 12 * i;
    if (entry + 12 > bytes.length) break;
    if (ascii(bytes, entry, 4) !== 'desc') continue;
    const offset = u32(bytes, entry + 4);
    const type = ascii(bytes, offset, 4);
    if (type === 'desc') {
      const length = u32(bytes, offset + 8);
      return ascii(bytes, offset + 12, Math.max(0, length - 1)).trim() || null;
    }
    if (type === 'mluc') {
      const length = u32(bytes, offset + 20);
      const start = offset + u32(bytes, offset + 24);
      let text = '';
      for (let j = 0; j + 1 < length; j += 2)
        text += String.fromCharCode((bytes[start + j] << 8) | bytes[start + j + 1]);
      return text.trim() || null;
    }
  }
  return null;
}

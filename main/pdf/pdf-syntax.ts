/**
 * Small pieces of PDF syntax the painters write into content streams
 * themselves (pdfkit's drawing API rounds and restates state we want to
 * control exactly).
 */

/**
 * A number for a content stream: at most `decimals` places, no exponent,
 * no trailing zeros. Positions use 4 places (0.0001 pt), far below the
 * 0.01 pt the screen = print test allows.
 */
export function num(value: number, decimals = 4): string {
  if (!Number.isFinite(value)) throw new Error(`cannot write ${value} into a PDF`);
  const fixed = value.toFixed(decimals);
  const trimmed = fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
  return trimmed === '-0' ? '0' : trimmed;
}

/** A PDF name object that pdfkit writes as /Name (pdfkit turns JS strings in the Info dictionary into PDF strings). */
export class PdfName {
  constructor(readonly name: string) {}
  get [Symbol.toStringTag](): string {
    return 'PdfName';
  }
  toString(): string {
    return `/${this.name}`;
  }
}

/** A 4-digit hex code for a 2-byte CID in a TJ string. */
export function cidHex(cid: number): string {
  return cid.toString(16).padStart(4, '0');
}

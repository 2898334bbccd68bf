/** The part of pdf.js's standalone image decoders the tests use (pdfjs-dist ships no types for it). */
declare module 'pdfjs-dist/legacy/image_decoders/pdf.image_decoders.mjs' {
  export class JpegImage {
    constructor(options?: { decodeTransform?: Int32Array; colorTransform?: number });
    width: number;
    height: number;
    numComponents: number;
    parse(data: Uint8Array): void;
    /** Samples as decoded; CMYK comes back as ink (Adobe's inverted samples undone), YCCK converted to CMYK. */
    getData(options: { width: number; height: number; forceRGB?: boolean }): Uint8ClampedArray;
  }
}

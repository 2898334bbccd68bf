/**
 * CMYK photos as Adobe YCCK JPEGs, the way Photoshop keeps them small:
 * C, M and Y are turned into luma and two chroma channels (YCbCr of the
 * inverted CMY), the chroma is subsampled 2×2, and K is kept at full
 * resolution. A plain CMYK JPEG (what libvips writes) keeps all four
 * channels at full resolution and is about twice the bytes at the same
 * visible quality.
 *
 * libvips cannot write YCCK, so it writes the two halves, each with
 * libjpeg's own colour conversion, quantisation and Huffman coding: a
 * 3-channel JPEG whose "RGB" is the C, M, Y ink (libjpeg's YCCK is exactly
 * the YCbCr transform of 255 − stored CMY, and Adobe stores 255 − ink), and
 * a greyscale JPEG of the stored K. Their segments are then joined into one
 * baseline JPEG with four components and two scans (Y Cb Cr interleaved,
 * then K alone), which ITU-T T.81 allows for sequential DCT; the K scan
 * brings its own quantisation table (slot 2) and redefines Huffman table 0.
 */
import sharp from 'sharp';

const SOI = 0xd8;
const EOI = 0xd9;
const SOF0 = 0xc0;
const DHT = 0xc4;
const DQT = 0xdb;
const SOS = 0xda;
const DRI = 0xdd;
const APP14 = 0xee;

interface JpegSegment {
  marker: number;
  /** The segment's payload after its length field. */
  body: Buffer;
  /** For SOS: the entropy-coded data that follows the header. */
  entropy?: Buffer;
}

/** The segments of a JPEG up to EOI. */
export function jpegSegments(jpeg: Buffer): JpegSegment[] {
  if (jpeg[0] !== 0xff || jpeg[1] !== SOI) throw new Error('not a JPEG');
  const segments: JpegSegment[] = [];
  let i = 2;
  while (i + 1 < jpeg.length) {
    if (jpeg[i] !== 0xff) throw new Error(`no marker at byte ${i}`);
    const marker = jpeg[i + 1];
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    if (marker === EOI) return segments;
    const length = jpeg.readUInt16BE(i + 2);
    const body = jpeg.subarray(i + 4, i + 2 + length);
    i += 2 + length;
    if (marker !== SOS) {
      segments.push({ marker, body });
      continue;
    }
    // Entropy-coded data runs to the next marker that is not a stuffed 0xFF00 or a restart marker.
    let end = i;
    while (end + 1 < jpeg.length) {
      if (jpeg[end] === 0xff) {
        const next = jpeg[end + 1];
        if (next !== 0 && !(next >= 0xd0 && next <= 0xd7)) break;
      }
      end++;
    }
    segments.push({ marker, body, entropy: jpeg.subarray(i, end) });
    i = end;
  }
  throw new Error('JPEG ends without EOI');
}

function segment(marker: number, body: Buffer): Buffer {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
}

/** Adobe APP14 with transform 2: the decoder turns YCCK back into (Adobe-inverted) CMYK. */
const ADOBE_YCCK = Buffer.from([0x41, 0x64, 0x6f, 0x62, 0x65, 0x00, 0x64, 0x00, 0x00, 0x00, 0x00, 0x02]);

/**
 * Joins a baseline YCbCr JPEG (components 1–3) and a baseline greyscale
 * JPEG of the same size into one 4-component Adobe YCCK JPEG.
 */
export function joinYcck(colour: Buffer, grey: Buffer): Buffer {
  const c = jpegSegments(colour);
  const g = jpegSegments(grey);
  const frameOf = (segments: JpegSegment[], what: string) => {
    const sof = segments.find((s) => s.marker === SOF0);
    if (!sof) throw new Error(`the ${what} JPEG is not baseline`);
    if (segments.some((s) => s.marker === DRI)) throw new Error(`the ${what} JPEG has restart intervals`);
    if (segments.filter((s) => s.marker === SOS).length !== 1)
      throw new Error(`the ${what} JPEG has several scans`);
    return sof.body;
  };
  const sofC = frameOf(c, 'colour');
  const sofG = frameOf(g, 'grey');
  if (sofC[5] !== 3 || sofG[5] !== 1) throw new Error('expected a 3-component and a 1-component JPEG');
  if (sofC.readUInt32BE(1) !== sofG.readUInt32BE(1)) throw new Error('the two JPEGs differ in size');
  const [y, cb, cr] = [0, 1, 2].map((k) => sofC.subarray(6 + 3 * k, 9 + 3 * k));
  if (y[0] !== 1 || cb[0] !== 2 || cr[0] !== 3) throw new Error('unexpected component ids');
  const maxSampling = Math.max(...[y, cb, cr].map((comp) => comp[1]));
  if (y[1] !== maxSampling) throw new Error('luma is not the most sampled component');

  const out: Buffer[] = [Buffer.from([0xff, SOI]), segment(APP14, ADOBE_YCCK)];
  for (const s of c) if (s.marker === DQT) out.push(segment(DQT, s.body));
  // The grey JPEG's one table (slot 0) moves to slot 2 for K.
  for (const s of g) {
    if (s.marker !== DQT) continue;
    const table = Buffer.from(s.body);
    if (table[0] & 0x0f || table.length !== 1 + 64 * ((table[0] >> 4) + 1))
      throw new Error('unexpected grey quantisation table');
    table[0] = (table[0] & 0xf0) | 2;
    out.push(segment(DQT, table));
  }
  // K is sampled like luma: full resolution.
  const k = Buffer.from([4, maxSampling, 2]);
  out.push(segment(SOF0, Buffer.concat([sofC.subarray(0, 5), Buffer.from([4]), y, cb, cr, k])));
  for (const s of c) if (s.marker === DHT) out.push(segment(DHT, s.body));
  const scanC = c.find((s) => s.marker === SOS) as JpegSegment;
  out.push(segment(SOS, scanC.body), scanC.entropy as Buffer);
  // The K scan's Huffman tables replace slot 0 (baseline allows two of each kind).
  for (const s of g) if (s.marker === DHT) out.push(segment(DHT, s.body));
  const scanG = g.find((s) => s.marker === SOS) as JpegSegment;
  const header = Buffer.from(scanG.body);
  if (header[0] !== 1) throw new Error('unexpected grey scan');
  header[1] = 4;
  header[2] = 0x00;
  out.push(segment(SOS, header), scanG.entropy as Buffer, Buffer.from([0xff, EOI]));
  return Buffer.concat(out);
}

export interface CmykJpegOptions {
  /** libjpeg quality, 1–100. */
  quality: number;
}

/** Options that make libjpeg's output smaller at the same quality, without progressive scans (PDF 1.3 readers and RIPs expect baseline). */
function jpegSettings(quality: number, chroma: '4:2:0' | '4:4:4') {
  return {
    quality,
    chromaSubsampling: chroma,
    trellisQuantisation: true,
    overshootDeringing: true,
    optimiseCoding: true,
    quantisationTable: 3,
    progressive: false,
  } as const;
}

/**
 * Encodes CMYK ink samples (0 = no ink, 255 = solid; 4 bytes a pixel) as a
 * YCCK JPEG. In the PDF it is DeviceCMYK with Decode [1 0 1 0 1 0 1 0]
 * (Adobe's stored samples are inverted) and ColorTransform 1.
 */
export async function encodeCmykJpeg(
  ink: Uint8Array,
  width: number,
  height: number,
  { quality }: CmykJpegOptions,
): Promise<Buffer> {
  if (ink.length !== width * height * 4)
    throw new Error(`expected ${width * height * 4} CMYK bytes, got ${ink.length}`);
  // Raw 4-channel input reads as RGBA: dropping "alpha" leaves C, M, Y as R, G, B; K alone, inverted, is the stored K.
  const samples = sharp(ink, { raw: { width, height, channels: 4 } });
  const [colour, grey] = await Promise.all([
    samples.clone().removeAlpha().jpeg(jpegSettings(quality, '4:2:0')).toBuffer(),
    samples
      .clone()
      .extractChannel(3)
      .negate()
      .toColourspace('b-w')
      .jpeg(jpegSettings(quality, '4:4:4'))
      .toBuffer(),
  ]);
  return joinYcck(colour, grey);
}

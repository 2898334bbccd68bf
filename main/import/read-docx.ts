/**
 * A Word .docx → the HTML mammoth makes of it (headings, paragraphs, bold,
 * italic, tables), ready for the pure parser in shared/import, and the
 * pictures it holds: each `<img>` names its picture as `folio-image:<n>`
 * (n in reading order) and the bytes come back beside the HTML.
 */
import mammoth from 'mammoth';
import { IMAGE_SRC_PREFIX } from '../../shared/import/parse-html';
import { ImportFileError } from './errors';

/** A picture as Word stored it. */
export interface DocxImage {
  /** Its index in the document, in reading order (`folio-image:<index>`). */
  index: number;
  /** The MIME type Word recorded, e.g. image/png, image/jpeg, image/x-emf. */
  contentType: string;
  bytes: Uint8Array;
}

export interface DocxHtml {
  html: string;
  images: DocxImage[];
  /** Mammoth's warnings (unknown styles, dropped content), for the report. */
  warnings: string[];
}

/** Word styles mammoth's default map does not know: titles as headings, captions marked for the importer. */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  "p[style-name='标题'] => h1:fresh",
  "p[style-name='副标题'] => h2:fresh",
  "p[style-name='Caption'] => p.caption:fresh",
  "p[style-name='题注'] => p.caption:fresh",
];

export async function readDocx(bytes: Uint8Array, file: string): Promise<DocxHtml> {
  // Every .docx is a zip; an old binary .doc or a renamed file is not.
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) {
    const hint =
      bytes[0] === 0xd0 && bytes[1] === 0xcf
        ? ' (it is an old Word .doc; save it as .docx)'
        : ' (it is not a zip package)';
    throw new ImportFileError(file, `is not a Word .docx document${hint}`);
  }
  const images: DocxImage[] = [];
  const convertImage = mammoth.images.imgElement(async (image) => {
    // Mammoth converts in document order, so the index is the reading order.
    const index = images.length;
    images.push({ index, contentType: image.contentType, bytes: new Uint8Array(await image.readAsBuffer()) });
    return { src: `${IMAGE_SRC_PREFIX}${index}` };
  });
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { styleMap: STYLE_MAP, convertImage },
    );
    return { html: result.value, images, warnings: result.messages.map((m) => m.message) };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ImportFileError(file, `is a damaged Word document (${reason})`);
  }
}

/**
 * What a printer's preflight tool checks in the PDF's objects: text is
 * filled in DeviceCMYK (black as 0 0 0 1, never rich black), spot colours
 * are Separations with their CMYK alternate, tints scale process inks, and
 * every font is an embedded subset with a ToUnicode map — each face once,
 * however many pages use it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { DisplayColor } from '../../../shared/layout/display-list';
import { renderPdf } from '../../../main/pdf/render-pdf';
import { resolveOptions } from '../../../main/pdf/options';
import { displayList, displayPage, editionFor, run, textFrame } from './fixtures/display-list-builder';
import { exportMultiPage } from './helpers/export-fixture';
import { readFonts, readObjects, type PdfObject } from './helpers/read-pdf';

let objects: PdfObject[];
let content: string;
let path: string;

beforeAll(async () => {
  const exported = await exportMultiPage({ preset: 'press' });
  path = exported.path;
  const bytes = exported.bytes;
  objects = readObjects(bytes);
  content = objects
    .filter((o) => o.stream && /BT\n/.test(o.stream.toString('latin1')))
    .map((o) => (o.stream as Buffer).toString('latin1'))
    .join('\n');
});

describe('colours', () => {
  it('body text is filled with 0 0 0 1 k (DeviceCMYK black, not rich black)', () => {
    expect(content).toMatch(/^0 0 0 1 k$/m);
    // No RGB or grey fills anywhere in the page content.
    expect(content).not.toMatch(/ (rg|RG|g|G)$/m);
  });

  it('a spot colour is a Separation with its CMYK alternate, painted at its tint', () => {
    const separation = objects.find((o) => /\[\/Separation \/PANTONE#20485#20C \/DeviceCMYK/.test(o.dict));
    expect(separation?.dict).toMatch(/\/C1 \[0 1 0\.9 0\]/);
    // The fixture's spot swatch is used at a 50 % tint.
    expect(content).toMatch(/\/CS\d+ cs 0\.5 scn/);
  });

  it('a process tint scales every ink', async () => {
    const grey: DisplayColor = { cmyk: [0, 0, 0, 100], spot: null, tint: 30, rgb: '#bbb' };
    const frame = textFrame('t', 's', { x: 20, y: 20, width: 200, height: 40 }, [
      run('灰色', 20, 40, { color: grey }),
    ]);
    const list = displayList([displayPage(0, [frame])]);
    const bytes = await renderPdf({
      edition: editionFor(list),
      displayList: list,
      assets: new Map(),
      options: resolveOptions({ preset: 'press' }),
    });
    const text = readObjects(bytes)
      .filter((o) => o.stream)
      .map((o) => (o.stream as Buffer).toString('latin1'))
      .join('\n');
    expect(text).toMatch(/^0 0 0 0\.3 k$/m);
  });
});

describe('fonts', () => {
  it('pdffonts: every font embedded, subset, with ToUnicode, as CID TrueType', () => {
    const fonts = readFonts(path);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font).toMatchObject({ emb: true, sub: true, uni: true });
      expect(font.type).toBe('CID TrueType');
      expect(font.name).toMatch(/^[A-Z]{6}\+/);
    }
  });

  it('each face is embedded once for the whole export, not once per page', () => {
    const names = readFonts(path).map((f) => f.name.replace(/^[A-Z]{6}\+/, ''));
    expect(new Set(names).size).toBe(names.length);
    // Serif body (3 pages), Sans headline, and the slug face.
    expect(names.sort()).toEqual(['NotoSansSC-Bold', 'NotoSansSC-Regular', 'NotoSerifSC-Regular']);
    expect(objects.filter((o) => /\/FontFile2/.test(o.dict))).toHaveLength(3);
  });
});

describe('black text overprints in Press', () => {
  it('solid black text is set with an overprint graphics state (OP, op, OPM 1), other colours knock out', () => {
    const gstate = objects.find((o) => /\/Type \/ExtGState/.test(o.dict) && /\/OP true/.test(o.dict));
    expect(gstate?.dict).toMatch(/\/op true/);
    expect(gstate?.dict).toMatch(/\/OPM 1/);
    // On right before black text, off again before the text object ends (later rules and boxes knock out).
    expect(content).toMatch(/\/GSop gs\n0 0 0 1 k/);
    expect(content).toMatch(/\/GSko gs\nET/);
    // The spot-coloured headline is painted without overprint.
    expect(content).toMatch(/BT\n\/F\d+ 28 Tf\n\/CS\d+ cs 0\.5 scn/);
  });

  it('Proof has no overprint', async () => {
    const { bytes } = await exportMultiPage({ preset: 'proof' });
    expect(Buffer.from(bytes).toString('latin1')).not.toMatch(/\/ExtGState/);
  });
});

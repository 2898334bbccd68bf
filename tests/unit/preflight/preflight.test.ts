/**
 * Preflight finds each problem it lists, on a fixture that has it, and names
 * the page and the frame; a clean edition has no findings.
 */
import { describe, expect, it } from 'vitest';
import type { DisplayImage, DisplayList } from '../../../shared/layout/display-list';
import type { Asset, Edition } from '../../../shared/model/types';
import {
  formatFinding,
  hasErrors,
  runPreflight,
  type AssetFacts,
  type PreflightInput,
} from '../../../shared/preflight';
import { displayList, displayPage, editionFor, run, textFrame } from '../pdf/fixtures/display-list-builder';

function photo(overrides: Partial<DisplayImage> = {}): DisplayImage {
  return {
    kind: 'image',
    frameId: 'pic',
    fromMaster: false,
    x: 50,
    y: 300,
    width: 144,
    height: 96,
    assetId: 'a1',
    imageX: 50,
    imageY: 300,
    imageWidth: 144,
    imageHeight: 96,
    stroke: null,
    ...overrides,
  };
}

const asset: Asset = {
  id: 'a1',
  name: 'street.jpg',
  path: 'assets/street.jpg',
  mime: 'image/jpeg',
  widthPx: 800,
  heightPx: 533,
  colorSpace: 'cmyk',
  byteLength: 1,
};
const goodFacts: AssetFacts = {
  present: true,
  readable: true,
  widthPx: 800,
  heightPx: 533,
  colorSpace: 'cmyk',
};

function input(
  list: DisplayList,
  edit: (edition: Edition) => void = () => undefined,
  extra: Partial<PreflightInput> = {},
): PreflightInput {
  const edition = editionFor(list, { assets: { a1: asset } });
  edition.stories.s1 = {
    id: 's1',
    name: 'Lead story',
    blocks: [{ type: 'body', children: [{ text: '智慧岛' }] }],
    thread: ['t1'],
  };
  edit(edition);
  return {
    edition,
    displayList: list,
    assets: { a1: goodFacts },
    missingFonts: [],
    target: 'press',
    ...extra,
  };
}

/** A page with one text frame (story s1) and one photo: 800 px over 2 in = 400 ppi, CMYK. */
function cleanList(): DisplayList {
  return displayList([
    displayPage(0, [
      textFrame('t1', 's1', { x: 50, y: 50, width: 200, height: 100 }, [run('智慧岛', 50, 70)]),
      photo(),
    ]),
  ]);
}

describe('preflight', () => {
  it('a clean page has no findings', () => {
    expect(runPreflight(input(cleanList()))).toEqual([]);
  });

  it('overset text: an error at the last frame of the thread, with the amount', () => {
    const list = cleanList();
    const frame = list.pages[0].items[0];
    if (frame.kind === 'text') frame.overset = true;
    list.stories.s1 = {
      storyId: 's1',
      charactersSet: 3,
      oversetCharacters: 120,
      oversetLines: 8,
      copyfitLines: -8,
      totalCharacters: 123,
    };
    const [finding] = runPreflight(input(list));
    expect(finding).toMatchObject({ severity: 'error', code: 'overset-text', pageNumber: 1, frameId: 't1' });
    expect(finding.message).toBe(
      "page 1, frame 'frame t1' (t1): story 'Lead story' is overset by 120 characters (8 lines)",
    );
  });

  it('missing glyph: names the character, its code point, the page and the frame', () => {
    const list = cleanList();
    list.missingGlyphs.push({ storyId: 's1', block: 0, offset: 1, codePoint: 0x20bb7, pageIndex: 0 });
    const [finding] = runPreflight(input(list));
    expect(finding).toMatchObject({ severity: 'error', code: 'missing-glyph', pageNumber: 1, frameId: 't1' });
    expect(finding.message).toContain('𠮷 (U+20BB7)');
  });

  it('missing font: names the face and the pages that use it', () => {
    const [finding] = runPreflight(input(cleanList(), undefined, { missingFonts: ['NotoSerifSC-400'] }));
    expect(finding).toMatchObject({ severity: 'error', code: 'missing-font', pageNumber: 1 });
    expect(finding.message).toContain(
      'Noto Serif SC 400 (NotoSerifSC_400Regular.ttf) is not installed; used on page 1',
    );
  });

  it('missing image: the placed asset has no bytes in the package', () => {
    const [finding] = runPreflight(
      input(cleanList(), undefined, { assets: { a1: { ...goodFacts, present: false, readable: false } } }),
    );
    expect(finding).toMatchObject({ severity: 'error', code: 'missing-image', frameId: 'pic' });
    expect(finding.message).toBe(
      "page 1, frame 'frame pic' (pic): image 'street.jpg' is missing from the edition",
    );
  });

  it('unreadable image: says why', () => {
    const facts = { ...goodFacts, readable: false, problem: 'premature end of JPEG image' };
    const [finding] = runPreflight(input(cleanList(), undefined, { assets: { a1: facts } }));
    expect(finding).toMatchObject({ severity: 'error', code: 'unreadable-image' });
    expect(finding.message).toContain("image 'street.jpg' cannot be read: premature end of JPEG image");
  });

  it('low resolution: an image blown up below 200 ppi is a warning with its effective ppi', () => {
    // 800 px across 5 in = 160 ppi; 533 px down 3⅓ in = 159.9 ppi, the lower axis counts.
    const list = displayList([
      displayPage(0, [
        photo({ width: 360, imageWidth: 360, imageHeight: 240, height: 240, y: 50, imageY: 50 }),
      ]),
    ]);
    const findings = runPreflight(input(list));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warning', code: 'low-resolution' });
    expect(findings[0].message).toContain('159 ppi as placed (below 200 ppi)');
  });

  it('RGB image: a warning for Press, nothing for Proof', () => {
    const rgb = { a1: { ...goodFacts, colorSpace: 'rgb' as const } };
    expect(runPreflight(input(cleanList(), undefined, { assets: rgb })).map((f) => f.code)).toEqual([
      'rgb-image',
    ]);
    expect(runPreflight(input(cleanList(), undefined, { assets: rgb, target: 'proof' }))).toEqual([]);
  });

  it('outside the bleed: cut off when it crosses the bleed, will not print when it is off the page', () => {
    const list = cleanList();
    list.pages[0].items.push(
      {
        kind: 'box',
        frameId: 'wide',
        fromMaster: false,
        x: -20,
        y: 10,
        width: 100,
        height: 20,
        fill: null,
        stroke: null,
      },
      {
        kind: 'box',
        frameId: 'gone',
        fromMaster: false,
        x: 500,
        y: 10,
        width: 30,
        height: 20,
        fill: null,
        stroke: null,
      },
    );
    const findings = runPreflight(input(list));
    expect(findings.map((f) => [f.code, f.frameId, f.message.split(': ')[1]])).toEqual([
      ['outside-bleed', 'wide', 'reaches beyond the bleed and will be cut off'],
      ['outside-bleed', 'gone', 'lies outside the page and will not print'],
    ]);
  });

  it('a box inside the bleed (a full-bleed band) is fine', () => {
    const list = cleanList();
    list.pages[0].items.push({
      kind: 'box',
      frameId: 'band',
      fromMaster: false,
      x: -9,
      y: -9,
      width: 438,
      height: 40,
      fill: null,
      stroke: null,
    });
    expect(runPreflight(input(list))).toEqual([]);
  });

  it('empty frames: a text frame no story reaches and an image frame with no image', () => {
    const list = cleanList();
    list.pages[0].items.push(
      textFrame('t2', 's1', { x: 260, y: 50, width: 100, height: 100 }, []),
      photo({ frameId: 'pic2', assetId: null, y: 420, imageY: 420 }),
    );
    const empty = list.pages[0].items[2];
    if (empty.kind === 'text') empty.storyId = null;
    const findings = runPreflight(input(list));
    expect(findings.map((f) => [f.severity, f.code, f.frameId])).toEqual([
      ['warning', 'empty-frame', 't2'],
      ['warning', 'empty-frame', 'pic2'],
    ]);
    expect(findings[0].message).toContain('no story flows into this frame');
  });

  it('errors come first and make hasErrors true; one line per finding', () => {
    const list = cleanList();
    list.missingGlyphs.push({ storyId: 's1', block: 0, offset: 1, codePoint: 0x20bb7, pageIndex: 0 });
    const findings = runPreflight(
      input(list, undefined, { assets: { a1: { ...goodFacts, colorSpace: 'rgb' } } }),
    );
    expect(findings.map((f) => f.severity)).toEqual(['error', 'warning']);
    expect(hasErrors(findings)).toBe(true);
    expect(formatFinding(findings[0])).toMatch(/^error: \[missing-glyph\] page 1, frame 'frame t1' \(t1\): /);
  });
});

import { describe, expect, it } from 'vitest';
import { cmykToRgbHex, resolveColor } from '../../../../shared/layout/colors';
import { composeEdition } from '../../../../shared/layout/compose-edition';
import type { DisplayImage, DisplayList, DisplayTextFrame } from '../../../../shared/layout/display-list';
import { characterGrid } from '../../../../shared/layout/flow/grid';
import { createBoxFrame, createRuleFrame } from '../../../../shared/model/factories';
import type { StoryBlock } from '../../../../shared/model/types';
import { createFixedComposer } from './fixed-composer';
import {
  addFrame,
  addStory,
  body,
  columnsFrame,
  createImageFrame,
  createTextFrame,
  han,
  testEdition,
} from './test-edition';

function textFrames(list: DisplayList, frameId: string): DisplayTextFrame[] {
  const out: DisplayTextFrame[] = [];
  for (const page of list.pages) {
    for (const item of page.items) if (item.kind === 'text' && item.frameId === frameId) out.push(item);
  }
  return out;
}

describe('master pages and fields', () => {
  it('paints master frames first and fills the folio line per page', () => {
    const edition = testEdition(2);
    const folio = createTextFrame('folio', { x: 0, y: 0, width: 400, height: 12 }, { alignToGrid: false });
    const rule = createRuleFrame('folio-rule', { x: 0, y: 14, width: 400, height: 0 });
    edition.masters = [{ ...edition.masters[0], frames: [folio, rule] }];
    edition.pages = edition.pages.map((p, i) => ({ ...p, section: i === 0 ? '要闻' : '社会' }));
    addFrame(edition, 0, createBoxFrame('box', { x: 10, y: 20, width: 30, height: 40 }));
    const line: StoryBlock = {
      type: 'folio',
      children: [
        { text: '', field: 'paperName' },
        { text: ' ' },
        { text: '', field: 'date' },
        { text: ' 第' },
        { text: '', field: 'pageNumber' },
        { text: '版 ' },
        { text: '', field: 'section' },
      ],
    };
    addStory(edition, 'folio-story', [line], ['folio']);
    const list = composeEdition(edition, createFixedComposer());
    expect(list.pages[0].items.map((i) => [i.frameId, i.fromMaster])).toEqual([
      ['folio', true],
      ['folio-rule', true],
      ['box', false],
    ]);
    const [page1, page2] = textFrames(list, 'folio');
    expect(page1.lines.map((l) => l.text).join('')).toBe('周口晚报 2022年12月23日 星期五 第1版 要闻');
    expect(page2.lines.map((l) => l.text).join('')).toBe('周口晚报 2022年12月23日 星期五 第2版 社会');
    // A field maps back to where its leaf sits in the block.
    expect(page1.lines[0].block).toBe(0);
    expect(list.pages[1].items[0]).not.toBe(list.pages[0].items[0]);
  });
});

describe('boxes, rules, images and colours', () => {
  it('converts swatches to screen colours, keeping CMYK for print', () => {
    const edition = testEdition();
    const black = resolveColor(edition.styles.swatches, { swatchId: 'black', tint: 100 });
    expect(black).toEqual({ cmyk: [0, 0, 0, 100], spot: null, tint: 100, rgb: '#231f20' });
    expect(resolveColor(edition.styles.swatches, { swatchId: 'paper', tint: 100 }).rgb).toBe('#ffffff');
    expect(resolveColor(edition.styles.swatches, { swatchId: 'news-red', tint: 100 }).rgb).toBe('#ff0000');
    expect(cmykToRgbHex([0, 0, 0, 50])).toBe(cmykToRgbHex([0, 0, 0, 50]));
    // A tint lightens: 50 % black is between paper and full black.
    const half = parseInt(
      resolveColor(edition.styles.swatches, { swatchId: 'black', tint: 50 }).rgb.slice(1, 3),
      16,
    );
    expect(half).toBeGreaterThan(0x23);
    expect(half).toBeLessThan(0xff);
  });

  it('places an image by its stored content placement, or stretches it for a non-proportional fit', () => {
    const edition = testEdition();
    edition.assets = {
      a1: {
        id: 'a1',
        name: 'p.jpg',
        path: 'assets/p.jpg',
        mime: 'image/jpeg',
        widthPx: 400,
        heightPx: 300,
        colorSpace: 'rgb',
        byteLength: 1,
      },
    };
    addFrame(
      edition,
      0,
      createImageFrame(
        'img',
        { x: 100, y: 50, width: 200, height: 100 },
        { assetId: 'a1', content: { x: -10, y: -25, scale: 0.5 } },
      ),
    );
    addFrame(
      edition,
      0,
      createImageFrame('stretched', { x: 0, y: 0, width: 20, height: 10 }, { assetId: 'a1', fit: 'fill' }),
    );
    addFrame(edition, 0, createImageFrame('empty', { x: 5, y: 6, width: 7, height: 8 }));
    const items = composeEdition(edition, createFixedComposer()).pages[0].items as DisplayImage[];
    expect(items.map((i) => [i.frameId, i.imageX, i.imageY, i.imageWidth, i.imageHeight, i.assetId])).toEqual(
      [
        ['img', 90, 25, 200, 150, 'a1'],
        ['stretched', 0, 0, 20, 10, 'a1'],
        ['empty', 5, 6, 7, 8, null],
      ],
    );
  });
});

describe('character grid (背景格)', () => {
  it('counts whole characters per line and lines per column', () => {
    const frame = columnsFrame('a', 0, 0, 1, { height: 100 });
    // Columns 50 pt: 5 characters of 10 pt; 100 pt high: 10 + 6 × 15 = 100 → 7 lines.
    const grid = characterGrid(frame, { fontSize: 10, leading: 15, tracking: 0 });
    expect([grid.charactersPerLine, grid.linesPerColumn, grid.columns, grid.capacity]).toEqual([5, 7, 2, 70]);
    // Tracking of 100/1000 em: 4 characters take 4 × 10 + 3 × 1 = 43 pt; 5 would need 54.
    expect(characterGrid(frame, { fontSize: 10, leading: 15, tracking: 100 }).charactersPerLine).toBe(4);
  });

  it('matches how many characters the flow actually sets in a frame', () => {
    const edition = testEdition();
    const frame = columnsFrame('a', 0, 0, 1, { height: 100 });
    addFrame(edition, 0, frame);
    addStory(edition, 's', [body(han(200))], ['a']);
    const list = composeEdition(edition, createFixedComposer());
    const grid = characterGrid(frame, { fontSize: 10, leading: 15, tracking: 0 });
    expect(list.stories.s.charactersSet).toBe(grid.capacity);
  });
});

describe('missing glyphs and determinism', () => {
  it('reports every character no font has, with its page, or null when overset', () => {
    const edition = testEdition(2);
    addFrame(edition, 0, columnsFrame('a', 0, 0, 1, { columns: 1, width: 50 }));
    addFrame(edition, 1, columnsFrame('b', 0, 0, 1, { columns: 1, width: 50 }));
    // Line 1 on page 1, line 2 on page 2, the rest overset; 𠮷 is two UTF-16 units.
    addStory(edition, 's', [body('一𠮷三四五'), body('六七八九𠮷'), body('𠮷')], ['a', 'b']);
    const list = composeEdition(edition, createFixedComposer());
    expect(list.missingGlyphs).toEqual([
      { storyId: 's', block: 0, offset: 1, codePoint: 0x20bb7, pageIndex: 0 },
      { storyId: 's', block: 1, offset: 4, codePoint: 0x20bb7, pageIndex: 1 },
      { storyId: 's', block: 2, offset: 0, codePoint: 0x20bb7, pageIndex: null },
    ]);
  });

  it('gives the same display list for the same edition', () => {
    const build = () => {
      const edition = testEdition(2);
      addFrame(edition, 0, columnsFrame('a', 0, 0, 4));
      addFrame(edition, 1, columnsFrame('b', 0, 0, 4));
      addStory(edition, 's', [body(han(30)), body(han(40, 40))], ['a', 'b']);
      return edition;
    };
    const a = composeEdition(build(), createFixedComposer());
    const b = composeEdition(build(), createFixedComposer());
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.pages.flatMap((p) => p.items).length).toBe(2);
  });
});

import { describe, expect, it } from 'vitest';
import { createNodeComposer, loadNodeFonts } from '../../../../main/fonts';
import { FontRegistry, matchWeight } from '../../../../shared/layout/text';
import { paragraph, set } from './helpers';

describe('font registry', () => {
  it('matches weights as CSS does', () => {
    const serif = [200, 300, 400, 500, 600, 700, 800, 900];
    expect(matchWeight(400, serif)).toBe(400);
    expect(matchWeight(100, serif)).toBe(200); // nothing lighter: the nearest heavier
    expect(matchWeight(450, [300, 400, 600])).toBe(400); // 400–500: up to 500, then down
    expect(matchWeight(650, [300, 500, 700])).toBe(700); // above 500: heavier first
    expect(matchWeight(350, [300, 400])).toBe(300); // below 400: lighter first
  });

  it('resolves families, aliases and weights to bundled faces with stable keys', async () => {
    const { fonts } = await loadNodeFonts();
    expect(fonts.match('Noto Serif SC', 400, false).key).toBe('NotoSerifSC-400');
    expect(fonts.match('黑体', 700, false).key).toBe('NotoSansSC-700');
    expect(fonts.match('sans-serif', 100, false).key).toBe('NotoSansSC-100');
    expect(fonts.match('Noto Serif SC', 100, true).key).toBe('NotoSerifSC-200');
    const face = fonts.resolve('Noto Serif SC', 400, false);
    expect(face.unitsPerEm).toBe(1000);
    expect(face.ascent).toBeGreaterThan(1);
    expect(fonts.faceRef('NotoSerifSC-400')).toEqual({
      key: 'NotoSerifSC-400',
      family: 'Noto Serif SC',
      weight: 400,
      italic: false,
      file: 'NotoSerifSC_400Regular.ttf',
      unitsPerEm: 1000,
    });
  });

  it('loads only the faces that are used', async () => {
    const requested: string[] = [];
    const fonts = new FontRegistry({
      loader: (file) => {
        requested.push(file);
        return null;
      },
    });
    expect(() => fonts.resolve('Noto Sans SC', 900, false)).toThrow(
      /NotoSansSC_900Black\.ttf.*not been loaded/,
    );
    expect(requested).toEqual(['NotoSansSC_900Black.ttf']);
  });

  it('rejects bytes that are not a font with an error naming the file', () => {
    const fonts = new FontRegistry({ bundled: false });
    fonts.register('broken.ttf', new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]), {
      family: 'Broken',
      weight: 400,
      italic: false,
    });
    expect(() => fonts.resolve('Broken', 400, false)).toThrow(/broken\.ttf: not a TrueType/);
  });
});

describe('missing glyphs and fallback', () => {
  it('reports 𠮷 (U+20BB7), which no bundled font has, with its offset — and keeps the character', async () => {
    const text = '吉祥的𠮷字';
    const result = await set(text, { style: { align: 'left' } });
    expect(result.missing).toEqual([{ offset: 3, codePoint: 0x20bb7 }]);
    expect(result.texts.join('')).toBe(text);
    const run = result.lines[0].runs[0];
    expect(run.clusters).toEqual([0, 1, 2, 3, 5]);
  });

  it('draws a character the serif lacks from Noto Sans SC (fallback chain)', async () => {
    const text = '竹字头𥫗';
    const result = await set(text, { style: { align: 'left' } });
    expect(result.missing).toEqual([]);
    expect(result.lines[0].runs.map((r) => r.fontKey)).toEqual(['NotoSerifSC-400', 'NotoSansSC-400']);
    expect(result.lines[0].runs[1].text).toBe('𥫗');
  });

  it('reports missing characters of overset text through findMissing()', async () => {
    const composer = await createNodeComposer();
    const input = paragraph('一二三四五六七八九十𠮷');
    const composed = composer.compose(input, (i) => (i === 0 ? { x: 0, width: 100 } : null));
    expect(composed.end).toBe(10);
    expect(composed.missing).toEqual([]);
    expect(composer.findMissing(input, composed.end)).toEqual([{ offset: 10, codePoint: 0x20bb7 }]);
  });
});

describe('determinism and caching', () => {
  it('gives the same lines for the same input, across composers', async () => {
    const text =
      '智慧岛核心区已建成,签约入驻企业359家,“四上”企业入库数量完成年度目标的177%……12月20日,记者获悉。';
    const a = (await createNodeComposer()).compose(paragraph(text), () => ({ x: 0, width: 120 }));
    const b = (await createNodeComposer()).compose(paragraph(text), () => ({ x: 0, width: 120 }));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('re-breaks a paragraph at another measure without shaping it again', async () => {
    const composer = await createNodeComposer();
    const input = paragraph('一二三四五六七八九十一二三四五六七八九十');
    composer.compose(input, () => ({ x: 0, width: 100 }));
    const before = composer.cacheStats();
    const narrow = composer.compose(input, () => ({ x: 0, width: 50 }));
    const after = composer.cacheStats();
    expect(narrow.lines).toHaveLength(4);
    expect(after.misses).toBe(before.misses);
    expect(after.hits).toBe(before.hits + 1);
  });
});

describe('Chinese forms of shared marks (language ZHS)', () => {
  it('sets —— and …… as 2-em units and curly quotes full width in Chinese text', async () => {
    const composer = await createNodeComposer();
    const widths = (text: string, language: 'zh-Hans' | 'en') =>
      composer
        .measureClusters(paragraph(text, { language }))
        .map((c) => [text.slice(c.start, c.end), Math.round(c.width * 100) / 100] as const);
    expect(widths('中——文……“字”', 'zh-Hans')).toEqual([
      ['中', 10],
      ['——', 20],
      ['文', 10],
      ['…', 10],
      ['…', 10],
      ['“', 10],
      ['字', 10],
      ['”', 10],
    ]);
    // English text keeps the proportional Latin forms.
    const english = widths('a——b……', 'en');
    expect(english[1][1]).toBeLessThan(20);
    expect(english[3][1]).toBeLessThan(10);
  });
});

describe('reusing a composition', () => {
  it('returns the same lines when the same slots ask again, and recomposes when a slot changes', async () => {
    const composer = await createNodeComposer();
    const input = paragraph('一二三四五六七八九十'.repeat(3) + '一');
    const first = composer.compose(input, () => ({ x: 0, width: 100 }));
    expect(composer.compose(input, () => ({ x: 0, width: 100 }))).toBe(first);
    const wider = composer.compose(input, (i) => ({ x: 0, width: i === 2 ? 120 : 100 }));
    expect(wider).not.toBe(first);
    const fewer = composer.compose(input, (i) => (i < 2 ? { x: 0, width: 100 } : null));
    expect(fewer.lines).toHaveLength(2);
    expect(fewer.end).toBe(20);
    const moved = composer.compose(input, () => ({ x: 7, width: 100 }));
    expect(moved.lines[0].x).toBe(7);
    expect(moved.lines[0].runs[0].x[0]).toBeCloseTo(7, 6);
  });
});

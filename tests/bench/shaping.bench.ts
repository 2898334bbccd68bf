/**
 * Shaping and paragraph composition.
 *
 * 1. HarfBuzz (Folio's binding to harfbuzzjs' WASM) against fontkit, both
 *    shaping the sample page's paragraphs split into runs by script with
 *    language ZHS, kerning and ligatures off; and against harfbuzzjs' own
 *    JS wrapper. Also how often fontkit's advances agree with HarfBuzz's.
 * 2. Paragraph composition: cold (shape + break), re-breaking at another
 *    measure (cached shaping), and one typed character in a lead paragraph.
 */
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { bundledFontPath, createNodeComposer, loadNodeFonts } from '../../main/fonts';
import { createParagraphComposer } from '../../shared/layout/text';
import type { ParagraphInput } from '../../shared/layout/paragraph-types';
import { paragraph } from '../unit/layout/text/helpers';
import { stats, type Bench, type BenchResult } from './bench';
import { medianMs } from './timing';

const SAMPLE = new URL('../fixtures/import/sample-page.txt', import.meta.url);
const FONT_FILE = 'NotoSerifSC_400Regular.ttf';

function sampleParagraphs(): string[] {
  return readFileSync(SAMPLE, 'utf8')
    .split(/\n+/)
    .map((p) => p.replace(/^#+\s*/, '').trim())
    .filter((p) => p.length > 0);
}

/** Runs by script, as both shapers get them: [text, 'Hani' | 'Latn']. */
function runsByScript(text: string): [string, 'Hani' | 'Latn'][] {
  const runs: [string, 'Hani' | 'Latn'][] = [];
  for (const match of text.matchAll(/[A-Za-z0-9 .,:;%/()$-]+|[^A-Za-z0-9 .,:;%/()$-]+/g)) {
    const part = match[0];
    runs.push([part, /[A-Za-z0-9]/.test(part) && !/[\u3000-\u9fff]/.test(part) ? 'Latn' : 'Hani']);
  }
  return runs;
}

/**
 * Milliseconds of this process's CPU time: the build machine is shared and
 * often loaded, and CPU time of single-threaded work is far steadier than
 * wall time there.
 */
function cpuMs(): number {
  return process.cpuUsage().user / 1000;
}

const time = (fn: () => void, rounds: number) => medianMs(fn, rounds, cpuMs);

/** The sample page's body: 10.5 pt (五号) Noto Serif SC on a 15 pt grid, two-character indent. */
function input(text: string): ParagraphInput {
  return paragraph(text, { fontSize: 10.5, sizeUnit: 'hao', firstLineIndent: 21, alignToGrid: true });
}

export const bench: Bench = {
  title: 'Shaping (HarfBuzz WASM vs fontkit) and paragraph composition',
  async run(): Promise<BenchResult[]> {
    const results: BenchResult[] = [];
    const paragraphs = sampleParagraphs();
    const runs = paragraphs.flatMap(runsByScript);
    const characters = paragraphs.reduce((n, p) => n + p.length, 0);

    // --- shapers
    const { fonts, shaper } = await loadNodeFonts();
    const face = fonts.resolve('Noto Serif SC', 400, false);
    const kit = fontkit.create(readFileSync(bundledFontPath(FONT_FILE))) as fontkit.Font;
    const kitFeatures = { kern: false, liga: false, clig: false, calt: false, dlig: false };
    const hbjs = await import('harfbuzzjs');
    const hbFont = new hbjs.Font(new hbjs.Face(new hbjs.Blob(readFileSync(bundledFontPath(FONT_FILE)))));
    const hbFeatures = ['kern', 'liga', 'clig', 'calt', 'dlig'].map((tag) => new hbjs.Feature(tag, 0));

    const shapeFolio = () => {
      for (const [text, script] of runs) shaper.shape(face, text, 0, text.length, script, 'zh-Hans');
    };
    const shapeFontkit = () => {
      for (const [text, script] of runs) kit.layout(text, kitFeatures, script.toLowerCase(), 'ZHS ');
    };
    const shapeHarfbuzzjs = () => {
      for (const [text, script] of runs) {
        const buffer = new hbjs.Buffer();
        buffer.addText(text);
        buffer.setDirection(hbjs.Direction.LTR);
        buffer.setScript(script);
        buffer.setLanguage('zh-Hans');
        hbjs.shape(hbFont, buffer, hbFeatures);
        buffer.getGlyphInfosAndPositions();
      }
    };
    for (let i = 0; i < 3; i++) {
      shapeFolio();
      shapeFontkit();
      shapeHarfbuzzjs();
    }
    const folioMs = time(shapeFolio, 15);
    const fontkitMs = time(shapeFontkit, 15);
    const hbjsMs = time(shapeHarfbuzzjs, 15);
    results.push({
      name: `HarfBuzz WASM (Folio binding), sample page ${characters} chars in ${runs.length} runs`,
      value: folioMs,
      unit: 'ms',
      baseline: { name: 'fontkit, runs split by script, ZHS', value: fontkitMs },
      goal: 'faster than fontkit',
      met: folioMs < fontkitMs,
    });
    results.push({
      name: 'HarfBuzz WASM (Folio binding)',
      value: folioMs,
      unit: 'ms',
      baseline: { name: "harfbuzzjs' JS wrapper", value: hbjsMs },
    });

    // Agreement: runs whose advances fontkit and HarfBuzz give identically.
    let agree = 0;
    for (const [text, script] of runs) {
      const hb = shaper.shape(face, text, 0, text.length, script, 'zh-Hans');
      const fk = kit.layout(text, kitFeatures, script.toLowerCase(), 'ZHS ');
      const same =
        hb.glyphs.length === fk.glyphs.length &&
        fk.positions.every((p, i) => p.xAdvance === hb.advances[i] && fk.glyphs[i].id === hb.glyphs[i]);
      if (same) agree++;
    }
    results.push({
      name: 'runs where fontkit matches HarfBuzz glyph for glyph',
      value: (100 * agree) / runs.length,
      unit: '%',
    });

    // --- composition
    const measures = [150];
    const inputs = paragraphs.map(input);
    const composeCold = () => {
      // A new composer: nothing cached (fonts and the WASM instance stay loaded).
      const composer = createParagraphComposer({ fonts, shaper });
      for (const p of inputs) composer.compose(p, () => ({ x: 0, width: measures[0] }));
    };
    time(composeCold, 10); // let the JIT settle
    const coldMs = time(composeCold, 15);
    const warm = await createNodeComposer();
    for (const p of inputs) warm.compose(p, () => ({ x: 0, width: measures[0] }));
    // Every round a measure not used before, so no earlier composition can be reused.
    let m = 0;
    const rebreak = () => {
      const width = measures[0] + 0.25 * ++m;
      for (const p of inputs) warm.compose(p, () => ({ x: 0, width }));
    };
    time(rebreak, 10);
    const rebreakMs = time(rebreak, 21);
    results.push({
      name: `re-break the sample page at another measure (shaping cached, ${paragraphs.length} paragraphs)`,
      value: rebreakMs,
      unit: 'ms',
      baseline: { name: 'compose from scratch (shape + break)', value: coldMs },
    });

    // One typed character in the middle of the longest paragraph (the lead story's body).
    const lead = paragraphs.reduce((a, b) => (b.length > a.length ? b : a));
    const middle = lead.length >> 1;
    const typed: number[] = [];
    for (let i = 0; i < 120; i++) {
      const text = lead.slice(0, middle) + String.fromCharCode(0x4e00 + i) + lead.slice(middle);
      const t = cpuMs();
      warm.compose(input(text), () => ({ x: 0, width: 180 }));
      if (i >= 20) typed.push(cpuMs() - t); // the first ones warm the JIT
    }
    results.push({
      name: `one typed character in a ${lead.length}-char paragraph: reshape + re-break`,
      value: stats(typed).median,
      unit: 'ms',
      goal: '≤ 1 ms median',
      met: stats(typed).median <= 1,
    });
    return results;
  },
};

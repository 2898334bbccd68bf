/**
 * Composition benchmarks (issue 3), each against a baseline measured in the
 * same run:
 *  (a) the sample edition composed from scratch vs Chromium laying out the
 *      same stories in CSS columns of the same sizes and fonts;
 *  (b) one typed character in the middle of the lead story: incremental
 *      recompose vs a full compose;
 *  (c) a synthetic 24-page edition (~150 stories, built here): full compose,
 *      again against Chromium laying out the same stories.
 *
 * Chromium side: every story is a CSS multi-column box (column count, gap,
 * width, height of its first frame; headlines `column-span: all`; the run-in
 * lead-in as a bold span), fonts through @font-face from a local server —
 * the same TTF files the composer measures. Layout time is measured in the
 * page with forced reflows: every box's width changes by ½ pt, then
 * `offsetHeight` is read, averaged over many runs. Chromium keeps its shaping
 * results between reflows, so the comparable Folio figure composes the whole
 * edition from scratch (new Composition: every line broken, every glyph
 * placed) with the composer's shaping cache warm. The cold figures (new
 * composer, fonts loaded; Chromium: a fresh DOM) are printed too.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { bundledFontPath, createNodeComposer } from '../../main/fonts';
import { Composition, composeEdition } from '../../shared/layout/compose-edition';
import type { DisplayList } from '../../shared/layout/display-list';
import type { ParagraphComposer } from '../../shared/layout/paragraph-types';
import { createEmptyEdition } from '../../shared/model/defaults';
import { createBlock, createImageFrame, createStory, createTextFrame } from '../../shared/model/factories';
import { sequentialIds } from '../../shared/model/ids';
import {
  lengthInPt,
  resolveCharacterStyle,
  resolveParagraphStyle,
  spaceAfter,
  spaceBefore,
} from '../../shared/model/styles';
import type { Edition, Frame, StoryBlock, TextFrame } from '../../shared/model/types';
import { buildSampleEdition } from '../../shared/sample';
import { launchChromium } from '../support/chromium';
import { listenOnLoopback } from '../support/loopback';
import { stats, type Bench, type BenchResult } from './bench';
import { medianMs } from './timing';

const SEED = new URL('../fixtures/import/sample-page.txt', import.meta.url);

/** The built-in sample edition (shared/sample): the seed page placed as a front page. */
function sampleEdition(): Edition {
  return buildSampleEdition().edition;
}

// ---------------------------------------------------------------- synthetic edition

function seedParagraphs(): string[] {
  return readFileSync(SEED, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && !l.startsWith('#'));
}

/**
 * `pages` broadsheet pages, each with a lead story (6 columns) and five to
 * six shorter stories (2 and 3 columns) around a wrapped photo: about 6.5
 * stories a page. Texts are taken from the seed page, shifted per story so
 * no two stories share a paragraph (no shaping is shared between them).
 */
export function syntheticEdition(pages: number): Edition {
  const edition = createEmptyEdition({ ids: sequentialIds(), pageCount: pages });
  const source = seedParagraphs();
  const page0 = edition.pages[0];
  const { margins } = page0;
  const column = 9 * 13;
  const gutter = 9;
  const left = margins.left;
  const top = margins.top + 40;
  const height = page0.size.height - top - margins.bottom;
  let storyIndex = 0;
  const text = (n: number) => {
    const p = source[(storyIndex * 3 + n) % source.length];
    // Distinct per story: a different cut of the paragraph and the story's number.
    const cut = (storyIndex * 7 + n * 13) % Math.max(1, p.length - 40);
    return `${p.slice(cut)}${p.slice(0, cut)}（${storyIndex + 1}）`;
  };
  const stories: Edition['stories'] = {};
  edition.pages = edition.pages.map((page, pageIndex) => {
    const frames: Frame[] = [];
    const modules: { x: number; y: number; columns: number; h: number }[] = [
      { x: 0, y: 0, columns: 6, h: height * 0.45 },
      { x: 6, y: 0, columns: 2, h: height * 0.45 },
      { x: 0, y: height * 0.45 + 9, columns: 3, h: height * 0.3 },
      { x: 3, y: height * 0.45 + 9, columns: 3, h: height * 0.3 },
      { x: 6, y: height * 0.45 + 9, columns: 2, h: height * 0.3 },
      { x: 0, y: height * 0.75 + 18, columns: 4, h: height * 0.25 - 18 },
      { x: 4, y: height * 0.75 + 18, columns: 4, h: height * 0.25 - 18 },
    ];
    const count = pageIndex % 2 === 0 ? 7 : 6;
    modules.slice(0, count).forEach((m, i) => {
      const id = `p${pageIndex}-f${i}`;
      const frame: TextFrame = createTextFrame(
        id,
        {
          x: left + m.x * (column + gutter),
          y: top + m.y,
          width: m.columns * column + (m.columns - 1) * gutter,
          height: m.h,
        },
        { columns: m.columns, gutter },
      );
      frames.push(frame);
      const blocks: StoryBlock[] = [
        createBlock('headline', text(0).slice(0, m.columns * 3)),
        createBlock('lead-in', '本报讯（记者 王明杰）'),
        ...Array.from({ length: m.columns + 2 }, (_, k) => createBlock('body', text(k + 1))),
      ];
      stories[`s${storyIndex}`] = createStory(`s${storyIndex}`, `story ${storyIndex}`, blocks, [id]);
      storyIndex++;
    });
    // A wrapped photo in the lead story's frame.
    frames.push(
      createImageFrame(
        `p${pageIndex}-photo`,
        { x: left + 2 * (column + gutter), y: top + 120, width: 2 * column + gutter, height: 160 },
        {
          wrap: { mode: 'box', offsets: { top: 6, right: 6, bottom: 6, left: 6 } },
        },
      ),
    );
    return { ...page, frames };
  });
  edition.stories = stories;
  return edition;
}

// ---------------------------------------------------------------- Chromium

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Every story as a CSS multi-column box of its first frame's size, with the same fonts and sizes. */
function storiesHtml(edition: Edition, list: DisplayList, base: string): string {
  const faces = Object.values(list.fonts)
    .map(
      (f) =>
        `@font-face{font-family:"${f.family}";font-weight:${f.weight};font-style:${f.italic ? 'italic' : 'normal'};src:url(${base}/fonts/${encodeURIComponent(f.file)}) format("truetype")}`,
    )
    .join('\n');
  const frames = new Map<string, TextFrame>();
  for (const page of edition.pages) for (const f of page.frames) if (f.kind === 'text') frames.set(f.id, f);
  for (const master of edition.masters)
    for (const f of master.frames) if (f.kind === 'text') frames.set(f.id, f);
  const boxes: string[] = [];
  for (const story of Object.values(edition.stories)) {
    const frame = frames.get(story.thread[0] ?? '');
    if (!frame) continue;
    const parts: string[] = [];
    let runIn = '';
    for (const block of story.blocks) {
      const p = resolveParagraphStyle(edition.styles, block);
      const spans = block.children
        .map((leaf) => {
          const c = resolveCharacterStyle(edition.styles, p, leaf);
          return `<span style="font-family:'${c.fontFamily}';font-weight:${c.fontWeight};font-size:${c.fontSize}pt">${escapeHtml(leaf.text)}</span>`;
        })
        .join('');
      if (p.runIn) {
        runIn += spans;
        continue;
      }
      const span =
        p.spanColumns === 'all' || (typeof p.spanColumns === 'number' && p.spanColumns > 1)
          ? 'column-span:all;'
          : '';
      parts.push(
        `<p style="${span}margin:${spaceBefore(p)}pt 0 ${spaceAfter(p)}pt 0;font-family:'${p.fontFamily}';font-weight:${p.fontWeight};font-size:${p.fontSize}pt;line-height:${p.leading}pt;text-indent:${lengthInPt(p.firstLineIndent, p.fontSize)}pt;text-align:${p.align};text-align-last:${p.lastLineAlign}">${runIn}${spans}</p>`,
      );
      runIn = '';
    }
    const height = story.thread.reduce((h, id) => h + (frames.get(id)?.height ?? 0), 0);
    boxes.push(
      `<div class="story" data-w="${frame.width}" style="left:${frame.x}pt;top:${frame.y}pt;width:${frame.width}pt;height:${height}pt;column-count:${frame.columns};column-gap:${frame.gutter}pt">${parts.join('')}</div>`,
    );
  }
  return `<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><style>${faces}
body{margin:0;position:relative}
.story{position:absolute;column-fill:auto;overflow:hidden;text-spacing-trim:space-all;font-kerning:none;line-break:strict}
p{margin:0}
</style></head><body>${boxes.join('\n')}</body></html>`;
}

function serveFonts(): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/fonts/')) {
      try {
        const bytes = readFileSync(bundledFontPath(decodeURIComponent(url.pathname.slice(7))));
        res.writeHead(200, { 'content-type': 'font/ttf', 'cache-control': 'max-age=3600' }).end(bytes);
      } catch {
        res.writeHead(404).end();
      }
    } else res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>blank</title>');
  });
  return listenOnLoopback(server).then((base) => ({ server, base }));
}

/** Runs in the page: forced relayouts after ½ pt width changes, then fresh DOMs; mean ms of each. */
const IN_PAGE_TIMING = `function (n) {
  const boxes = Array.from(document.querySelectorAll('.story'));
  function relayout() {
    for (let r = 0; r < n; r++) {
      const d = r % 2 === 0 ? 0.5 : 0;
      for (const box of boxes) box.style.width = (Number(box.dataset.w) + d) + 'pt';
      void document.body.offsetHeight;
    }
  }
  relayout();
  let start = performance.now();
  relayout();
  const relayoutMs = (performance.now() - start) / n;
  const markup = document.body.innerHTML;
  function fresh() {
    document.body.innerHTML = markup;
    void document.body.offsetHeight;
  }
  fresh();
  const freshRuns = Math.max(3, Math.floor(n / 4));
  start = performance.now();
  for (let r = 0; r < freshRuns; r++) fresh();
  return { relayout: relayoutMs, fresh: (performance.now() - start) / freshRuns };
}`;

interface ChromiumTimes {
  /** Mean time of one forced relayout of all stories after a ½ pt width change. */
  relayout: number;
  /** Mean time of a fresh DOM of all stories laid out (fonts already loaded). */
  fresh: number;
}

async function timeChromium(
  browser: Browser,
  base: string,
  html: string,
  runs: number,
): Promise<ChromiumTimes> {
  const page = await browser.newPage();
  try {
    await page.goto(`${base}/blank`);
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(
      `(async () => { await document.fonts.ready; await Promise.all(Array.from(document.fonts).map((f) => f.load().catch(() => undefined))); })()`,
    );
    // Passed as source text: tsx's helpers (e.g. __name) do not exist in the page.
    return (await page.evaluate(`(${IN_PAGE_TIMING})(${runs})`)) as ChromiumTimes;
  } finally {
    await page.close();
  }
}

// ---------------------------------------------------------------- Folio

function timeCompose(edition: Edition, composer: ParagraphComposer, runs: number): number {
  composeEdition(edition, composer); // warm: code and shaping cache
  return medianMs(() => composeEdition(edition, composer), runs);
}

async function timeColdCompose(edition: Edition, runs: number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    // A new composer: fonts loaded (shared registry), but nothing shaped yet.
    const { createParagraphComposer } = await import('../../shared/layout/text');
    const { loadNodeFonts } = await import('../../main/fonts');
    const { fonts, shaper } = await loadNodeFonts();
    const composer = createParagraphComposer({ fonts, shaper });
    const start = performance.now();
    composeEdition(edition, composer);
    samples.push(performance.now() - start);
  }
  return stats(samples).median;
}

/** The story with the most characters and the block holding its middle character. */
function leadStoryMiddle(edition: Edition): { storyId: string; block: number; offset: number } {
  let best = { storyId: '', length: -1 };
  for (const story of Object.values(edition.stories)) {
    const length = story.blocks.reduce((n, b) => n + b.children.reduce((m, c) => m + c.text.length, 0), 0);
    if (length > best.length) best = { storyId: story.id, length };
  }
  const story = edition.stories[best.storyId];
  let remaining = best.length / 2;
  for (let b = 0; b < story.blocks.length; b++) {
    const length = story.blocks[b].children.reduce((m, c) => m + c.text.length, 0);
    if (remaining < length) return { storyId: story.id, block: b, offset: Math.floor(remaining) };
    remaining -= length;
  }
  return { storyId: story.id, block: story.blocks.length - 1, offset: 0 };
}

function typeCharacter(
  edition: Edition,
  at: { storyId: string; block: number; offset: number },
  char: string,
  remove = 0,
): Edition {
  const story = edition.stories[at.storyId];
  const blocks = story.blocks.map((block, i) => {
    if (i !== at.block) return block;
    const text = block.children.map((c) => c.text).join('');
    return {
      ...block,
      children: [
        { ...block.children[0], text: text.slice(0, at.offset) + char + text.slice(at.offset + remove) },
      ],
    };
  });
  return { ...edition, stories: { ...edition.stories, [at.storyId]: { ...story, blocks } } };
}

function timeTyping(edition: Edition, composer: ParagraphComposer, runs: number): number {
  const composition = new Composition(composer);
  composition.compose(edition);
  const at = leadStoryMiddle(edition);
  let current = edition;
  const samples: number[] = [];
  const chars =
    '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经';
  const warmup = 40; // the first keystrokes also warm the JIT up for this path
  for (let i = 0; i < runs + warmup; i++) {
    // Type a character, then the next keystroke types after it.
    current = typeCharacter(current, { ...at, offset: at.offset + i }, chars[i % chars.length]);
    const start = performance.now();
    composition.update(current, { storyId: at.storyId, block: at.block });
    if (i >= warmup) samples.push(performance.now() - start);
  }
  return stats(samples).median;
}

export const bench: Bench = {
  title: 'Composition: Folio engine vs Chromium CSS columns; incremental recompose',
  async run() {
    const results: BenchResult[] = [];
    const composer = await createNodeComposer();
    const sample = sampleEdition();
    const synthetic = syntheticEdition(24);
    const sampleList = composeEdition(sample, composer);
    const syntheticList = composeEdition(synthetic, composer);
    const chars = (list: DisplayList) =>
      Object.values(list.stories).reduce((n, s) => n + s.totalCharacters, 0);
    console.log(
      `  sample: ${Object.keys(sample.stories).length} stories, ${chars(sampleList)} characters; synthetic: ${synthetic.pages.length} pages, ${Object.keys(synthetic.stories).length} stories, ${chars(syntheticList)} characters`,
    );

    const { server, base } = await serveFonts();
    const browser = await launchChromium();
    try {
      // (a) the sample edition
      const chromeSample = await timeChromium(browser, base, storiesHtml(sample, sampleList, base), 40);
      const folioSample = timeCompose(sample, composer, 40);
      results.push({
        name: '(a) sample edition, compose from scratch (shaping cached) vs Chromium relayout',
        value: folioSample,
        unit: 'ms',
        baseline: { name: 'Chromium CSS columns relayout', value: chromeSample.relayout },
        goal: '≥ 5× faster',
        met: chromeSample.relayout / folioSample >= 5,
      });
      const coldSample = await timeColdCompose(sample, 3);
      results.push({
        name: '(a) sample edition, cold compose (new composer, fonts loaded) vs Chromium fresh DOM',
        value: coldSample,
        unit: 'ms',
        baseline: { name: 'Chromium fresh DOM + layout', value: chromeSample.fresh },
        goal: '≥ 1× (no slower than Chromium)',
        met: chromeSample.fresh / coldSample >= 1,
      });

      // (b) typing in the lead story
      const typing = timeTyping(sample, composer, 100);
      results.push({
        name: '(b) one typed character mid lead story: incremental recompose (median)',
        value: typing,
        unit: 'ms',
        baseline: { name: 'full compose', value: folioSample },
        goal: '≤ 1 ms median',
        met: typing <= 1,
      });

      // (c) 24 pages
      const chromeSynthetic = await timeChromium(
        browser,
        base,
        storiesHtml(synthetic, syntheticList, base),
        8,
      );
      const coldSynthetic = await timeColdCompose(synthetic, 3);
      results.push({
        name: `(c) synthetic ${synthetic.pages.length} pages / ${Object.keys(synthetic.stories).length} stories, cold full compose vs Chromium fresh DOM`,
        value: coldSynthetic,
        unit: 'ms',
        baseline: { name: 'Chromium fresh DOM + layout', value: chromeSynthetic.fresh },
        goal: '≤ 100 ms',
        met: coldSynthetic <= 100,
      });
      const warmSynthetic = timeCompose(synthetic, composer, 8);
      results.push({
        name: '(c) synthetic edition, compose from scratch (shaping cached) vs Chromium relayout',
        value: warmSynthetic,
        unit: 'ms',
        baseline: { name: 'Chromium CSS columns relayout', value: chromeSynthetic.relayout },
        goal: '≤ 300 ms',
        met: warmSynthetic <= 300,
      });
    } finally {
      await browser.close();
      server.close();
    }
    return results;
  },
};

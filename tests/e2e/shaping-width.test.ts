/**
 * The engine's widths against what Debian Chromium paints with the same
 * font files: composed runs are painted as the SVG painter paints them (a
 * <text> per run, a <tspan x> per glyph cluster at the engine's x), and every painted character must sit where the
 * engine put it and be as wide as the engine measured it (within 0.05 pt).
 * A second check paints whole paragraphs unbroken, so Chromium shapes them
 * in context with its own script itemisation.
 *
 * CSS px are used as pt (1:1), so tolerances read in pt.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { bundledFontPath, createNodeComposer } from '../../main/fonts';
import { BUNDLED_FACES, type FolioParagraphComposer } from '../../shared/layout/text';
import type { ParagraphInput } from '../../shared/layout/paragraph-types';
import { CHROMIUM_PATH, haveChromium, launchChromium } from '../support/chromium';
import { BLACK, bodyStyle, spanFor } from '../unit/layout/text/helpers';

const chromiumInstalled = haveChromium();
if (!chromiumInstalled) console.log(`skipped: shaping-width needs ${CHROMIUM_PATH}, which is not installed`);

const ORIGIN = 'http://folio.test';
const FACES = ['NotoSerifSC-400', 'NotoSansSC-400', 'NotoSansSC-700'];
const TOLERANCE = 0.05;

const SAMPLES: {
  name: string;
  text: string;
  family: string;
  weight: number;
  size: number;
  language: 'zh-Hans' | 'en';
}[] = [
  {
    name: 'Chinese body with full-width punctuation, —— and ……',
    text: '智慧岛核心区已建成，签约入驻企业359家，市政项目完成投资21.8亿元，“四上”企业入库数量完成年度目标的177%……12月20日，记者从市城乡一体化示范区获悉——自三大百日行动开展以来，区经济发展提升百日行动领导小组（以下简称“小组”）高标准贯彻落实。',
    family: 'Noto Serif SC',
    weight: 400,
    size: 10.5,
    language: 'zh-Hans',
  },
  {
    name: 'mixed Chinese and Latin with quotes around Latin words',
    text: '今天Folio发布了3.5版，支持“AI”排版、GB/T 15834—2011标准和《人民日报》的“new-style”标点；售价$199.99（约合¥1,440元）。',
    family: 'Noto Serif SC',
    weight: 400,
    size: 12,
    language: 'zh-Hans',
  },
  {
    name: 'headline in Noto Sans SC Bold',
    text: '示范区：真抓实干求突破 全力以赴谋发展',
    family: 'Noto Sans SC',
    weight: 700,
    size: 22,
    language: 'zh-Hans',
  },
  {
    name: 'English text',
    text: 'Typesetting a newspaper: “fine” office affairs, waffles — and ellipses… AV Wa To 1,234.56!',
    family: 'Noto Serif SC',
    weight: 400,
    size: 10,
    language: 'en',
  },
  {
    name: 'fallback to Noto Sans SC for a character the serif lacks',
    text: '竹字头𥫗字',
    family: 'Noto Serif SC',
    weight: 400,
    size: 14,
    language: 'zh-Hans',
  },
];

function input(sample: (typeof SAMPLES)[number]): ParagraphInput {
  const style = bodyStyle({
    fontFamily: sample.family,
    fontWeight: sample.weight,
    fontSize: sample.size,
    leading: sample.size * 1.5,
    firstLineIndent: sample.size * 2,
    hyphenate: sample.language === 'en',
    language: sample.language,
  });
  const color = { ...BLACK, rgb: '#000' };
  return { text: sample.text, style, spans: [spanFor(style, 0, sample.text.length, { color })] };
}

const PAGE_CSS = `
  ${FACES.map((key) => {
    const face = BUNDLED_FACES.find((f) => f.key === key)!;
    return `@font-face { font-family: '${key}'; src: url('/fonts/${face.file}') format('truetype'); }`;
  }).join('\n')}
  body { margin: 0; }
  .t { position: absolute; white-space: pre; font-kerning: none; font-variant-ligatures: none;
       text-spacing-trim: space-all; font-feature-settings: 'kern' 0, 'liga' 0, 'clig' 0, 'calt' 0;
       letter-spacing: 0; word-spacing: 0; line-height: 1; top: 0; }
`;

describe.skipIf(!chromiumInstalled)('shaping widths against Chromium', () => {
  let browser: Browser;
  let page: Page;
  let composer: FolioParagraphComposer;

  beforeAll(async () => {
    composer = await createNodeComposer();
    browser = await launchChromium();
    page = await browser.newPage({ deviceScaleFactor: 1 });
    await page.route(`${ORIGIN}/**`, async (route) => {
      const url = new URL(route.request().url());
      if (url.pathname.startsWith('/fonts/')) {
        const file = url.pathname.slice('/fonts/'.length);
        await route.fulfill({ body: readFileSync(bundledFontPath(file)), contentType: 'font/ttf' });
      } else {
        await route.fulfill({
          contentType: 'text/html',
          body: `<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><style>${PAGE_CSS}</style></head><body></body></html>`,
        });
      }
    });
    await page.goto(`${ORIGIN}/index.html`);
    await page.evaluate(async (faces) => {
      await Promise.all(faces.map((key) => document.fonts.load(`16px '${key}'`, '中A')));
    }, FACES);
  });

  afterAll(async () => {
    await browser?.close();
  });

  for (const sample of SAMPLES) {
    it(`paints composed runs where the engine put them: ${sample.name}`, async () => {
      const paragraph = input(sample);
      const composed = composer.compose(paragraph, () => ({ x: 0, width: sample.size * 13 }));
      const natural = new Map(composer.measureClusters(paragraph).map((c) => [c.start, c]));
      // As the SVG painter does: one <text> per run (so Chromium shapes it in context,
      // with the paragraph's lang), one <tspan x> per glyph cluster at the engine's x.
      const runs = composed.lines.flatMap((line, lineIndex) =>
        line.runs.map((run) => {
          const clusters: { x: number; text: string; start: number }[] = [];
          run.clusters.forEach((start, i) => {
            if (i > 0 && run.clusters[i - 1] === start) return; // an inserted hyphen shares its letter's cluster
            const cluster = natural.get(start)!;
            clusters.push({ x: run.x[i], text: sample.text.slice(cluster.start, cluster.end), start });
          });
          return { y: (lineIndex + 1) * sample.size * 2, family: run.fontKey, size: run.size, clusters };
        }),
      );
      const painted = await page.evaluate(
        ({ runs, lang }) => {
          const svgNs = 'http://www.w3.org/2000/svg';
          document.body.innerHTML = '';
          const svg = document.createElementNS(svgNs, 'svg');
          svg.setAttribute('width', '1000');
          svg.setAttribute('height', '1000');
          document.body.appendChild(svg);
          const out: { left: number; width: number }[] = [];
          for (const run of runs) {
            const text = document.createElementNS(svgNs, 'text');
            text.setAttribute('class', 't');
            text.setAttribute('y', String(run.y));
            text.setAttribute('font-family', `'${run.family}'`);
            text.setAttribute('font-size', String(run.size));
            text.setAttributeNS('http://www.w3.org/XML/1998/namespace', 'xml:lang', lang);
            for (const c of run.clusters) {
              const tspan = document.createElementNS(svgNs, 'tspan');
              tspan.setAttribute('x', String(c.x));
              tspan.textContent = c.text;
              text.appendChild(tspan);
            }
            svg.appendChild(text);
            // Addressable characters are UTF-16 units; a surrogate pair reports its glyph twice.
            let index = 0;
            for (const c of run.clusters) {
              const first = text.getExtentOfChar(index);
              let width = 0;
              for (let k = 0; k < c.text.length; k++) {
                const unit = c.text.charCodeAt(k);
                if (unit < 0xdc00 || unit > 0xdfff) width += text.getExtentOfChar(index + k).width;
              }
              out.push({ left: first.x, width });
              index += c.text.length;
            }
          }
          return out;
        },
        { runs, lang: sample.language },
      );
      const problems: string[] = [];
      let i = 0;
      for (const run of runs) {
        for (const c of run.clusters) {
          const want = natural.get(c.start)!.width;
          const got = painted[i++];
          if (Math.abs(got.left - c.x) > TOLERANCE || Math.abs(got.width - want) > TOLERANCE) {
            problems.push(
              `"${c.text}" at ${c.start}: engine x ${c.x.toFixed(3)} w ${want.toFixed(3)}, Chromium x ${got.left.toFixed(3)} w ${got.width.toFixed(3)}`,
            );
          }
        }
      }
      expect(problems).toEqual([]);
      expect(i).toBeGreaterThanOrEqual(5);
    });

    it(`measures unbroken text as Chromium shapes it in context: ${sample.name}`, async () => {
      const paragraph = input(sample);
      const clusters = composer.measureClusters(paragraph);
      const painted = await page.evaluate(
        ({ text, clusters, lang, size }) => {
          document.body.innerHTML = '';
          const span = document.createElement('span');
          span.className = 't';
          span.lang = lang;
          span.style.fontSize = `${size}px`;
          document.body.appendChild(span);
          // Each cluster in its own font (the fallback face where the engine used one), one text flow.
          let current: HTMLSpanElement | null = null;
          for (const c of clusters) {
            if (!current || current.dataset.font !== c.fontKey) {
              current = document.createElement('span');
              current.dataset.font = c.fontKey;
              current.style.fontFamily = `'${c.fontKey}'`;
              span.appendChild(current);
            }
            current.textContent = (current.textContent ?? '') + text.slice(c.start, c.end);
          }
          const widths: number[] = [];
          const total = span.getBoundingClientRect().width;
          for (const inner of Array.from(span.children)) {
            const node = inner.firstChild!;
            let at = 0;
            const own = (node.textContent ?? '').length;
            while (at < own) {
              const c = clusters[widths.length];
              const length = c.end - c.start;
              const range = document.createRange();
              range.setStart(node, at);
              range.setEnd(node, at + length);
              widths.push(range.getBoundingClientRect().width);
              at += length;
            }
          }
          return { widths, total };
        },
        { text: sample.text, clusters, lang: sample.language, size: sample.size },
      );
      const problems: string[] = [];
      clusters.forEach((c, i) => {
        if (Math.abs(painted.widths[i] - c.width) > TOLERANCE) {
          problems.push(
            `"${sample.text.slice(c.start, c.end)}" at ${c.start}: engine ${c.width.toFixed(3)}, Chromium ${painted.widths[i].toFixed(3)}`,
          );
        }
      });
      expect(problems).toEqual([]);
      const engineTotal = clusters.reduce((sum, c) => sum + c.width, 0);
      expect(Math.abs(painted.total - engineTotal)).toBeLessThan(TOLERANCE);
    });
  }
});

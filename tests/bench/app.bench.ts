/**
 * The app's figures, in Debian Chromium against the browser host:
 *  - the renderer build, then `npm run web` to the sample page painted with
 *    the renderer built (the host serves it, the renderer fetches fonts and
 *    the shaper, composes, paints), against Chromium painting the same copy
 *    as a plain HTML page;
 *  - the canvas repainted after a zoom change, against a frame with no change;
 *  - renderer memory with a 48-page edition holding a 3000 × 2000 photo on
 *    every page: the JS heap (CDP; goal ≤ 100 MB) against the 1-page sample,
 *    and the renderer processes' memory (PSS, /proc) against Chromium
 *    showing the same 48 photos at full resolution in a plain page — the
 *    canvas gets screen previews (shared/services/image-preview.ts).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import sharp from 'sharp';
import { chromium } from 'playwright-core';
import { createImageFrame } from '../../shared/model/factories';
import type { AssetBytes, Edition } from '../../shared/model/types';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { BrowserContext, Page } from 'playwright-core';
import { editionBackend } from '../../main/services/edition-backend';
import { MemoryPreferences } from '../../main/services/preferences';
import { startWebHost } from '../../main/web/host';
import { buildRenderer, RENDERER_OUT, rendererUpToDate } from '../../scripts/build';
import { CHROMIUM, CHROMIUM_FLAGS } from '../e2e/support/browser';
import { ROOT } from '../e2e/support/web-host';
import { stats, type Bench, type BenchResult } from './bench';
import { syntheticEdition } from './compose.bench';

async function waitPainted(page: Page): Promise<void> {
  await page.waitForFunction(() => document.body.dataset.painted !== undefined, null, { timeout: 120_000 });
  if ((await page.evaluate(() => document.body.dataset.painted)) !== 'true')
    throw new Error('the page did not paint');
}

/** Spawns `npm run web` (tsx as npm runs it) and resolves with its first line and the spawn time. */
async function startWeb(): Promise<{ url: string; started: number; stop(): void }> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'main', 'web', 'serve.ts'), '--no-open'],
    {
      cwd: ROOT,
      env: { ...process.env, FOLIO_DATA_DIR: mkdtempSync(join(tmpdir(), 'folio-bench-')) },
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`npm run web exited with ${code}`)));
  });
  return { url, started, stop: () => child.kill('SIGTERM') };
}

/** The seed page's copy as a plain HTML page (the browser lays it out itself). */
function seedHtml(): string {
  const seedDir = join(ROOT, '..', 'shared', 'seed');
  const text = readFileSync(
    join(
      seedDir,
      readdirSync(seedDir).find((name) => name.endsWith('.txt'))!,
    ),
    'utf8',
  );
  const body = text
    .split(/\n\s*\n/)
    .map((paragraph) => `<p>${paragraph.replace(/[<&]/g, (c) => (c === '<' ? '&lt;' : '&amp;'))}</p>`)
    .join('');
  return `<!doctype html><html lang="zh-Hans"><body style="columns:8;width:1474px">${body}</body></html>`;
}

async function startup(browser: BrowserContext): Promise<BenchResult[]> {
  // The build on its own: `npm run web` then finds the renderer built and serves it as it is.
  const building = performance.now();
  await buildRenderer({ quiet: true });
  const buildMs = performance.now() - building;
  if (!rendererUpToDate()) throw new Error('the renderer just built does not count as up to date');
  const samples: number[] = [];
  const baselines: number[] = [];
  for (let run = 0; run < 3; run++) {
    const page = await browser.newPage();
    const web = await startWeb();
    await page.goto(web.url);
    await waitPainted(page);
    samples.push(performance.now() - web.started);
    web.stop();
    await page.close();

    const plain = await browser.newPage();
    const began = performance.now();
    await plain.setContent(seedHtml());
    await plain.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
    baselines.push(performance.now() - began);
    await plain.close();
  }
  const painted = stats(samples).median;
  return [
    {
      name: 'renderer build (npm run build of the renderer; npm run web skips it while the bundle is up to date)',
      value: buildMs,
      unit: 'ms',
    },
    {
      name: 'npm run web → sample page painted, renderer built (process start to painted, median of 3)',
      value: painted,
      unit: 'ms',
      baseline: { name: 'Chromium paints the seed copy as plain HTML', value: stats(baselines).median },
      goal: '≤ 1000 ms',
      met: painted <= 1000,
    },
  ];
}

/** Milliseconds from a click to the frame after React committed it. */
async function clickToFrame(page: Page, testId: string): Promise<number> {
  return page.evaluate(async (id) => {
    const button = document.querySelector<HTMLElement>(`[data-testid="${id}"]`)!;
    const began = performance.now();
    button.click();
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return performance.now() - began;
  }, testId);
}

async function zoomRepaint(page: Page): Promise<BenchResult> {
  const zoom: number[] = [];
  const idle: number[] = [];
  await page.getByTestId('zoom-actual').click();
  for (let i = 0; i < 12; i++) {
    zoom.push(await clickToFrame(page, i % 2 === 0 ? 'zoom-in' : 'zoom-out'));
    idle.push(await clickToFrame(page, 'zoom-level'));
  }
  return {
    name: 'canvas repaint after a zoom change (sample page, median)',
    value: stats(zoom).median,
    unit: 'ms',
    baseline: { name: 'a frame with no change', value: stats(idle).median },
  };
}

async function heapMb(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page);
  await session.send('HeapProfiler.collectGarbage');
  await session.send('Performance.enable');
  const { metrics } = await session.send('Performance.getMetrics');
  return metrics.find((metric) => metric.name === 'JSHeapUsedSize')!.value / 2 ** 20;
}

/** The 48-page synthetic edition with its own 3000 × 2000 photo (a camera's 6 MP) on every page. */
async function photoEdition(pages: number): Promise<{ edition: Edition; assets: AssetBytes }> {
  const edition = syntheticEdition(pages);
  const assets: AssetBytes = new Map();
  for (const [p, page] of edition.pages.entries()) {
    const id = `photo-${p}`;
    const background = { r: (p * 37) % 256, g: (p * 91) % 256, b: (p * 53) % 256 };
    const bytes = await sharp({ create: { width: 3000, height: 2000, channels: 3, background } })
      .jpeg({ quality: 80 })
      .toBuffer();
    assets.set(id, new Uint8Array(bytes));
    edition.assets[id] = {
      id,
      name: `${id}.jpg`,
      path: `assets/${id}.jpg`,
      mime: 'image/jpeg',
      widthPx: 3000,
      heightPx: 2000,
      colorSpace: 'rgb',
      byteLength: bytes.length,
    };
    const width = 360;
    const frame = createImageFrame(
      `img-${p}`,
      { x: page.size.width - page.margins.right - width, y: page.margins.top, width, height: 240 },
      {
        name: `Photo ${p + 1}`,
        assetId: id,
        fit: 'fill-proportional',
        content: { x: 0, y: 0, scale: width / 3000 },
      },
    );
    page.frames.push(frame);
  }
  return { edition, assets };
}

/** PSS of the browser's renderer processes (this profile's only), in MB. */
function rendererPssMb(profile: string): number {
  let kb = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      // Chromium rewrites its command line as one string (setproctitle): match flags in the text.
      const cmd = `${readFileSync(`/proc/${pid}/cmdline`, 'latin1').replace(/\0/g, ' ')} `;
      if (!cmd.includes(' --type=renderer ') || !cmd.includes(` --user-data-dir=${profile} `)) continue;
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'latin1');
      kb += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
    } catch {
      // The process ended meanwhile.
    }
  }
  return kb / 1024;
}

async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 1500)));
}

/** Opens the edition in a fresh browser host, waits for every page painted; JS heap and renderer PSS (MB). */
async function measureEdition(
  browser: BrowserContext,
  profile: string,
  subject: { edition: Edition; assets: AssetBytes },
): Promise<{ heap: number; pss: number }> {
  const host = await startWebHost({
    rendererDir: RENDERER_OUT,
    backend: { ...editionBackend, fromTemplate: async () => subject },
    preferences: new MemoryPreferences(),
    editionPath: null,
    journalDir: mkdtempSync(join(tmpdir(), 'folio-bench-journal-')),
  });
  try {
    const page = await browser.newPage();
    await page.goto(host.url);
    await waitPainted(page);
    const painted = await page.locator('svg.page').count();
    if (painted !== subject.edition.pages.length)
      throw new Error(`expected ${subject.edition.pages.length} pages painted, found ${painted}`);
    await settle(page);
    const heap = await heapMb(page);
    const pss = rendererPssMb(profile);
    await page.close();
    return { heap, pss };
  } finally {
    await host.close();
  }
}

async function memory(browser: BrowserContext, samplePage: Page, profile: string): Promise<BenchResult[]> {
  const sampleHeap = await heapMb(samplePage);
  await samplePage.close();
  const pages = 48;
  const withPhotos = await photoEdition(pages);
  const textOnly = structuredClone(withPhotos.edition);
  for (const page of textOnly.pages) page.frames = page.frames.filter((f) => f.kind !== 'image');
  textOnly.assets = {};
  const photos = await measureEdition(browser, profile, withPhotos);
  const text = await measureEdition(browser, profile, { edition: textOnly, assets: new Map() });
  return [
    {
      name: `renderer JS heap, ${pages}-page edition with a 6 MP photo on every page`,
      value: photos.heap,
      unit: 'MB',
      baseline: { name: 'the 1-page sample edition', value: sampleHeap },
      goal: '≤ 100 MB',
      met: photos.heap <= 100,
    },
    {
      name: `renderer processes' memory (PSS), ${pages}-page edition with its 48 photos (screen previews; at full resolution they would decode to ${Math.round((pages * 3000 * 2000 * 4) / 2 ** 20)} MB)`,
      value: photos.pss,
      unit: 'MB',
      baseline: { name: 'the same edition without its photos', value: text.pss },
      goal: 'photos add ≤ 100 MB',
      met: photos.pss - text.pss <= 100,
    },
  ];
}

export const bench: Bench = {
  title: 'App: browser host, canvas, renderer memory',
  async run() {
    const profile = mkdtempSync(join(tmpdir(), 'folio-chromium-'));
    const browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_FLAGS,
      viewport: { width: 1600, height: 1000 },
      locale: 'en-US',
    });
    try {
      const results = await startup(browser);
      const web = await startWeb();
      try {
        const page = await browser.newPage();
        await page.goto(web.url);
        await waitPainted(page);
        results.push(await zoomRepaint(page));
        results.push(...(await memory(browser, page, profile)));
      } finally {
        web.stop();
      }
      return results;
    } finally {
      await browser.close();
    }
  },
};

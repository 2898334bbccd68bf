/** Debian's Chromium driven by playwright-core, with a fresh profile per launch. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.FOLIO_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Text and images the same on every machine: no LCD subpixel colour fringes.
  '--disable-lcd-text',
  '--font-render-hinting=none',
];

export interface BrowserOptions {
  viewport?: { width: number; height: number };
  deviceScaleFactor?: number;
  locale?: string;
}

/** A persistent context in a fresh temporary profile (closing it ends the browser). */
export async function launchBrowser(options: BrowserOptions = {}): Promise<BrowserContext> {
  const profile = mkdtempSync(join(tmpdir(), 'folio-chromium-'));
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: options.viewport ?? { width: 1400, height: 900 },
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    locale: options.locale ?? 'en-US',
    acceptDownloads: false,
  });
}

/** A browser with a fresh temporary profile; tests open contexts (viewport, scale, locale) on it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
}

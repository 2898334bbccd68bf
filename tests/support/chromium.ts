/**
 * Debian's Chromium for benches and tests that launch it outside the e2e app
 * harness: one path and one set of flags (those the project docs prescribe),
 * so every comparison against Chromium runs the same browser the same way.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Headless, no sandbox or GPU, and nothing that talks to the network or updates itself mid-run. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function haveChromium(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/** A browser with a fresh temporary profile (playwright-core gives every launch its own --user-data-dir). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
}

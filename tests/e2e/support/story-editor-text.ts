/**
 * Putting the story editor's selection or caret on given words, as a mouse
 * would, and waiting until the editor has taken it (the canvas paints it).
 * `timeout` is each wait's limit (ms).
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

const poll = <T>(read: () => T | Promise<T>, timeout: number) => expect.poll(read, { timeout, interval: 50 });

/** Selects `text` (its first occurrence) in the story editor, as a mouse drag would. */
export async function selectInEditor(page: Page, text: string, timeout = 15_000): Promise<void> {
  await page.getByTestId('story-editor-text').evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      (root as HTMLElement).focus();
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return;
    }
    throw new Error(`“${wanted}” is not in the story editor`);
  }, text);
  await poll(() => page.evaluate(() => window.getSelection()?.toString()), timeout).toBe(text);
  // The editor has taken the selection when the page paints it.
  await poll(() => page.getByTestId('canvas-selection').count(), timeout).toBeGreaterThan(0);
}

/** Puts the caret just before `text` in the story editor. */
export async function caretBefore(page: Page, text: string, timeout = 15_000): Promise<void> {
  await page.getByTestId('story-editor-text').evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(wanted);
      if (at < 0) continue;
      (root as HTMLElement).focus();
      window.getSelection()!.collapse(node, at);
      return;
    }
    throw new Error(`“${wanted}” is not in the story editor`);
  }, text);
  // The editor has taken the caret when the page paints it there (and no selection).
  await poll(() => page.getByTestId('canvas-selection').count(), timeout).toBe(0);
  await poll(() => page.getByTestId('canvas-caret').count(), timeout).toBe(1);
}

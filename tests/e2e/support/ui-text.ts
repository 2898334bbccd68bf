/**
 * What the UI shows, as a user (or a screen reader) meets it: the text of
 * every visible element outside the page canvas, the story's own text and
 * elements marked translate="no" (the edition's text quoted in a list),
 * the options of visible lists, and the title, aria-label, placeholder and
 * alt attributes of visible elements; plus the window title.
 */
import type { Page } from 'playwright-core';
import type { Edition } from '../../../shared/model/types';

export interface ShownText {
  text: string;
  /** Where: the nearest data-testid and the kind of text (text, title, option …). */
  where: string;
  /** True inside the language picker, whose options name each language in itself. */
  languagePicker: boolean;
}

export async function shownText(page: Page): Promise<ShownText[]> {
  const found = await page.evaluate(() => {
    const out: { text: string; where: string; languagePicker: boolean }[] = [];
    const visible = (element: Element) => {
      if (element.getClientRects().length === 0) return false;
      const style = getComputedStyle(element);
      return style.visibility !== 'hidden' && style.display !== 'none' && style.opacity !== '0';
    };
    const label = (element: Element, kind: string) => {
      const owner = element.closest('[data-testid]');
      return `${owner?.getAttribute('data-testid') ?? element.tagName.toLowerCase()} (${kind})`;
    };
    const push = (element: Element, text: string | null | undefined, kind: string) => {
      const trimmed = text?.replace(/\s+/g, ' ').trim();
      if (!trimmed) return;
      out.push({
        text: trimmed,
        where: label(element, kind),
        languagePicker: Boolean(element.closest('[data-testid="language-select"]')),
      });
    };
    for (const element of document.body.querySelectorAll('*')) {
      if (!visible(element)) continue;
      for (const attribute of ['title', 'aria-label', 'placeholder', 'alt'])
        push(element, element.getAttribute(attribute), attribute);
      // The painted pages (and their thumbnails), the story's text and whatever the app marks
      // translate="no" (excerpts of the edition's text, its house list) are the user's content.
      if (element.closest('svg, [data-slate-editor], [translate="no"]')) continue;
      if (element instanceof HTMLSelectElement) {
        for (const option of element.options) push(element, option.textContent, 'option');
        continue;
      }
      if (element instanceof HTMLOptionElement) continue;
      const own = [...element.childNodes]
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent ?? '')
        .join('');
      push(element, own, 'text');
      // A field's value (not a checkbox's, whose value is never shown).
      if (element instanceof HTMLInputElement && !['hidden', 'checkbox', 'radio'].includes(element.type))
        push(element, element.value, 'value');
    }
    out.push({ text: document.title, where: 'window title', languagePicker: false });
    return out;
  });
  return found;
}

/** Every name and text of the edition a user put there (or the sample did): allowed in either UI language. */
export function editionContent(edition: Edition): string[] {
  const content = new Set<string>();
  const add = (value: string | null | undefined) => {
    if (value && value.trim()) content.add(value.trim());
  };
  const meta = edition.meta as unknown as Record<string, unknown>;
  for (const value of Object.values(meta)) if (typeof value === 'string') add(value);
  for (const story of Object.values(edition.stories)) {
    add(story.name);
    add(story.id);
    for (const block of story.blocks) {
      const text = block.children.map((leaf) => leaf.text).join('');
      add(text);
      // A folio line's literal leaves (第, 版) are pieces of a field line, not names of their own.
      if (!block.children.some((leaf) => 'field' in leaf && leaf.field))
        for (const leaf of block.children) add(leaf.text);
    }
  }
  for (const style of Object.values(edition.styles.paragraph)) add(style.name);
  for (const style of Object.values(edition.styles.character)) add(style.name);
  for (const swatch of Object.values(edition.styles.swatches)) add(swatch.name);
  for (const asset of Object.values(edition.assets)) add(asset.name);
  for (const page of [...edition.pages, ...edition.masters]) {
    add((page as { name?: string }).name);
    for (const frame of page.frames) {
      add(frame.name);
      add(frame.id);
    }
  }
  for (const master of edition.masters) add(master.name);
  return [...content];
}

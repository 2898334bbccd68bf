/**
 * What a recovery would bring back, for the recovery prompt: the stories
 * and pages that differ between the journal's base (the file as opened or
 * last saved) and the edition its operations lead to, and a short excerpt of
 * the first text that differs — so a user can tell one crashed session from
 * another before choosing.
 */
import type { Edition, Story } from '../model/types';

/** The first differing text of the first changed story: the new text around the change. */
export interface ChangeExcerpt {
  storyId: string;
  /** Text just before the change (up to EXCERPT_CONTEXT characters). */
  before: string;
  /** The text inserted, or for a deletion the text removed (up to EXCERPT_CHANGED characters). */
  changed: string;
  /** Text just after the change. */
  after: string;
  kind: 'inserted' | 'deleted' | 'replaced';
  /** True where `before` / `changed` / `after` were cut short. */
  cutBefore: boolean;
  cutChanged: boolean;
  cutAfter: boolean;
}

export interface RecoveryPreview {
  /** Stories whose text or paragraphs differ (added and removed ones too), in page order. */
  stories: { id: string; name: string }[];
  /** Page numbers (1-based) whose frames differ or show a changed story. */
  pages: number[];
  /** Paragraph and character styles and swatches that differ. */
  styles: number;
  excerpt: ChangeExcerpt | null;
}

export const EXCERPT_CONTEXT = 12;
export const EXCERPT_CHANGED = 40;
/** Paragraph breaks inside an excerpt. */
export const PARAGRAPH_MARK = '¶';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function storyText(story: Story | undefined): string {
  if (!story) return '';
  return story.blocks.map((block) => block.children.map((leaf) => leaf.text).join('')).join('\n');
}

/** Code-point-safe slices: never cut a surrogate pair in half. */
function chars(text: string): string[] {
  return Array.from(text);
}

/** The excerpt of the change from `before` to `after` (story texts, paragraphs joined by newlines). */
export function excerptOfChange(storyId: string, old: string, now: string): ChangeExcerpt | null {
  if (old === now) return null;
  const a = chars(old);
  const b = chars(now);
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a[a.length - 1 - suffix] === b[b.length - 1 - suffix]
  )
    suffix++;
  const inserted = b.slice(prefix, b.length - suffix);
  const deleted = a.slice(prefix, a.length - suffix);
  const kind = deleted.length === 0 ? 'inserted' : inserted.length === 0 ? 'deleted' : 'replaced';
  const changed = kind === 'deleted' ? deleted : inserted;
  const shown = (piece: string[]) => piece.join('').replace(/\n/g, ` ${PARAGRAPH_MARK} `);
  // Context stays inside the changed paragraph: up to EXCERPT_CONTEXT characters each side.
  let beforeStart = prefix;
  while (beforeStart > 0 && prefix - beforeStart < EXCERPT_CONTEXT && b[beforeStart - 1] !== '\n')
    beforeStart--;
  const afterStart = b.length - suffix;
  let afterEnd = afterStart;
  while (afterEnd < b.length && afterEnd - afterStart < EXCERPT_CONTEXT && b[afterEnd] !== '\n') afterEnd++;
  return {
    storyId,
    before: shown(b.slice(beforeStart, prefix)),
    changed: shown(changed.slice(0, EXCERPT_CHANGED)),
    after: shown(b.slice(afterStart, afterEnd)),
    kind,
    cutBefore: beforeStart > 0 && b[beforeStart - 1] !== '\n',
    cutChanged: changed.length > EXCERPT_CHANGED,
    cutAfter: afterEnd < b.length && b[afterEnd] !== '\n',
  };
}

/** Page index of each frame id (pages of the edition, in order). */
function framePages(edition: Edition): Map<string, number> {
  const pages = new Map<string, number>();
  edition.pages.forEach((page, index) => {
    for (const frame of page.frames) pages.set(frame.id, index);
  });
  return pages;
}

function countChanged<T>(a: Record<string, T> = {}, b: Record<string, T> = {}): number {
  let n = 0;
  for (const id of new Set([...Object.keys(a), ...Object.keys(b)])) if (!same(a[id], b[id])) n++;
  return n;
}

export function previewChanges(base: Edition, recovered: Edition): RecoveryPreview {
  const pagesOfFrames = framePages(recovered);
  const basePagesOfFrames = framePages(base);
  const changedStories: { id: string; name: string; page: number; order: number }[] = [];
  const ids = new Set([...Object.keys(base.stories ?? {}), ...Object.keys(recovered.stories ?? {})]);
  for (const id of ids) {
    const before = base.stories?.[id];
    const after = recovered.stories?.[id];
    if (before && after && same(before.blocks, after.blocks) && before.name === after.name) continue;
    const story = after ?? before!;
    const firstFrame = story.thread[0];
    const page = pagesOfFrames.get(firstFrame) ?? basePagesOfFrames.get(firstFrame) ?? Infinity;
    const order = recovered.pages[page]?.frames.findIndex((f) => f.id === firstFrame) ?? 0;
    changedStories.push({ id, name: story.name, page, order });
  }
  changedStories.sort((x, y) => x.page - y.page || x.order - y.order || x.id.localeCompare(y.id));

  const pages = new Set<number>();
  const basePages = new Map(base.pages.map((page) => [page.id, page]));
  recovered.pages.forEach((page, index) => {
    if (!same(basePages.get(page.id), page)) pages.add(index + 1);
  });
  for (const story of changedStories) {
    const thread = recovered.stories?.[story.id]?.thread ?? base.stories?.[story.id]?.thread ?? [];
    for (const frameId of thread) {
      const page = pagesOfFrames.get(frameId);
      if (page !== undefined) pages.add(page + 1);
    }
  }

  const styles =
    countChanged(base.styles?.paragraph, recovered.styles?.paragraph) +
    countChanged(base.styles?.character, recovered.styles?.character) +
    countChanged(base.styles?.swatches, recovered.styles?.swatches);

  let excerpt: ChangeExcerpt | null = null;
  for (const story of changedStories) {
    excerpt = excerptOfChange(
      story.id,
      storyText(base.stories?.[story.id]),
      storyText(recovered.stories?.[story.id]),
    );
    if (excerpt) break;
  }
  return {
    stories: changedStories.map(({ id, name }) => ({ id, name })),
    pages: [...pages].sort((a, b) => a - b),
    styles,
    excerpt,
  };
}

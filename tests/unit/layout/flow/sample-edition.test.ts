/**
 * The built-in sample edition, composed with the real composer: what a page
 * designer checks first — no line starts or ends with a forbidden mark, the
 * lead story fits, every character has a glyph, and composing twice gives
 * the same list.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeComposer } from '../../../../main/fonts';
import { composeEdition } from '../../../../shared/layout/compose-edition';
import type { DisplayList } from '../../../../shared/layout/display-list';
import type { ParagraphComposer } from '../../../../shared/layout/paragraph-types';
import { buildSampleEdition } from '../../../../shared/sample';

const NO_LINE_START = new Set('、，。．：；！？”’）》〉」』】〕〗〙〛·');
const NO_LINE_END = new Set('“‘（《〈「『【〔〖〘〚');

function printedLines(list: DisplayList): { storyId: string; text: string }[] {
  const out: { storyId: string; text: string }[] = [];
  for (const page of list.pages) {
    for (const item of page.items) {
      if (item.kind !== 'text') continue;
      for (const line of item.lines) {
        if (line.continuesLine && out.length > 0) out[out.length - 1].text += line.text;
        else out.push({ storyId: line.storyId, text: line.text });
      }
    }
  }
  return out;
}

let composer: ParagraphComposer;
let list: DisplayList;
const sample = buildSampleEdition();
beforeAll(async () => {
  composer = await createNodeComposer();
  list = composeEdition(sample.edition, composer);
});

describe('the sample edition', () => {
  it('breaks no 避头尾 rule on any line', () => {
    const lines = printedLines(list).filter((l) => l.text.length > 0);
    expect(lines.length).toBeGreaterThan(300);
    expect(lines.filter((l) => NO_LINE_START.has(l.text[0]))).toEqual([]);
    expect(lines.filter((l) => NO_LINE_END.has(l.text[l.text.length - 1]))).toEqual([]);
  });

  it('sets every story in full, the lead story included, with every glyph drawn', () => {
    const overset = Object.values(list.stories).filter((s) => s.oversetCharacters > 0);
    expect(overset).toEqual([]);
    const lead = Object.values(list.stories).sort((a, b) => b.totalCharacters - a.totalCharacters)[0];
    expect(lead.charactersSet).toBe(lead.totalCharacters);
    expect(lead.copyfitLines).toBeGreaterThanOrEqual(0);
    expect(list.missingGlyphs).toEqual([]);
  });

  it('fills the folio line from the edition and page', () => {
    const text = printedLines(list)
      .filter((l) => sample.edition.stories[l.storyId]?.blocks[0]?.type === 'folio')
      .map((l) => l.text)
      .join(' ');
    expect(text).toContain(sample.edition.meta.paperName);
  });

  it('composes to the same display list every time', () => {
    expect(JSON.stringify(composeEdition(buildSampleEdition().edition, composer))).toBe(JSON.stringify(list));
  });
});

/**
 * The flow with the real paragraph composer (HarfBuzz, bundled Noto fonts):
 * the seed page's text set in newspaper columns breaks no 避头尾 rule, and
 * every line fills its measure the way the flow asked.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeComposer } from '../../../../main/fonts';
import { Composition, composeEdition } from '../../../../shared/layout/compose-edition';
import type { DisplayLine, DisplayList } from '../../../../shared/layout/display-list';
import type { ParagraphComposer } from '../../../../shared/layout/paragraph-types';
import { createEmptyEdition } from '../../../../shared/model/defaults';
import { createBlock, createStory, createTextFrame } from '../../../../shared/model/factories';
import { sequentialIds } from '../../../../shared/model/ids';
import type { BlockRole, Edition } from '../../../../shared/model/types';

const NO_LINE_START = new Set('、，。．：；！？”’）》〉」』】〕〗〙〛·');
const NO_LINE_END = new Set('“‘（《〈「『【〔〖〘〚');

/** Printed lines (run-in parts joined) in reading order. */
function printedLines(list: DisplayList): string[] {
  const out: string[] = [];
  for (const page of list.pages) {
    for (const item of page.items) {
      if (item.kind !== 'text') continue;
      item.lines.forEach((line: DisplayLine) => {
        if (line.continuesLine) out[out.length - 1] += line.text;
        else out.push(line.text);
      });
    }
  }
  return out;
}

/** The seed page's lead story: banner-less, headline, byline, body and section heads. */
function seedEdition(): Edition {
  const seed = readFileSync(new URL('../../../fixtures/import/sample-page.txt', import.meta.url), 'utf8');
  const paragraphs = seed
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  const blocks = paragraphs.slice(1, 12).map((text, i) => {
    const role: BlockRole = text.startsWith('## ')
      ? i === 0
        ? 'headline'
        : 'section-head'
      : i === 1
        ? 'byline'
        : 'body';
    return createBlock(role, text.replace(/^## /, ''));
  });
  const edition = createEmptyEdition({ ids: sequentialIds(), pageCount: 2 });
  const { margins } = edition.pages[0];
  const width = 4 * 117 + 3 * 9;
  const frame = (id: string) =>
    createTextFrame(id, { x: margins.left, y: margins.top, width, height: 500 }, { columns: 4, gutter: 9 });
  edition.pages = edition.pages.map((page, i) => ({ ...page, frames: [frame(`f${i}`)] }));
  edition.stories = { lead: createStory('lead', '示范区', blocks, ['f0', 'f1']) };
  return edition;
}

let composer: ParagraphComposer;
beforeAll(async () => {
  composer = await createNodeComposer();
});

describe('flow with the real composer', () => {
  it('sets the seed story in columns with no line breaking a 避头尾 rule', () => {
    const list = composeEdition(seedEdition(), composer);
    const lines = printedLines(list).filter((l) => l.length > 0);
    expect(lines.length).toBeGreaterThan(50);
    const badStarts = lines.filter((l) => NO_LINE_START.has(l[0]));
    const badEnds = lines.filter((l) => NO_LINE_END.has(l[l.length - 1]));
    expect(badStarts).toEqual([]);
    expect(badEnds).toEqual([]);
    expect(list.stories.lead.oversetCharacters).toBe(0);
    expect(list.missingGlyphs).toEqual([]);
    expect(Object.keys(list.fonts).sort()).toEqual(['NotoSansSC-400', 'NotoSansSC-700', 'NotoSerifSC-400']);
    expect(list.fonts['NotoSerifSC-400'].file).toMatch(/NotoSerifSC/);
  });

  it('keeps body baselines on the page grid in every column', () => {
    const list = composeEdition(seedEdition(), composer);
    const grid = seedEdition().pages[0].baselineGrid!;
    const frame = list.pages[0].items[0];
    if (frame.kind !== 'text') throw new Error('expected a text frame');
    const body = frame.lines.filter((l) => l.runs.some((r) => r.fontKey === 'NotoSerifSC-400'));
    const offGrid = body.filter((l) => {
      const steps = (l.y - grid.start) / grid.increment;
      return Math.abs(steps - Math.round(steps)) > 1e-6;
    });
    expect(body.length).toBeGreaterThan(20);
    expect(offGrid).toEqual([]);
    const columnsUsed = new Set(body.map((l) => l.column));
    expect(columnsUsed.size).toBe(4);
  });

  it('places each glyph inside its line box', () => {
    const list = composeEdition(seedEdition(), composer);
    const frame = list.pages[0].items[0];
    if (frame.kind !== 'text') throw new Error('expected a text frame');
    for (const line of frame.lines) {
      for (const run of line.runs) {
        run.x.forEach((x, i) => {
          // An opening bracket at a line start loses its blank half: its pen starts up to ½ em left.
          expect(x).toBeGreaterThanOrEqual(line.x - run.size / 2 - 1e-6);
          expect(x + run.advances[i]).toBeLessThanOrEqual(line.x + line.width + run.size / 2 + 1e-6);
        });
      }
    }
  });

  it('recomposes a typed character in the lead story exactly as a full compose would', () => {
    const edition = seedEdition();
    const composition = new Composition(composer);
    composition.compose(edition);
    const story = edition.stories.lead;
    const target = 4;
    const text = story.blocks[target].children[0].text;
    const blocks = story.blocks.map((b, i) =>
      i === target ? { ...b, children: [{ text: text.slice(0, 40) + '新' + text.slice(40) }] } : b,
    );
    const edited = { ...edition, stories: { lead: { ...story, blocks } } };
    const incremental = composition.update(edited, { storyId: 'lead', block: target });
    expect(incremental).toEqual(composeEdition(edited, composer));
  });

  it('stays equal to a full compose through random typing, deleting and punctuation', () => {
    const edition = seedEdition();
    const edit = fc.record({
      block: fc.nat(10),
      at: fc.nat(400),
      remove: fc.nat(6),
      insert: fc.string({
        unit: fc.constantFrom('字', '，', '。', '“', '”', 'A', '1', ' ', '（', '）'),
        maxLength: 8,
      }),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        const composition = new Composition(composer);
        let current = edition;
        composition.compose(current);
        for (const e of edits) {
          const story = current.stories.lead;
          const index = Math.min(e.block, story.blocks.length - 1);
          const blocks = story.blocks.map((b, i) => {
            if (i !== index) return b;
            const text = b.children[0].text;
            const at = Math.min(e.at, text.length);
            return { ...b, children: [{ text: text.slice(0, at) + e.insert + text.slice(at + e.remove) }] };
          });
          current = { ...current, stories: { lead: { ...story, blocks } } };
          composition.update(current, { storyId: 'lead', block: index });
        }
        expect(composition.displayList).toEqual(composeEdition(current, composer));
      }),
      { numRuns: 8, seed: 3 },
    );
  });
});

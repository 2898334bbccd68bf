/**
 * The composer and the flow remember work across compositions (set lines per
 * paragraph and measure, built paragraphs per block, balanced sections per
 * story ending, display lines per set line). Whatever was composed before,
 * a compose must give exactly what a new composer gives for a copy of the
 * edition that shares no object with anything composed before.
 */
import { describe, expect, it } from 'vitest';
import { createNodeComposer } from '../../../../main/fonts';
import { composeEdition } from '../../../../shared/layout/compose-edition';
import type { Edition, Frame } from '../../../../shared/model/types';
import { buildSampleEdition } from '../../../../shared/sample';
import { addFrame, addStory, body, boxWrappedImage, createTextFrame, han, testEdition } from './test-edition';

function fresh(edition: Edition): Promise<ReturnType<typeof composeEdition>> {
  return createNodeComposer().then((composer) => composeEdition(structuredClone(edition), composer));
}

function moveFrame(edition: Edition, id: string, dx: number, dy: number): Edition {
  const pages = edition.pages.map((page) => ({
    ...page,
    frames: page.frames.map((f): Frame => (f.id === id ? { ...f, x: f.x + dx, y: f.y + dy } : f)),
  }));
  return { ...edition, pages };
}

function typeInto(edition: Edition, storyId: string, blockIndex: number, text: string): Edition {
  const story = edition.stories[storyId];
  const blocks = story.blocks.map((b, i) =>
    i === blockIndex ? { ...b, children: [{ ...b.children[0], text: text + b.children[0].text }] } : b,
  );
  return { ...edition, stories: { ...edition.stories, [storyId]: { ...story, blocks } } };
}

describe('caches across compositions', () => {
  it('a warm compose of the sample equals a cold compose of a copy', async () => {
    const edition = buildSampleEdition().edition;
    const composer = await createNodeComposer();
    composeEdition(edition, composer);
    const warm = composeEdition(edition, composer);
    expect(warm).toEqual(await fresh(edition));
  });

  it('after frames moved, text typed and balancing switched, every compose equals a cold one', async () => {
    const sample = buildSampleEdition().edition;
    const composer = await createNodeComposer();
    composeEdition(sample, composer);
    const photo = sample.pages[0].frames.find((f) => f.kind === 'image')!;
    const text = sample.pages[0].frames.filter((f) => f.kind === 'text' && f.columns > 1);
    const lead = Object.values(sample.stories).sort((a, b) => b.blocks.length - a.blocks.length)[0];
    const steps: Edition[] = [];
    let current = sample;
    current = moveFrame(current, photo.id, 0, 37);
    steps.push(current);
    current = typeInto(current, lead.id, Math.floor(lead.blocks.length / 2), '新的文字');
    steps.push(current);
    current = moveFrame(current, text[0].id, 0, -18);
    steps.push(current);
    current = {
      ...current,
      pages: current.pages.map((page) => ({
        ...page,
        frames: page.frames.map((f) => (f.kind === 'text' ? { ...f, balanceColumns: false } : f)),
      })),
    };
    steps.push(current);
    // And back: the first layouts again, remembered from before.
    steps.push(moveFrame(sample, photo.id, 0, 37), sample);
    for (const step of steps) expect(composeEdition(step, composer)).toEqual(await fresh(step));
  });

  it('a photo moved into the empty foot of a balanced module is balanced around, not remembered', async () => {
    // Three 50 pt columns, ten lines tall; seven lines of text all fit the first column.
    const e = testEdition();
    addFrame(
      e,
      0,
      createTextFrame(
        'm',
        { x: 0, y: 0, width: 170, height: 145 },
        { columns: 3, gutter: 10, alignToGrid: false },
      ),
    );
    addStory(e, 's', [body(han(20)), body(han(15, 20))], ['m']);
    const away = structuredClone(e);
    addFrame(away, 0, boxWrappedImage('photo', { x: 120, y: 200, width: 50, height: 40 }));
    // The same story objects: only the photo moved up into the module.
    const inside = moveFrame(away, 'photo', 0, 18 - 200);
    const composer = await createNodeComposer();
    const lines = (list: ReturnType<typeof composeEdition>) =>
      list.pages[0].items.flatMap((i) => (i.kind === 'text' ? i.lines.map((l) => [l.column, l.y]) : []));
    const before = composeEdition(away, composer);
    const after = composeEdition(inside, composer);
    expect(after).toEqual(await fresh(inside));
    expect(lines(after)).not.toEqual(lines(before));
  });
});

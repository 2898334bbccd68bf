/**
 * "Continue on page N" from the tools panel: the story goes on in a frame
 * like its own on that page, threaded after it, and what jump lines need —
 * a plan with jump lines on — is made in the same step, which undoes
 * exactly.
 */
import { describe, expect, it } from 'vitest';
import { createNodeComposer } from '../../../main/fonts';
import { continueOnPage } from '../../../shared/editing/continue-on-page';
import { composeEdition } from '../../../shared/layout';
import { createEmptyEdition } from '../../../shared/model/defaults';
import { createBlock, createStory, createTextFrame } from '../../../shared/model/factories';
import { sequentialIds } from '../../../shared/model/ids';
import { applyOperations } from '../../../shared/model/operations';
import type { Edition, TextFrame } from '../../../shared/model/types';

function edition(): Edition {
  const e = createEmptyEdition({ pageCount: 6, ids: sequentialIds() });
  e.pages[0].frames.push(
    createTextFrame('lead', { x: 60, y: 80, width: 360, height: 120 }, { columns: 2, gutter: 12 }),
  );
  e.stories.s = createStory(
    's',
    '头条',
    [createBlock('body', '市政项目完成投资二十一亿元。'.repeat(60))],
    ['lead'],
  );
  return e;
}

describe('continue on page', () => {
  it('threads the story into a frame like its own on page 5, with a plan made on demand', async () => {
    const before = edition();
    const made = continueOnPage(before, 'lead', 4, sequentialIds('n'));
    const { edition: after, inverse } = applyOperations(before, made.ops);
    expect(after.stories.s.thread).toEqual(['lead', made.frameId]);
    const frame = after.pages[4].frames.find((f) => f.id === made.frameId) as TextFrame;
    expect(frame).toMatchObject({
      kind: 'text',
      x: 60,
      y: 80,
      width: 360,
      height: 120,
      columns: 2,
      gutter: 12,
    });
    expect(after.plan?.settings.jumpLines.enabled).toBe(true);
    expect(after.styles.roleStyles['jump-line']).toBe('ps-jump-line');
    expect(after.styles.paragraph['ps-jump-line'].align).toBe('right');

    const list = composeEdition(after, await createNodeComposer());
    const lines = list.pages.flatMap((p) =>
      p.items.flatMap((i) =>
        i.kind === 'text' ? i.lines.filter((l) => l.generated).map((l) => l.text) : [],
      ),
    );
    expect(lines).toEqual(['下转第5版', '上接第1版']);

    expect(applyOperations(after, [inverse]).edition).toEqual(before);
  });

  it('leaves an edition that has a plan with jump lines off as the desk set it', () => {
    const before = edition();
    before.plan = {
      sections: [],
      pages: {},
      ads: [],
      assignments: {},
      settings: {
        exportPattern: '{date}_{page}.pdf',
        jumpLines: { enabled: false, continuedOn: '', continuedFrom: '' },
      },
    };
    const made = continueOnPage(before, 'lead', 2, sequentialIds('n'));
    const after = applyOperations(before, made.ops).edition;
    expect(after.plan).toBe(before.plan);
    expect(after.stories.s.thread).toHaveLength(2);
  });

  it('does nothing for a frame that is not a text frame or a page that does not exist', () => {
    expect(continueOnPage(edition(), 'nope', 2, sequentialIds()).ops).toEqual([]);
    expect(continueOnPage(edition(), 'lead', 9, sequentialIds()).ops).toEqual([]);
  });
});

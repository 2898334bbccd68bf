import { describe, expect, it } from 'vitest';
import { blocksForPaste, linesOf } from '../../../renderer/editor/paste';
import { fitSummary, storyFit } from '../../../shared/editing/copyfit';
import type { DisplayLine, DisplayList } from '../../../shared/layout/display-list';
import { oneColumnTextFrame, plainPage } from '../../support/display-items';

describe('pasting copy', () => {
  const wire = [
    '示范区召开经济工作会议',
    '本报讯（记者 张三）12月20日，示范区召开会议。',
    '会议指出，要抓好项目建设。',
  ].join('\n');

  it('pastes plain text as body paragraphs, one per line, blank lines dropped', () => {
    expect(linesOf('a\r\n\r\nb\n')).toEqual(['a', 'b']);
    expect(blocksForPaste(wire, false).map((b) => b.type)).toEqual(['body', 'body', 'body']);
  });

  it('pastes with roles: a wire story arrives with its headline marked', () => {
    const blocks = blocksForPaste(wire, true);
    expect(blocks[0].type).toBe('headline');
    expect(blocks.map((b) => b.children.map((l) => l.text).join('')).join('')).toContain('会议指出');
  });
});

function line(column: number, y: number): DisplayLine {
  return {
    storyId: 's',
    block: 0,
    start: 0,
    end: 10,
    column,
    x: 0,
    width: 100,
    y,
    ascent: 8,
    descent: 2,
    text: 'xxxxxxxxxx',
    runs: [],
  };
}

describe('copyfit per frame', () => {
  const list = (oversetLines: number): DisplayList => ({
    pages: [
      plainPage('p', 0, [
        // One column 100 pt high; lines every 12 pt from y 10: the last at 46, ending at 48.
        oneColumnTextFrame(
          'f',
          's',
          { x: 0, y: 0, width: 100, height: 100 },
          [line(0, 10), line(0, 22), line(0, 34), line(0, 46)],
          oversetLines > 0,
        ),
      ]),
    ],
    stories: {
      s: {
        storyId: 's',
        charactersSet: 40,
        oversetCharacters: oversetLines * 10,
        oversetLines,
        copyfitLines: oversetLines > 0 ? -oversetLines : 4,
        totalCharacters: 40 + oversetLines * 10,
      },
    },
    missingGlyphs: [],
    fonts: {},
  });

  it('counts the lines of room left under the last line', () => {
    const fit = storyFit(list(0), 's')!;
    // (100 - 48) / 12 = 4.33 → 4 whole lines.
    expect(fit.frames[0]).toMatchObject({ lines: 4, linesShort: 4, linesOver: 0 });
    // Lines of 10 characters: 4 lines of room take about 40 more.
    expect(fitSummary(fit, 'en')).toBe('40 characters · 4 lines short, about 40 characters to add');
    expect(fitSummary(fit, 'zh-Hans')).toBe('40 字 · 还差 4 行，约可再补 40 字');
  });

  it('reports lines over on the last frame of an overset thread', () => {
    const fit = storyFit(list(3), 's')!;
    expect(fit.frames[0]).toMatchObject({ linesShort: 0, linesOver: 3 });
    expect(fitSummary(fit, 'zh-Hans')).toBe('70 字 · 超出 3 行（30 字）');
  });
});

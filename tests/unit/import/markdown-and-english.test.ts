import { describe, expect, it } from 'vitest';
import { importMarkdown, importText, parseInline, runsText } from '../../../shared/import';
import type { ImportResult } from '../../../shared/import';

const roles = (r: ImportResult) => r.stories.map((s) => s.blocks.map((b) => b.type));
const texts = (r: ImportResult) => r.stories.map((s) => s.blocks.map((b) => runsText(b.children)));

const englishMarkdown = `# Senate passes budget after all-night session

By Jane Doe and John Roe, Associated Press

WASHINGTON — The Senate passed the budget on Tuesday, ending a
night of debate that began on **Monday** and ran *past dawn*.

Lawmakers said the vote, 51 to 49, was close.

## What comes next

The House takes up the bill on Friday; details at https://example.com/a,b.

# Storm hits the coast

NEW YORK (AP) — A storm hit the coast on Wednesday.
`;

describe('English copy in Markdown', () => {
  const result = importMarkdown(englishMarkdown);

  it('finds both stories with byline, dateline lead-in and section head', () => {
    expect(result.stories.map((s) => s.name)).toEqual([
      'Senate passes budget after all-night session',
      'Storm hits the coast',
    ]);
    expect(roles(result)).toEqual([
      ['headline', 'byline', 'lead-in', 'body', 'body', 'section-head', 'body'],
      ['headline', 'lead-in', 'body'],
    ]);
    expect(texts(result)[0][1]).toBe('By Jane Doe and John Roe, Associated Press');
    expect(texts(result)[0][2]).toBe('WASHINGTON — ');
    expect(texts(result)[1][1]).toBe('NEW YORK (AP) — ');
    expect(result.report.language).toBe('en');
  });

  it('joins soft-wrapped lines with a space and keeps bold and italic', () => {
    const body = result.stories[0].blocks[3];
    expect(runsText(body.children)).toBe(
      'The Senate passed the budget on Tuesday, ending a night of debate that began on Monday and ran past dawn.',
    );
    expect(body.children.find((c) => c.text === 'Monday')?.bold).toBe(true);
    expect(body.children.find((c) => c.text === 'past dawn')?.italic).toBe(true);
  });

  it('leaves English punctuation and URLs as typed', () => {
    expect(texts(result)[0][6]).toBe(
      'The House takes up the bill on Friday; details at https://example.com/a,b.',
    );
    expect(result.report.punctuationFixed).toBe(0);
  });
});

describe('English plain text', () => {
  it('recognises the headline, the By line and the dateline without any marks', () => {
    const result = importText(
      'Senate passes budget\n\nBy Jane Doe\n\nWASHINGTON — The Senate passed the budget\non Tuesday.\n\nThe vote was close.\n',
    );
    expect(roles(result)).toEqual([['headline', 'byline', 'lead-in', 'body', 'body']]);
    expect(texts(result)[0][3]).toBe('The Senate passed the budget on Tuesday.');
  });
});

describe('Chinese Markdown', () => {
  it('uses heading levels when the copy has no lead-ins: # opens a story, ## is a section head', () => {
    const result = importMarkdown(
      '# 第一篇\n\n正文第一段。\n\n## 小标题\n\n正文第二段，\n接着写完。\n\n# 第二篇\n\n另一篇的正文。\n',
    );
    expect(result.stories.map((s) => s.name)).toEqual(['第一篇', '第二篇']);
    expect(roles(result)).toEqual([
      ['headline', 'body', 'section-head', 'body'],
      ['headline', 'body'],
    ]);
    // Soft-wrapped Chinese lines join without a space.
    expect(texts(result)[0][3]).toBe('正文第二段，接着写完。');
  });

  it('takes a kicker above and a subheadline below the headline', () => {
    const result = importMarkdown(
      '## 聚焦三大百日行动 助推经济高质量发展\n## 示范区全力以赴谋发展\n## ——记示范区经济发展提升百日行动\n\n本报讯(记者 张三)正文。\n',
    );
    expect(roles(result)).toEqual([['kicker', 'headline', 'subheadline', 'lead-in', 'body']]);
    expect(result.stories[0].name).toBe('示范区全力以赴谋发展');
  });

  it('recognises other lead-ins and bylines the desk writes', () => {
    const result = importText(
      '## 标题一\n\n本报郑州12月20日电(记者 李四)正文一。\n\n## 标题二\n\n本报记者 王五 文/图\n\n正文二。\n',
    );
    expect(roles(result)).toEqual([
      ['headline', 'lead-in', 'body'],
      ['headline', 'byline', 'body'],
    ]);
    expect(texts(result)[0][1]).toBe('本报郑州12月20日电（记者 李四）');
  });

  it('keeps text before the first headline as an untitled story and says so', () => {
    const result = importText('没有标题的一段文字。\n\n## 标题\n\n本报讯(记者 张三)正文。\n');
    expect(result.stories).toHaveLength(2);
    expect(roles(result)[0]).toEqual(['body']);
    expect(result.report.notes[0]).toMatch(/line 1/);
  });
});

describe('inline Markdown', () => {
  it('reads bold, italic, links, escapes and leaves snake_case alone', () => {
    expect(parseInline('a **b** *c* [d](http://x) \\*e\\* snake_case')).toEqual([
      { text: 'a ' },
      { text: 'b', bold: true },
      { text: ' ' },
      { text: 'c', italic: true },
      { text: ' d *e* snake_case' },
    ]);
  });
});

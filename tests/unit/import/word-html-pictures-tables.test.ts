/**
 * The HTML mammoth makes of Word, read as a desk would: pictures become
 * photos of the story they stand in (captioned by the line after them when
 * it reads like a caption), tables become one paragraph a row with the cells
 * apart, and neither is glued to the text around it.
 */
import { describe, expect, it } from 'vitest';
import { importWordHtml, runsText } from '../../../shared/import';
import { parseHtml } from '../../../shared/import/parse-html';
import { looksLikeCaptionAfterImage } from '../../../shared/import/patterns';

const texts = (html: string) =>
  parseHtml(html).paragraphs.map((p) => (p.image !== undefined ? `[image ${p.image}]` : runsText(p.runs)));

describe('Word tables', () => {
  it('read row by row, the cells of a Chinese table apart by an ideographic space, others by a bar', () => {
    expect(
      texts(
        '<table><tr><td><p>项目</p></td><td><p>进度</p></td></tr><tr><td><p>智慧岛</p></td><td><p><strong>完工</strong></p></td></tr></table>',
      ),
    ).toEqual(['项目\u3000进度', '智慧岛\u3000完工']);
    expect(
      texts('<table><tr><th>Ward</th><th>Votes</th></tr><tr><td>North</td><td>5</td></tr></table>'),
    ).toEqual(['Ward | Votes', 'North | 5']);
    const bold = parseHtml('<table><tr><td>智慧岛</td><td><strong>完工</strong></td></tr></table>')
      .paragraphs[0];
    expect(bold.role).toBe('table-row');
    expect(bold.runs).toEqual([{ text: '智慧岛\u3000' }, { text: '完工', bold: true }]);
  });

  it('keep a cell’s paragraphs and a nested table in the cell, empty cells as gaps, empty rows out', () => {
    expect(
      texts(
        '<table><tr><td><p>a</p><p>b</p></td><td></td><td><table><tr><td>x</td><td>y</td></tr></table></td></tr><tr><td> </td></tr></table>',
      ),
    ).toEqual(['a b |  | x | y']);
  });

  it('are not joined to the paragraph before or after, nor read as captions or headings', () => {
    const result = importWordHtml(
      '<h1>万达广场进入收尾阶段</h1><p>本报讯（记者 姬慧洋）各项目进度如下</p>' +
        '<table><tr><td>项目</td><td>进度</td></tr></table><p>项目预计本月底正式开业</p><p>全文完。</p>',
    );
    const [story] = result.stories;
    expect(story.blocks.map((b) => [b.type, runsText(b.children)])).toEqual([
      ['headline', '万达广场进入收尾阶段'],
      ['lead-in', '本报讯（记者 姬慧洋）'],
      ['body', '各项目进度如下'],
      ['body', '项目\u3000进度'],
      ['body', '项目预计本月底正式开业全文完。'],
    ]);
    expect(story.captions).toEqual([]);
    expect(result.report.tableRows).toBe(1);
  });
});

describe('Word pictures', () => {
  it('stand on their own between the text before and after them', () => {
    expect(
      texts('<p>前文<img src="folio-image:0" alt="x" />后文</p><p><img src="folio-image:1"/></p>'),
    ).toEqual(['前文', '[image 0]', '后文', '[image 1]']);
    // Only the pictures read-docx named are pictures.
    expect(texts('<p><img src="data:image/png;base64,AAAA"/>文字</p>')).toEqual(['文字']);
  });

  it('take the caption after them, and a picture above the headline belongs to the story below it', () => {
    const result = importWordHtml(
      '<p><img src="folio-image:0"/></p><p>（记者 张三 摄）</p>' +
        '<h1>万达广场进入收尾阶段</h1><p>本报讯（记者 姬慧洋）运输车辆来回穿梭，施工机械紧张作业，工人们正在安装外立面幕墙，整个工地一派繁忙景象。</p>' +
        '<p><img src="folio-image:1"/></p><p>工人正在安装外立面幕墙。</p><p>项目预计本月底正式开业，届时将为市民提供购物、餐饮、娱乐一站式服务。</p>',
    );
    const [story] = result.stories;
    expect(result.stories.length).toBe(1);
    expect(story.captions.map((c) => [c.image, c.blocks.map((b) => runsText(b.children)).join('')])).toEqual([
      [0, '（记者 张三 摄）'],
      [1, '工人正在安装外立面幕墙。'],
    ]);
    expect(story.blocks.map((b) => b.type)).toEqual(['headline', 'lead-in', 'body', 'body']);
    expect(result.report.notes).toEqual([]);
  });

  it('read a caption by its words or its shortness, not a long paragraph', () => {
    expect(looksLikeCaptionAfterImage('图为志愿者向居民发放宣传单。')).toBe(true);
    expect(looksLikeCaptionAfterImage('上图：施工现场')).toBe(true);
    expect(looksLikeCaptionAfterImage('Firefighters at the scene on Tuesday. (AP Photo/Jane Doe)')).toBe(
      true,
    );
    expect(looksLikeCaptionAfterImage('Photo: the new bridge')).toBe(true);
    expect(
      looksLikeCaptionAfterImage(
        '区经济发展提升百日行动领导小组闻令而动，迅速成立工作专班，细化任务清单，明确时间节点，全力推进各项工作。',
      ),
    ).toBe(false);
    expect(
      looksLikeCaptionAfterImage(
        'The council voted on Tuesday to build a new bridge over the river, ending a debate that had lasted for more than a decade.',
      ),
    ).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { fixPunctuation } from '../../../shared/import';

describe('half-width punctuation in Chinese text', () => {
  it('becomes full-width next to Han characters', () => {
    expect(fixPunctuation('示范区:真抓实干')).toBe('示范区：真抓实干');
    expect(fixPunctuation('已建成,签约入驻;完成!好吗?')).toBe('已建成，签约入驻；完成！好吗？');
    expect(fixPunctuation('本报讯(记者 姬慧洋)开展')).toBe('本报讯（记者 姬慧洋）开展');
  });

  it('drops the spaces typed around a mark it makes full-width', () => {
    expect(fixPunctuation('本报讯 (记者 姬慧洋) 开展')).toBe('本报讯（记者 姬慧洋）开展');
    expect(fixPunctuation('已建成, 签约')).toBe('已建成，签约');
  });

  it('looks through quotes to decide', () => {
    expect(fixPunctuation('画好“同心圆”,共同')).toBe('画好“同心圆”，共同');
  });

  it('never touches numbers', () => {
    expect(fixPunctuation('投资21.8亿元')).toBe('投资21.8亿元');
    expect(fixPunctuation('共1,000人参加')).toBe('共1,000人参加');
    expect(fixPunctuation('12:30开会')).toBe('12:30开会');
    expect(fixPunctuation('完成90%,规划')).toBe('完成90%，规划');
    expect(fixPunctuation('截至目前,13个')).toBe('截至目前，13个');
  });

  it('leaves Latin phrases and URLs alone', () => {
    expect(fixPunctuation('Hello, world (again)!')).toBe('Hello, world (again)!');
    expect(fixPunctuation('详见https://example.com/a?b=1,2;c=(3)')).toBe(
      '详见https://example.com/a?b=1,2;c=(3)',
    );
    expect(fixPunctuation('请发邮件至news@example.cn,谢谢')).toBe('请发邮件至news@example.cn，谢谢');
    expect(fixPunctuation('他说:“OK, fine.”')).toBe('他说：“OK, fine.”');
  });

  it('sets a bracket pair full-width when it holds Chinese, as a pair', () => {
    expect(fixPunctuation('Folio(排版软件)')).toBe('Folio（排版软件）');
    expect(fixPunctuation('美联社(AP)报道')).toBe('美联社（AP）报道');
  });
});

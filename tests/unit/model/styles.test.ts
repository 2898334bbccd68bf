import { describe, expect, it } from 'vitest';
import { createDefaultStyleSheets } from '../../../shared/model/defaults';
import { resolveCharacterStyle, resolveParagraphStyle } from '../../../shared/model/styles';
import type { StyleSheets } from '../../../shared/model/types';

function sheets(): StyleSheets {
  const styles = createDefaultStyleSheets('zh-Hans');
  styles.paragraph['ps-body-tight'] = { id: 'ps-body-tight', name: 'Tight', basedOn: 'ps-body', leading: 12 };
  styles.paragraph['ps-body-tight-red'] = {
    id: 'ps-body-tight-red',
    name: 'Tight red',
    basedOn: 'ps-body-tight',
    color: { swatchId: 'news-red', tint: 100 },
  };
  return styles;
}

describe('paragraph style resolution', () => {
  it('uses the role default when a block names no style', () => {
    const styles = sheets();
    expect(resolveParagraphStyle(styles, { type: 'caption' }).fontFamily).toBe('Noto Sans SC');
    expect(resolveParagraphStyle(styles, { type: 'body' }).leading).toBe(13.5);
  });

  it('follows the block style through its basedOn chain, nearest style winning', () => {
    const props = resolveParagraphStyle(sheets(), { type: 'body', styleId: 'ps-body-tight-red' });
    expect(props.leading).toBe(12);
    expect(props.color.swatchId).toBe('news-red');
    expect(props.firstLineIndent).toEqual({ value: 2, unit: 'em' }); // from ps-body
    expect(props.fontFamily).toBe('Noto Serif SC');
  });

  it('lays a block style over the role default where the block style is silent', () => {
    const styles = sheets();
    styles.paragraph['ps-lonely'] = { id: 'ps-lonely', name: 'Lonely', basedOn: null, fontSize: 20 };
    const props = resolveParagraphStyle(styles, { type: 'headline', styleId: 'ps-lonely' });
    expect(props.fontSize).toBe(20);
    expect(props.fontFamily).toBe('Noto Sans SC'); // from the headline role style
  });

  it('survives basedOn cycles and missing styles', () => {
    const styles = sheets();
    styles.paragraph['ps-a'] = { id: 'ps-a', name: 'A', basedOn: 'ps-b', fontSize: 11 };
    styles.paragraph['ps-b'] = { id: 'ps-b', name: 'B', basedOn: 'ps-a', leading: 15 };
    const props = resolveParagraphStyle(styles, { type: 'body', styleId: 'ps-a' });
    expect(props.fontSize).toBe(11);
    expect(props.leading).toBe(15);
    expect(resolveParagraphStyle(styles, { type: 'body', styleId: 'ps-missing' }).leading).toBe(13.5);
  });

  it('is memoised per style sheets object and forgets when the sheets are replaced', () => {
    const styles = sheets();
    const first = resolveParagraphStyle(styles, { type: 'body' });
    expect(resolveParagraphStyle(styles, { type: 'body' })).toBe(first);
    const edited: StyleSheets = {
      ...styles,
      paragraph: { ...styles.paragraph, 'ps-body': { ...styles.paragraph['ps-body'], leading: 14 } },
    };
    expect(resolveParagraphStyle(edited, { type: 'body' }).leading).toBe(14);
    expect(Object.isFrozen(first)).toBe(true);
  });
});

describe('character style resolution', () => {
  it('maps bold and italic marks onto weight and italic', () => {
    const styles = sheets();
    const body = resolveParagraphStyle(styles, { type: 'body' });
    expect(resolveCharacterStyle(styles, body, {}).fontWeight).toBe(400);
    expect(resolveCharacterStyle(styles, body, { bold: true }).fontWeight).toBe(700);
    expect(resolveCharacterStyle(styles, body, { italic: true }).italic).toBe(true);
    const banner = resolveParagraphStyle(styles, { type: 'banner' });
    expect(resolveCharacterStyle(styles, banner, { bold: true }).fontWeight).toBe(900); // never lighter
  });

  it('applies the run’s character style chain over the paragraph', () => {
    const styles = sheets();
    styles.character['cs-red-big'] = { id: 'cs-red-big', name: 'Red big', basedOn: 'cs-red', fontSize: 12 };
    const body = resolveParagraphStyle(styles, { type: 'body' });
    const props = resolveCharacterStyle(styles, body, { charStyleId: 'cs-red-big', bold: true });
    expect(props).toMatchObject({
      fontSize: 12,
      fontWeight: 700,
      fontFamily: 'Noto Serif SC',
      baselineShift: 0,
    });
    expect(props.color.swatchId).toBe('news-red');
    expect(resolveCharacterStyle(styles, body, { charStyleId: 'cs-red-big', bold: true })).toBe(props);
  });
});

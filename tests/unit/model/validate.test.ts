import { describe, expect, it } from 'vitest';
import { validateEdition, type ValidationIssue } from '../../../shared/model/validate';
import type { Edition } from '../../../shared/model/types';
import { clone, sampleEdition } from './fixtures';

/** Validates a damaged copy of the sample edition and returns its issues. */
function issuesAfter(damage: (e: Edition & Record<string, unknown>) => void): ValidationIssue[] {
  const edition = clone(sampleEdition()) as Edition & Record<string, unknown>;
  damage(edition);
  const result = validateEdition(edition);
  return result.ok ? [] : result.issues;
}

describe('edition validation', () => {
  it('accepts the sample edition', () => {
    expect(issuesAfter(() => {})).toEqual([]);
  });

  it('names the JSON path of a value of the wrong shape', () => {
    expect(issuesAfter((e) => ((e.pages[0].frames[0] as { width: unknown }).width = 'wide'))).toEqual([
      { path: 'pages[0].frames[0].width', message: expect.any(String) },
    ]);
    expect(issuesAfter((e) => ((e.pages[1] as { columns: number }).columns = 0))[0].path).toBe(
      'pages[1].columns',
    );
    expect(issuesAfter((e) => (e.stories['st-lead'].blocks[0].type = 'poem' as never))[0].path).toBe(
      'stories["st-lead"].blocks[0].type',
    );
    expect(issuesAfter((e) => delete (e as Partial<Edition>).meta)[0].path).toBe('meta');
    expect(issuesAfter((e) => (e.meta.date = '21/12/2022'))[0]).toEqual({
      path: 'meta.date',
      message: 'must be a date as yyyy-mm-dd',
    });
  });

  it('refuses asset paths that leave the package', () => {
    for (const path of [
      'assets/../../etc/passwd',
      '/etc/passwd',
      'assets\\x.jpg',
      'C:/x.jpg',
      'assets/sub/x.jpg',
      'assets/..',
    ]) {
      const issues = issuesAfter((e) => (e.assets['as-1'].path = path));
      expect(issues.map((i) => i.path)).toEqual(['assets["as-1"].path']);
    }
  });

  it('checks threads: frames exist, are text frames, and are in one thread only', () => {
    expect(issuesAfter((e) => e.stories['st-lead'].thread.push('fr-nowhere'))).toEqual([
      { path: 'stories["st-lead"].thread[2]', message: 'frame "fr-nowhere" does not exist' },
    ]);
    expect(issuesAfter((e) => e.stories['st-lead'].thread.push('fr-photo'))).toEqual([
      {
        path: 'stories["st-lead"].thread[2]',
        message: 'frame "fr-photo" is a image frame, not a text frame',
      },
    ]);
    expect(issuesAfter((e) => e.stories['st-caption'].thread.push('fr-a'))).toEqual([
      {
        path: 'stories["st-caption"].thread[1]',
        message: 'frame "fr-a" is already in the thread of story "st-lead"',
      },
    ]);
  });

  it('checks that referenced assets, stories, masters, styles and swatches exist', () => {
    const paths = (damage: (e: Edition) => void) => issuesAfter(damage).map((i) => i.path);
    expect(paths((e) => delete e.assets['as-1'])).toEqual(['pages[0].frames[1].assetId']);
    expect(paths((e) => delete e.stories['st-caption'])).toEqual(['pages[0].frames[1].captionStoryId']);
    expect(paths((e) => (e.pages[1].masterId = 'ms-gone'))).toEqual(['pages[1].masterId']);
    expect(paths((e) => delete e.styles.paragraph['ps-body-tight'])).toEqual([
      'stories["st-lead"].blocks[4].styleId',
    ]);
    expect(paths((e) => (e.styles.paragraph['ps-body-tight'].basedOn = 'ps-nope'))).toEqual([
      'styles.paragraph["ps-body-tight"].basedOn',
    ]);
    expect(paths((e) => delete e.styles.paragraph['ps-caption'])).toEqual(['styles.roleStyles.caption']);
    expect(paths((e) => (e.stories['st-lead'].blocks[2].children[1].charStyleId = 'cs-x'))).toEqual([
      'stories["st-lead"].blocks[2].children[1].charStyleId',
    ]);
    expect(paths((e) => delete e.styles.swatches['news-red'])).toEqual(
      expect.arrayContaining([
        'styles.paragraph["ps-banner"].color.swatchId',
        'styles.character["cs-red"].color.swatchId',
      ]),
    );
  });

  it('finds basedOn loops and duplicate ids', () => {
    const loop = issuesAfter((e) => {
      e.styles.paragraph['ps-body'].basedOn = 'ps-body-tight';
    });
    expect(loop.map((i) => i.message)).toContain('the basedOn chain of "ps-body" loops back on itself');
    // fr-b is renamed to a duplicate, so the thread naming fr-b breaks as well.
    expect(issuesAfter((e) => (e.pages[1].frames[0].id = 'fr-a')).map((i) => i.path)).toEqual([
      'pages[1].frames[0].id',
      'stories["st-lead"].thread[1]',
    ]);
    expect(issuesAfter((e) => (e.pages[1].id = e.pages[0].id)).map((i) => i.path)).toEqual(['pages[1].id']);
    expect(issuesAfter((e) => (e.stories['st-lead'].id = 'st-other')).map((i) => i.path)).toContain(
      'stories["st-lead"].id',
    );
  });

  it('refuses a "__proto__" key instead of silently losing what is under it', () => {
    const text = JSON.stringify(clone(sampleEdition())).replace(
      '"stories":{',
      '"stories":{"__proto__":{"id":"x"},',
    );
    const result = validateEdition(JSON.parse(text));
    expect(result.ok ? [] : result.issues).toEqual([
      { path: 'stories.__proto__', message: 'the key "__proto__" is not allowed' },
    ]);
  });

  it('keeps fields it does not know instead of dropping them', () => {
    const edition = clone(sampleEdition()) as Edition & { future?: string };
    edition.future = 'kept';
    (edition.pages[0] as unknown as Record<string, unknown>).note = 'also kept';
    const result = validateEdition(edition);
    expect(result.ok && (result.edition as Edition & { future?: string }).future).toBe('kept');
    expect(result.ok && (result.edition.pages[0] as unknown as Record<string, unknown>).note).toBe(
      'also kept',
    );
  });
});

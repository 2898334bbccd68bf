import { describe, expect, it } from 'vitest';
import { describeFailure } from '../../../main/services/user-errors';
import { ImportFileError } from '../../../main/import/errors';
import { FolioFileError } from '../../../shared/model/package/errors';
import { errorText, LocalizedError } from '../../../shared/services/locales/localized-error';
import { failureError } from '../../../shared/services/service-failure';

/** What the renderer shows for an error main raised: through the host's failure and back. */
const shown = (error: unknown, language: 'zh-Hans' | 'en') =>
  errorText(failureError(describeFailure(error)), language);

describe('errors of the main process, as the user reads them', () => {
  it('names a file that cannot be opened in the UI language', () => {
    const error = new FolioFileError('/news/a.folio', 'not-found', 'cannot read: file not found');
    expect(failureError(describeFailure(error))).toBeInstanceOf(LocalizedError);
    expect(shown(error, 'en')).toBe('/news/a.folio: no such file');
    expect(shown(error, 'zh-Hans')).toBe('/news/a.folio：文件不存在');
  });

  it('keeps the technical detail of a damaged file, in brackets', () => {
    const error = new FolioFileError(
      '/news/a.folio',
      'invalid-edition',
      'pages.0.frames.2.x: expected number',
    );
    expect(shown(error, 'zh-Hans')).toBe(
      '/news/a.folio：其中的版面数据无效（pages.0.frames.2.x: expected number）',
    );
  });

  it('says what could not be imported', () => {
    expect(shown(new ImportFileError('/copy/a.rtf', 'unsupported file type .rtf'), 'en')).toBe(
      '/copy/a.rtf: cannot be imported (unsupported file type .rtf)',
    );
  });

  it('shows anything else as unexpected, with its own words', () => {
    expect(shown(new Error('disk on fire'), 'zh-Hans')).toBe('出错了（disk on fire）');
    expect(describeFailure(new Error('disk on fire'))).toEqual({ message: 'disk on fire' });
  });
});

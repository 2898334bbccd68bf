/**
 * The built-in sample edition: the sample page's copy imported and placed as
 * the front of a section of a Chinese city paper — banner across the top,
 * lead story under it, six shorter stories in modules (three under their
 * department labels), two photos with their captions, and the folio line
 * from the master page. The photos' frames are left empty here; main/sample
 * fills them with generated placeholder pictures.
 */
import type { EditionMeta } from '../model/types';
import { sequentialIds } from '../model/ids';
import { importText } from '../import/import-copy';
import type { ImportResult } from '../import/types';
import { SAMPLE_PAGE_TEXT } from './seed-text';
import { type PlacedEdition, placeStories } from './place-stories';

/**
 * The sample's masthead data. The copy comes from a Zhoukou city paper; the
 * paper name is a plausible one for it, and the edition name says that this
 * is a sample page (样张), not a real issue.
 */
export const SAMPLE_META: Omit<EditionMeta, 'language'> = {
  paperName: '周口晚报',
  date: '2022-12-21',
  issueNumber: 6218,
  editionName: '样张 · Folio 示例',
};

/** The section label in the sample page's folio line. */
export const SAMPLE_SECTION = '示范区新闻';

export interface SampleEdition extends PlacedEdition {
  /** What the importer recognised in the sample copy. */
  imported: ImportResult;
}

/** Builds the sample edition (deterministic: the same ids and geometry every time). */
export function buildSampleEdition(): SampleEdition {
  const imported = importText(SAMPLE_PAGE_TEXT, { language: 'zh-Hans' });
  const placed = placeStories(imported, {
    language: 'zh-Hans',
    preset: 'cn-broadsheet',
    meta: SAMPLE_META,
    section: SAMPLE_SECTION,
    ids: sequentialIds(),
  });
  placed.edition.id = 'ed-sample';
  return { ...placed, imported };
}

/**
 * Copy checks: the proofreading half of preflight. Each check can be
 * switched off per edition (edition.copyChecks.off) and each finding points
 * at its text (story, paragraph, offset, page, excerpt); where a fix is
 * certain it carries the replacement, which `copyFixOperations` turns into
 * a model operation.
 */
import { copyCheckOn, houseListOf } from '../../model/copy-check-settings';
import type { CopyCheckId, Id } from '../../model/types';
import type { PreflightFinding, PreflightInput } from '../types';
import { CopyScan } from './copy-scan';
import { doubled } from './doubled';
import { halfwidthPunctuation } from './halfwidth-punctuation';
import { hanSpaces } from './han-spaces';
import { houseStyle } from './house-style';
import { mixedWidth } from './mixed-width';
import { spelling } from './spelling';
import { straightQuotes } from './straight-quotes';
import { unpairedMarks } from './unpaired-marks';

export { copyFixOperations, addToDictionaryOperation } from './fix';

export function runCopyChecks(input: PreflightInput, names: Map<Id, string>): PreflightFinding[] {
  const settings = input.edition.copyChecks;
  const on = (id: CopyCheckId) => copyCheckOn(settings, id);
  const scan = new CopyScan(input, names);
  const out: PreflightFinding[] = [];
  if (on('halfwidth-punctuation')) out.push(...halfwidthPunctuation(scan));
  if (on('unpaired-marks')) out.push(...unpairedMarks(scan));
  if (on('mixed-width')) out.push(...mixedWidth(scan));
  if (on('doubled')) out.push(...doubled(scan));
  if (on('han-spaces')) out.push(...hanSpaces(scan));
  if (on('straight-quotes')) out.push(...straightQuotes(scan));
  if (on('spelling') && input.speller)
    out.push(
      ...spelling(scan, input.speller, [...(settings?.dictionary ?? []), ...(input.userDictionary ?? [])]),
    );
  if (on('house-style')) out.push(...houseStyle(scan, houseListOf(settings)));
  return out;
}

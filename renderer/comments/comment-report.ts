/**
 * What Import PDF Comments tells the user: one summary (how many notes came
 * in, on text or on page points, replies, already there, skipped), then one
 * line per skipped comment saying why — at most a few, the rest counted.
 * Put into words when shown, so the notices follow the UI language.
 */
import type { i18n } from 'i18next';
import type { CommentImportReport } from '../../shared/services/api';
import type { UiText } from '../i18n/ui-text';

/** Skipped comments listed one by one; more are counted in one line. */
export const SKIPPED_SHOWN = 4;

export function importSummary(report: CommentImportReport): UiText {
  return (t: i18n) => {
    const notes = report.onText + report.onPoints;
    if (notes === 0 && report.replies === 0 && report.existing === 0 && report.skipped.length === 0)
      return t.t('comments.none', { file: report.file });
    const parts = [
      t.t('comments.summary.where', { onText: report.onText, onPoints: report.onPoints }),
      ...(report.replies ? [t.t('comments.summary.replies', { count: report.replies })] : []),
      ...(report.existing ? [t.t('comments.summary.existing', { count: report.existing })] : []),
      ...(report.skipped.length ? [t.t('comments.summary.skipped', { count: report.skipped.length })] : []),
    ];
    const head = t.t('comments.summary.notes', { count: notes, file: report.file });
    return t.language === 'zh-Hans' ? `${head}（${parts.join('；')}）` : `${head} (${parts.join('; ')})`;
  };
}

/** One line per skipped comment (the first few), then how many more. */
export function skippedLines(report: CommentImportReport): UiText[] {
  const lines: UiText[] = report.skipped.slice(0, SKIPPED_SHOWN).map((item) => (t: i18n) => {
    const known = t.exists(`comments.kind.${item.subtype}`);
    return t.t('comments.skipped', {
      page: item.sheet,
      kind: t.t(known ? `comments.kind.${item.subtype}` : 'comments.kind.other'),
      by: item.author ? t.t('comments.skipped.by', { author: item.author }) : '',
      quote: item.contents ? t.t('comments.skipped.quote', { text: item.contents }) : '',
      reason: t.t(`comments.reason.${item.reason}`, { state: item.state ?? '' }),
    });
  });
  const more = report.skipped.length - SKIPPED_SHOWN;
  if (more > 0) lines.push({ key: 'comments.skipped.more', values: { count: more } });
  return lines;
}

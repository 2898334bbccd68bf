/**
 * Field values for folio lines on master pages (报眉): paper name, date,
 * issue number, edition name, page number and section, per page.
 */
import type { Edition, FieldName, Page } from '../../model/types';
import { pageLabels, sectionName } from '../../model/plan';

export type FieldValues = Record<FieldName, string>;

const WEEKDAYS_ZH = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * The date as a newspaper prints it: `2022年12月23日 星期五` or
 * `Friday, December 23, 2022`. Computed from the ISO date alone (UTC), so the
 * same edition gives the same text on every machine; an unparseable date is
 * printed as written.
 */
export function formatEditionDate(iso: string, language: 'zh-Hans' | 'en'): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  if (Number.isNaN(weekday)) return iso;
  if (language === 'zh-Hans') return `${year}年${month}月${day}日 ${WEEKDAYS_ZH[weekday]}`;
  return `${WEEKDAYS_EN[weekday]}, ${MONTHS_EN[month - 1]} ${day}, ${year}`;
}

/**
 * The values of every field on the page at `pageIndex` (zero-based). The
 * page number is the plan's (A01 … in a section with a prefix, else the
 * page's place) and the section the plan section's name, else the page's
 * own label. `labels` (pageLabels(edition)) saves working them out per page.
 */
export function fieldValues(
  edition: Edition,
  page: Page,
  pageIndex: number,
  formatDate: (iso: string, language: 'zh-Hans' | 'en') => string = formatEditionDate,
  labels: readonly string[] = pageLabels(edition),
): FieldValues {
  const { meta } = edition;
  return {
    paperName: meta.paperName,
    date: formatDate(meta.date, meta.language),
    issueNumber: String(meta.issueNumber),
    editionName: meta.editionName,
    pageNumber: labels[pageIndex] ?? String(pageIndex + 1),
    section: sectionName(edition, page),
  };
}

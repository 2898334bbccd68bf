/**
 * The edition's copy-check settings (preflight's proofreading checks): which
 * checks are switched off, the house list of preferred forms (其它 → 其他),
 * and the words the spelling check accepts in this edition. Optional on the
 * edition (`edition.copyChecks`): absent means every check on, the default
 * house list and no extra words, so files without it read as before.
 */
import { z } from 'zod';

export const COPY_CHECK_IDS = [
  'halfwidth-punctuation',
  'unpaired-marks',
  'mixed-width',
  'doubled',
  'han-spaces',
  'straight-quotes',
  'spelling',
  'house-style',
] as const;

export type CopyCheckId = (typeof COPY_CHECK_IDS)[number];

/** One house-style rule: text to look for and the preferred form. */
export interface HouseRule {
  from: string;
  to: string;
}

export interface CopyCheckSettings {
  /** Checks switched off for this edition. */
  off?: CopyCheckId[];
  /** Preferred forms; absent: DEFAULT_HOUSE_LIST. */
  houseList?: HouseRule[];
  /** Words the spelling check accepts in this edition (the user's own list lives in preferences). */
  dictionary?: string[];
}

/**
 * The house list a new edition starts with: forms the national standards
 * (《通用规范汉字表》, 《第一批异形词整理表》) and most newsroom style books
 * prefer, and a few classic misspellings (错别字) of set phrases.
 */
export const DEFAULT_HOUSE_LIST: readonly HouseRule[] = [
  { from: '其它', to: '其他' },
  { from: '惟一', to: '唯一' },
  { from: '渡假', to: '度假' },
  { from: '侯车', to: '候车' },
  { from: '按装', to: '安装' },
  { from: '再接再励', to: '再接再厉' },
  { from: '迫不急待', to: '迫不及待' },
  { from: '一愁莫展', to: '一筹莫展' },
  { from: '谈笑风声', to: '谈笑风生' },
  { from: '既往不究', to: '既往不咎' },
];

export const houseRuleSchema = z.looseObject({ from: z.string().min(1).max(200), to: z.string().max(200) });

export const copyCheckSettingsSchema = z.looseObject({
  off: z.array(z.enum(COPY_CHECK_IDS)).optional(),
  houseList: z.array(houseRuleSchema).max(5000).optional(),
  dictionary: z.array(z.string().min(1).max(100)).max(100_000).optional(),
});

/** Whether a check runs for an edition. */
export function copyCheckOn(settings: CopyCheckSettings | undefined, id: CopyCheckId): boolean {
  return !settings?.off?.includes(id);
}

/** The house list in force: the edition's, or the default. Rules that change nothing are dropped. */
export function houseListOf(settings: CopyCheckSettings | undefined): readonly HouseRule[] {
  return (settings?.houseList ?? DEFAULT_HOUSE_LIST).filter((rule) => rule.from !== rule.to);
}

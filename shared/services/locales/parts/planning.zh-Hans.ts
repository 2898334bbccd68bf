/** Simplified Chinese strings of edition planning (issue 13). */
import type { planningEn } from './planning.en';

export const planningZh: Record<keyof typeof planningEn, string> = {
  'copyfit.shortColumns': '，{{columns}} 栏各空 {{per}} 行',
  'copyfit.shortCharacters': '，约可再补 {{add}} 字',
};

/** Simplified Chinese strings of jump lines (转版). */
import type { jumpLinesEn } from './jumplines.en';

export const jumpLinesZh: Record<keyof typeof jumpLinesEn, string> = {
  'step.continueOnPage': '转至他版',
  'step.jumpLines': '转版设置',
  'jumpLines.continueOn': '转至',
  'jumpLines.pageOption': '{{label}}版',
  'jumpLines.continue': '转版',
  'jumpLines.continueHint': '稿件余下部分转入该版一个同样的新文本框；转版行随版号自动更新。',
  'jumpLines.enabled': '转版行（下转／上接第…版）',
  'jumpLines.skipConsecutive': '相邻两版之间不加',
  'jumpLines.continuedOn': '“下转”用语',
  'jumpLines.continuedFrom': '“上接”用语',
  'jumpLines.wordingHint': '{{field}} 为版号；留空则按版面语言',
};

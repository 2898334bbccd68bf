/** Simplified Chinese strings of the app shell: start-up, help and drop notices. */
import type { shellEn } from './shell.en';

export const shellZh: Record<keyof typeof shellEn, string> = {
  'app.startFailed': 'Folio 无法启动：{{detail}}',
  'app.composeFailed': '无法排版：字体或字形引擎未能加载（{{detail}}）',
  'dialog.dropInBrowser': '浏览器不会告诉 Folio 拖入文件的位置：请用“文件 ▸ 打开…”或“文件 ▸ 导入…”',
  'status.composeTime': '{{ms}} 毫秒',
  'dialog.filter.edition': 'Folio 版面',
  'dialog.filter.copy': '稿件（纯文本、Markdown、Word）',
  'textLanguage.zh-Hans': '中文',
  'textLanguage.en': '英文',
};

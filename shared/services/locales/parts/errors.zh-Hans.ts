/** Simplified Chinese messages for what the host could not do with a file. */
import type { errorsEn } from './errors.en';

export const errorsZh: Record<keyof typeof errorsEn, string> = {
  'error.file.not-found': '{{file}}：文件不存在',
  'error.file.unreadable': '{{file}}：无法读取文件（{{detail}}）',
  'error.file.not-a-zip': '{{file}}：不是 Folio 文件',
  'error.file.truncated': '{{file}}：文件不完整（已损坏或未复制完）',
  'error.file.unsafe-entry': '{{file}}：文件包中有 Folio 拒绝读取的条目（{{detail}}）',
  'error.file.too-large': '{{file}}：文件过大，无法打开（{{detail}}）',
  'error.file.too-many-entries': '{{file}}：文件包条目过多，不是 Folio 文件',
  'error.file.corrupt-entry': '{{file}}：文件有部分已损坏（{{detail}}）',
  'error.file.missing-edition': '{{file}}：不是 Folio 文件（其中没有版面）',
  'error.file.bad-json': '{{file}}：其中的版面已损坏（{{detail}}）',
  'error.file.invalid-edition': '{{file}}：其中的版面数据无效（{{detail}}）',
  'error.file.version-too-new': '{{file}}：由较新版本的 Folio 保存，请更新 Folio 后再打开（{{detail}}）',
  'error.file.missing-asset': '{{file}}：文件中缺少版面需要的图片（{{detail}}）',
  'error.file.write-failed': '{{file}}：未能保存（{{detail}}）',
  'error.import': '{{file}}：无法导入（{{detail}}）',
  'error.export.preflight': '未导出：印前检查发现 {{count}} 个错误（“文件 ▸ 印前检查”可列出）',
  'error.export.preflight_one': '未导出：印前检查发现 1 个错误（“文件 ▸ 印前检查”可列出）',
  'error.export.write': 'PDF 未能写出（{{detail}}）',
};

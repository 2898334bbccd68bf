/**
 * Doubled punctuation and doubled characters or words: ，， 。。 、， …,
 * 的的, 建设建设, "the the". Chinese doubles a great deal on purpose —
 * reduplication (常常, 人人, 层层, 谢谢, 看看, 高高兴兴, 研究研究) and word
 * boundaries (各项|项目, 现在|在) — so this check does not flag every
 * repeated character (that would bury a page in false alarms): it flags
 *  - two stops in a row (，， 。， 、、 …; …… and —— are marks of their own);
 *  - a doubled function character that is almost never a word, less the
 *    words it does make (的的确确, 为了了解, 不了了之, 是是非非, 是否 …);
 *  - a character three times running (人人人), less laughter (哈哈哈);
 *  - a two-character word twice running (建设建设), less the verbs and
 *    adjectives that reduplicate so (研究研究, 雪白雪白) and 一X一X (一步一步);
 *  - an English word twice running (the the), less "had had" and "that that".
 * The fix removes the extra copy.
 */
import type { PreflightFinding } from '../types';
import type { CopyParagraph, CopyScan } from './copy-scan';

/** Stops that never stand twice in a row. */
const STOPS = /[，。、；：,;]{2,}/gu;

/** Function characters whose doubling is a slip; each with the words where the pair is right. */
const FUNCTION_DOUBLES: Record<string, RegExp> = {
  的: /的的确|的确的确/u,
  了: /了了解|了了之|了了分明|小时了了|了了然/u,
  是: /是是否|是是非/u,
  与: /^$/u,
  也: /^$/u,
  而: /^$/u,
  被: /被被告|被被迫/u,
  吗: /^$/u,
  呢: /^$/u,
  吧: /^$/u,
};

const TRIPLE_OK = new Set([...'哈呵嘿嘻啦嘀滴咚哒嗡呜啊嗯哼咯喔']);

/** Two-character words that reduplicate as ABAB (verbs: "try it a little"; adjectives: "very"). */
const ABAB_OK = new Set(
  (
    '研究 讨论 考虑 商量 休息 锻炼 活动 打扫 整理 学习 了解 介绍 检查 收拾 准备 练习 放松 交流 认识 ' +
    '体验 比较 参观 琢磨 打听 思考 教育 批评 表扬 关心 帮助 指导 欣赏 享受 感受 尝试 分析 总结 调查 ' +
    '走动 串门 溜达 比划 打理 梳理 慰问 问候 照顾 保养 按摩 活络 清理 修理 整顿 提醒 交代 嘱咐 安慰 ' +
    '鼓励 开导 考察 观察 思量 掂量 合计 核对 计算 测试 运动 暖和 凉快 热闹 高兴 轻松 清醒 明白 ' +
    '雪白 通红 冰凉 笔直 碧绿 火红 漆黑 雪亮 滚烫 冰冷 蜡黄 粉红 湛蓝 乌黑 喷香 透亮 煞白'
  ).split(' '),
);

const NUMERALS = /[一二三四五六七八九十两几每]/u;
const HAN_CHAR = /\p{Script=Han}/u;

export function doubled(scan: CopyScan): PreflightFinding[] {
  const out: PreflightFinding[] = [];
  const report = (
    p: CopyParagraph,
    offset: number,
    length: number,
    text: string,
    key: string,
    fix?: string,
  ) => out.push(scan.finding('doubled', p, offset, length, { text, key }, fix));

  for (const p of scan.paragraphs()) {
    const t = p.text;
    for (const m of t.matchAll(STOPS)) {
      const same = [...m[0]].every((c) => c === m[0][0]);
      report(
        p,
        m.index,
        m[0].length,
        'doubled punctuation',
        'copy.finding.doubledPunctuation',
        same ? m[0][0] : undefined,
      );
    }
    if (p.han) hanDoubles(p, report);
    for (const m of t.matchAll(/\b([A-Za-z]+)\s+\1\b/giu)) {
      const word = m[1].toLowerCase();
      if (word === 'had' || word === 'that') continue;
      report(p, m.index, m[0].length, `"${m[1]}" twice`, 'copy.finding.doubledWord', m[1]);
    }
  }
  return out;
}

function hanDoubles(
  p: CopyParagraph,
  report: (p: CopyParagraph, offset: number, length: number, text: string, key: string, fix?: string) => void,
): void {
  const t = p.text;
  for (let i = 0; i + 1 < t.length; i++) {
    const c = t[i];
    if (!HAN_CHAR.test(c)) continue;
    // Three times running.
    if (t[i + 1] === c && t[i + 2] === c) {
      let end = i + 3;
      while (t[end] === c) end++;
      if (!TRIPLE_OK.has(c))
        report(p, i, end - i, `"${c}" ${end - i} times`, 'copy.finding.doubledCharacter', c);
      i = end - 1;
      continue;
    }
    // A doubled function character.
    if (t[i + 1] === c && c in FUNCTION_DOUBLES) {
      const around = t.slice(Math.max(0, i - 2), i + 5);
      const aabb = t[i + 2] !== undefined && t[i + 2] === t[i + 3] && HAN_CHAR.test(t[i + 2]);
      const bbOfAabb = i >= 2 && t[i - 2] === t[i - 1] && HAN_CHAR.test(t[i - 1]);
      if (!aabb && !bbOfAabb && !FUNCTION_DOUBLES[c].test(around)) {
        report(p, i, 2, `"${c}${c}"`, 'copy.finding.doubledCharacter', c);
        i++;
        continue;
      }
    }
    // A two-character word twice: ABAB.
    const word = t.slice(i, i + 2);
    if (
      word.length === 2 &&
      HAN_CHAR.test(t[i + 1]) &&
      t[i] !== t[i + 1] &&
      t.slice(i + 2, i + 4) === word &&
      !ABAB_OK.has(word) &&
      !NUMERALS.test(t[i])
    ) {
      report(p, i, 4, `"${word}" twice`, 'copy.finding.doubledWord', word);
      i += 3;
    }
  }
}

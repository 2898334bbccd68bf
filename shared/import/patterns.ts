/**
 * What the desk's conventions look like in text: lead-ins (电头, datelines),
 * bylines, headline-like lines, caption-like lines, department labels and
 * sentence ends. Each recogniser works on one paragraph's plain text after
 * punctuation was normalised (so Chinese brackets are full-width here, but
 * the half-width forms are accepted too for imports with the fix turned off).
 */
import { isHan } from './script';

/** Number of characters (code points) in a text. */
export const charCount = (text: string): number => [...text].length;

/**
 * A Chinese lead-in: 本报讯, 本报<place/date>电, 新华社<place/date>电 and the
 * like, with the reporters in brackets: `本报讯（记者 姬慧洋 通讯员 王晓禾）`.
 */
const CHINESE_LEAD_IN =
  /^(?:本报讯|本报[^\s，。（(]{1,16}?电|(?:新华社|中新社|人民网|央视网|中国新闻网)[^\s，。（(]{0,16}?电|[\u4e00-\u9fff]{2,6}(?:日报|晚报|晨报|都市报)讯)(?:\s*[（(][^（）()]{1,60}[）)])?/;

/** An English dateline: `WASHINGTON —`, `NEW YORK (AP) —`, `LONDON, June 3 —`. */
const DATELINE =
  /^([A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3}(?:, [A-Z][A-Za-z.]+(?: [A-Za-z0-9.]+){0,3})?(?: \([A-Za-z ]{1,24}\))?) ?(?:—|–|--) ?/;

/**
 * Length of the lead-in at the start of a paragraph, 0 when there is none.
 * The text after it is the body of the paragraph (the lead-in is set run-in).
 */
export function leadInLength(text: string): number {
  const chinese = CHINESE_LEAD_IN.exec(text);
  if (chinese && chinese[0].length < text.length) return chinese[0].length;
  const dateline = DATELINE.exec(text);
  // The body must follow, and a shouting headline with a dash is not a dateline.
  if (dateline && dateline[0].length < text.length && /[a-z]/.test(text.slice(dateline[0].length))) {
    return dateline[0].length;
  }
  return 0;
}

const BYLINE_ROLE = '(?:本报)?(?:特约|见习|实习|首席)?(?:记者|通讯员|实习生|撰稿人?|摄影|编辑)';
const BYLINE_NAME = '[\\u4e00-\\u9fff·]{2,4}';
const CHINESE_BYLINE = new RegExp(
  `^(?:${BYLINE_ROLE}[\\s:：]*${BYLINE_NAME}(?:[\\s、]+${BYLINE_NAME})*\\s*)+(?:文/图|图/文|摄)?$`,
);

/**
 * A byline: `记者 姬慧洋 通讯员 王明杰`, `本报记者 张三 文/图`, `By Jane Doe`,
 * `By Jane Doe and John Roe, Associated Press`.
 */
export function isByline(text: string): boolean {
  const trimmed = text.trim();
  if (/^By\s+[A-Z][\w.'’-]*(?:[\s,]+(?:and\s+)?[A-Z][\w.'’-]*){0,8}\.?$/.test(trimmed)) return true;
  return charCount(trimmed) <= 40 && CHINESE_BYLINE.test(trimmed);
}

/** Marks that end a sentence (and so a paragraph), in Chinese and Latin text. */
const SENTENCE_END = /[。！？!?.…；;：:][”’」』）)"']*$|——$/;

/**
 * True when a paragraph ends a sentence. A paragraph that does not (`…按`,
 * `…高铁片`, `…核心区，`) was cut by a column break and goes on in the next.
 */
export function endsSentence(text: string): boolean {
  return SENTENCE_END.test(text.trimEnd());
}

const ANY_PUNCTUATION = /[。，、；：！？,;:!?]/;

/**
 * A line that could be a headline in copy without `#` marks: short, and not
 * ending like a sentence.
 */
export function looksLikeHeadingLine(text: string): boolean {
  if (/[。]/.test(text) || /[，、；：,;:]$/.test(text) || endsSentence(text.replace(/[！？!?]$/, '')))
    return false;
  const han = [...text].filter(isHan).length;
  return han > 0 ? charCount(text) <= 40 : text.split(/\s+/).length <= 14;
}

/**
 * A short line without punctuation inside a story (`志愿者向居民发放宣传单`,
 * `外立面幕墙有序安装`): in copy whose headings are marked, that is a photo
 * caption that the page's text ran around.
 */
export function looksLikeCaption(text: string): boolean {
  if (endsSentence(text)) return false;
  const han = [...text].filter(isHan).length;
  if (han > 0) return charCount(text) <= 30 && !ANY_PUNCTUATION.test(text);
  return text.split(/\s+/).length <= 14 && !/[.;!?]/.test(text);
}

/**
 * The paragraph right after a picture, read as its caption: a line that
 * looks like a caption anywhere, one in a caption's words (`图为…`, `上图：`,
 * `（记者 张三 摄）`, `Photo: …`, `… (AP Photo)`), or a short sentence (a body
 * paragraph after a picture is rarely under 40 characters or 20 words).
 */
export function looksLikeCaptionAfterImage(text: string): boolean {
  const t = text.trim();
  if (t === '') return false;
  if (looksLikeCaption(t)) return true;
  if (
    /^(图为|图片为|上图|下图|左图|右图|图[：:]|图\d|photo[:：]|pictured\b|above[:：]|left[:：]|right[:：])/i.test(
      t,
    )
  )
    return true;
  if (/(摄|供图)[）)]?[。.]?$|图片来源|\([^()]*\bphoto\b[^()]*\)\.?$/i.test(t)) return true;
  const han = [...t].filter(isHan).length;
  return han > 0 ? charCount(t) <= 40 : t.split(/\s+/).length <= 20;
}

/** A department label (栏目) such as `文昌办事处`: a short name, one word. */
export function looksLikeDepartmentLabel(text: string): boolean {
  return (
    charCount(text) <= 12 && !/\s/.test(text.trim()) && !ANY_PUNCTUATION.test(text) && !/[“”"]/.test(text)
  );
}

/** A page banner such as `新时代 新征程 新伟业`: short phrases side by side. */
export function looksLikeBanner(text: string): boolean {
  const phrases = text.trim().split(/[\s\u3000·]+/);
  return (
    phrases.length >= 2 &&
    phrases.every((p) => charCount(p) <= 8) &&
    !ANY_PUNCTUATION.test(text) &&
    !/[“”"]/.test(text)
  );
}

/** A subheadline (副题) under a headline starts with a dash: `——记…`. */
export function looksLikeSubheadline(text: string): boolean {
  return /^(?:——|—|--|－－)/.test(text.trim());
}

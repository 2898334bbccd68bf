/** Character classes the importer decides by: Han text, Chinese punctuation, Latin letters, digits. */

/** A Han ideograph (CJK Unified Ideographs, Extension A, compatibility ideographs). */
export function isHan(ch: string | undefined): boolean {
  if (!ch) return false;
  return /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/.test(ch) || /[\u{20000}-\u{3134f}]/u.test(ch);
}

/** CJK symbols and punctuation or a full-width form (、。「」，：（） …). */
export function isCjkPunctuation(ch: string | undefined): boolean {
  return !!ch && /[\u3000-\u303f\uff00-\uffef]/.test(ch);
}

/** Han text or Chinese punctuation: the context in which Chinese punctuation is set. */
export function isChineseContext(ch: string | undefined): boolean {
  return isHan(ch) || isCjkPunctuation(ch);
}

export function isAsciiDigit(ch: string | undefined): boolean {
  return !!ch && ch >= '0' && ch <= '9';
}

/** A Latin letter or a digit (the characters a Latin word or number is made of). */
export function isLatinOrDigit(ch: string | undefined): boolean {
  return !!ch && /[A-Za-z0-9\u00c0-\u024f]/.test(ch);
}

/** Share of Han among the letters of a text: above 0.3 the copy is Chinese. */
export function hanShare(text: string): number {
  let han = 0;
  let letters = 0;
  for (const ch of text) {
    if (isHan(ch)) {
      han++;
      letters++;
    } else if (/[A-Za-z]/.test(ch)) letters += 0.2; // a Latin word of ~5 letters weighs like one Han character
  }
  return letters === 0 ? 0 : han / letters;
}

/** The language of a copy: Chinese when Han dominates its letters. */
export function detectLanguage(text: string): 'zh-Hans' | 'en' {
  return hanShare(text) > 0.3 ? 'zh-Hans' : 'en';
}

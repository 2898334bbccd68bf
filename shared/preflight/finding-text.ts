/**
 * A finding in words, in either UI language: the place ("page 3, frame
 * 'Lead photo' (f12)") and the problem, from the message key and values the
 * check recorded. English is what the CLI prints (`message`); the app shows
 * the same finding in the UI language.
 */
import { translate, type MessageKey } from '../services/locales';
import type { preflightEn } from '../services/locales/parts/preflight.en';
import type { PreflightFinding } from './types';

/** The keys a check may name its problem with. */
export type PreflightTextKey = Extract<keyof typeof preflightEn, MessageKey>;

type Placed = Pick<PreflightFinding, 'pageNumber' | 'frameId' | 'frameName'> & {
  detail: NonNullable<PreflightFinding['detail']>;
};

/** "page 3, frame 'Lead photo' (f12)" — the place a finding is about; empty when it has none. */
export function findingPlace(finding: Omit<Placed, 'detail'>, language: 'zh-Hans' | 'en'): string {
  const page =
    finding.pageNumber === null
      ? ''
      : translate(language, 'preflight.place.page', { page: finding.pageNumber });
  let frame = '';
  if (finding.frameId !== null) {
    const name = finding.frameName;
    frame =
      name && name !== finding.frameId
        ? translate(language, 'preflight.place.frame', { name, id: finding.frameId })
        : translate(language, 'preflight.place.frameId', { id: finding.frameId });
  }
  return page && frame ? translate(language, 'preflight.place.both', { page, frame }) : page || frame;
}

/** The whole finding as one line: where, then what. */
export function findingText(finding: Placed, language: 'zh-Hans' | 'en'): string {
  const text = translate(language, finding.detail.key as MessageKey, finding.detail.values);
  const place = findingPlace(finding, language);
  return place ? translate(language, 'preflight.finding', { place, text }) : text;
}

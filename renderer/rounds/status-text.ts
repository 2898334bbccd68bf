/**
 * A page's proof status in words, for the pages panel, the page's badge and
 * the Rounds panel: draft, in proof, or signed off (who, when, which round).
 */
import { useTranslation } from 'react-i18next';
import type { Edition, Id } from '../../shared/model/types';
import { pageStatus, reviewOf } from '../../shared/model/review';
import type { PageStatus } from '../../shared/model/review-types';
import { useEditor, useEditorStore } from '../state/use-editor';

export interface StatusView {
  status: PageStatus;
  /** "Signed off", "In proof", "Draft". */
  label: string;
  /** Who signed it off, when and in which round (signed pages), else the label. */
  detail: string;
  author: string | null;
}

export function useTimeFormat(): (iso: string) => string {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language === 'zh-Hans' ? 'zh-CN' : 'en-GB', {
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
  return (iso) => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : format.format(date);
  };
}

/** Puts a page's status into words in the UI language. */
export function useStatusText(): (edition: Edition, pageId: Id) => StatusView {
  const { t } = useTranslation();
  const time = useTimeFormat();
  return (edition, pageId) => {
    const status = pageStatus(edition, pageId);
    const label = t(`rounds.status.${status}`);
    const review = reviewOf(edition);
    const signoff = review.signoffs[pageId];
    if (status !== 'signed' || !signoff) return { status, label, detail: label, author: null };
    const round = signoff.roundId ? review.rounds.find((r) => r.id === signoff.roundId) : undefined;
    const values = { author: signoff.author, time: time(signoff.time), round: round?.name ?? '' };
    const detail = round ? t('rounds.signedBy', values) : t('rounds.signedByNoRound', values);
    return { status, label, detail, author: signoff.author };
  };
}

/**
 * A page's status in words, or null before the desk is in use (no round,
 * no sign-off). The store is read through a selector that returns a plain
 * string, so typing — which makes a new edition on every keystroke —
 * re-renders nothing here unless the status itself changed.
 */
export function usePageStatus(pageId: Id): StatusView | null {
  const statusText = useStatusText();
  const store = useEditorStore();
  const key = useEditor((s) => {
    if (!s.edition) return '';
    const review = reviewOf(s.edition);
    if (review.rounds.length === 0 && Object.keys(review.signoffs).length === 0) return '';
    const signoff = review.signoffs[pageId];
    const round = signoff?.roundId ? review.rounds.find((r) => r.id === signoff.roundId)?.name : '';
    return [pageStatus(s.edition, pageId), signoff?.author, signoff?.time, round].join('\u0000');
  });
  const edition = store.getState().edition;
  return key && edition ? statusText(edition, pageId) : null;
}

/**
 * Proof rounds (校次): a snapshot of the edition's pages, stories and styles
 * (photos by reference) kept in the .folio, named 一校, 二校, 三校 … or
 * Proof 1, 2, 3 … by default; the names can be changed.
 */
import type { Edition, Id, ProofRound, RoundSnapshot, Stamp } from '../model/types';
import type { Operation } from '../model/operations';
import { emptyReview, reviewOf } from '../model/review';
import { newId } from '../model/ids';

const HAN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 12 → 十二, 20 → 二十, 105 → 一百零五 (enough for proof rounds). */
export function hanNumber(n: number): string {
  if (n < 10) return HAN_DIGITS[n];
  if (n < 20) return '十' + (n % 10 ? HAN_DIGITS[n % 10] : '');
  if (n < 100) return HAN_DIGITS[Math.floor(n / 10)] + '十' + (n % 10 ? HAN_DIGITS[n % 10] : '');
  const rest = n % 100;
  return (
    HAN_DIGITS[Math.floor(n / 100)] +
    '百' +
    (rest === 0 ? '' : rest < 10 ? '零' + HAN_DIGITS[rest] : hanNumber(rest))
  );
}

/** The default name of round `number`: 一校 … in a Chinese edition, Proof 1 … in an English one. */
export function defaultRoundName(language: 'zh-Hans' | 'en', number: number): string {
  return language === 'zh-Hans' ? `${hanNumber(number)}校` : `Proof ${number}`;
}

/** The edition as it is now, as a round keeps it. */
export function snapshotOf(edition: Edition): RoundSnapshot {
  const { meta, styles, masters, pages, stories, assets } = edition;
  return { meta, styles, masters, pages, stories, assets };
}

/** A snapshot as an edition again (for composing and comparing it). */
export function editionOfSnapshot(edition: Edition, snapshot: RoundSnapshot): Edition {
  return { schemaVersion: edition.schemaVersion, id: edition.id, ...snapshot, review: emptyReview() };
}

/** Starts a round: its snapshot and number; the name defaults by language. */
export function startRoundOp(
  edition: Edition,
  stamp: Stamp,
  name?: string,
  id: Id = newId('round'),
): Operation {
  const rounds = reviewOf(edition).rounds;
  const number = (rounds[rounds.length - 1]?.number ?? 0) + 1;
  const round: ProofRound = {
    id,
    ...stamp,
    name: name?.trim() || defaultRoundName(edition.meta.language, number),
    number,
    snapshot: snapshotOf(edition),
  };
  return { type: 'upsert_round', round };
}

/** Renames a round. */
export function renameRoundOp(edition: Edition, roundId: Id, name: string): Operation {
  const round = reviewOf(edition).rounds.find((r) => r.id === roundId);
  if (!round) throw new Error(`round "${roundId}" does not exist`);
  return { type: 'upsert_round', round: { ...round, name } };
}

/** A round by id, or by name (as the command line names them), or null. */
export function findRound(edition: Edition, idOrName: string): ProofRound | null {
  const rounds = reviewOf(edition).rounds;
  return rounds.find((r) => r.id === idOrName) ?? rounds.find((r) => r.name === idOrName) ?? null;
}

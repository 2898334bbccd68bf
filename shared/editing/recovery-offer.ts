/**
 * Which crash journals are worth offering for recovery. A journal is offered
 * only when it holds changes that no saved file has:
 *
 * - no operations since its base → nothing to recover (the base is always
 *   a state the user can open again: the file as opened or last saved, a
 *   template, an import; a recovered session carries its edits on);
 * - operations that end where the base was (typed, then undone) → nothing;
 * - the edition the operations lead to is one that was saved — recorded by
 *   a `saved` record of the journal, or found in the file on disk → nothing.
 *
 * Those journals are deleted. Of the rest, an edition gets one entry: its
 * latest journal; older journals of the same edition go with it (recovered
 * or discarded together). A journal that cannot be read is listed on its own
 * so the user can discard it.
 */

/** What the host found out about one journal (fingerprints from main/journal/edition-fingerprint.ts). */
export interface JournalFacts {
  sessionId: string;
  editionId: string;
  /** Time of the journal's last record. */
  lastAt: number;
  operationCount: number;
  /** Fingerprint of the base edition; null when not computed (no operations). */
  base: string | null;
  /** Fingerprint of the edition the operations lead to; null when not computed. */
  recovered: string | null;
  /** Fingerprints of editions known to be saved: the journal's save records and the files on disk. */
  saved: readonly string[];
  /** Set when the journal cannot be read or none of its operations replays. */
  error: string | null;
}

export type DiscardReason = 'no-changes' | 'undone' | 'saved';

export interface RecoveryEntryPlan {
  /** The journal to recover: the edition's latest. */
  latest: JournalFacts;
  /** Older journals of the same edition, recovered or discarded with it. */
  older: JournalFacts[];
}

export interface RecoveryPlan {
  /** Entries to offer, newest first. */
  offer: RecoveryEntryPlan[];
  /** Journals with nothing to recover: delete them. */
  discard: { sessionId: string; reason: DiscardReason }[];
}

/** Why a readable journal has nothing to recover, or null when it has. */
export function nothingToRecover(facts: JournalFacts): DiscardReason | null {
  if (facts.error) return null;
  if (facts.operationCount === 0) return 'no-changes';
  if (facts.recovered !== null && facts.recovered === facts.base) return 'undone';
  if (facts.recovered !== null && facts.saved.includes(facts.recovered)) return 'saved';
  return null;
}

export function planRecovery(journals: readonly JournalFacts[]): RecoveryPlan {
  const discard: RecoveryPlan['discard'] = [];
  const byEdition = new Map<string, JournalFacts[]>();
  const offer: RecoveryEntryPlan[] = [];
  for (const facts of journals) {
    const reason = nothingToRecover(facts);
    if (reason) {
      discard.push({ sessionId: facts.sessionId, reason });
      continue;
    }
    if (facts.error) {
      offer.push({ latest: facts, older: [] });
      continue;
    }
    const group = byEdition.get(facts.editionId);
    if (group) group.push(facts);
    else byEdition.set(facts.editionId, [facts]);
  }
  for (const group of byEdition.values()) {
    group.sort((a, b) => b.lastAt - a.lastAt);
    offer.push({ latest: group[0], older: group.slice(1) });
  }
  offer.sort((a, b) => b.latest.lastAt - a.latest.lastAt);
  return { offer, discard };
}

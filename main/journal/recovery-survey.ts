/**
 * The recovery survey at start: reads every journal a crashed session left,
 * replays it, and compares where its operations lead with the base, the
 * saves it recorded and the saved file on disk (shared/editing/recovery-offer.ts
 * decides). Journals with nothing to recover are deleted; the rest become
 * the recovery prompt's entries, one per edition, with a preview of what
 * differs.
 */
import { basename } from 'node:path';
import type { RecoverableJournalInfo } from '../../shared/editing/journal-service';
import { replayJournal } from '../../shared/editing/journal-format';
import { planRecovery, type JournalFacts } from '../../shared/editing/recovery-offer';
import { previewChanges, type RecoveryPreview } from '../../shared/editing/recovery-preview';
import type { Edition } from '../../shared/model/types';
import type { EditJournal, RecoverableJournal } from './edit-journal';
import { editionFingerprint } from './edition-fingerprint';

export interface SurveyHost {
  /** The one apply path (shared/model/operations applyOperation). */
  applyOperation(edition: unknown, op: unknown): unknown;
  /** Fingerprint of the edition in the saved file at `path`; null when there is none or it cannot be read. */
  savedFingerprint(path: string): Promise<string | null>;
}

export interface Survey {
  entries: RecoverableJournalInfo[];
  /** For each offered journal, the older journals of its edition that go with it. */
  older: Map<string, string[]>;
  /** Journals deleted because they held nothing to recover, with why. */
  discarded: { sessionId: string; reason: string }[];
}

interface Read {
  info: RecoverableJournal;
  facts: JournalFacts;
  base?: unknown;
  recovered?: unknown;
  fileFingerprint?: string | null;
}

function preview(base: unknown, recovered: unknown): RecoveryPreview | null {
  try {
    return previewChanges(base as Edition, recovered as Edition);
  } catch {
    // A base that is not a whole edition (a damaged journal) still gets its entry, without a preview.
    return null;
  }
}

async function readOne(journal: EditJournal, info: RecoverableJournal, host: SurveyHost): Promise<Read> {
  const facts: JournalFacts = {
    sessionId: info.sessionId,
    editionId: info.editionId,
    lastAt: info.lastAt,
    operationCount: info.operationCount,
    base: null,
    recovered: null,
    saved: [],
    error: info.error,
  };
  if (info.error) return { info, facts };
  let session;
  try {
    session = journal.read(info.sessionId);
  } catch (error) {
    return { info, facts: { ...facts, error: (error as Error).message } };
  }
  if (session.ops.length === 0) return { info, facts: { ...facts, operationCount: 0 } };
  const base = session.begin.base;
  const replay = replayJournal<unknown, unknown>(base, session.ops, (e, op) => host.applyOperation(e, op));
  if (replay.applied === 0 && replay.error) return { info, facts: { ...facts, error: replay.error } };
  facts.base = editionFingerprint(base);
  facts.recovered = editionFingerprint(replay.edition);
  const saved = session.saves.map((save) => save.fingerprint);
  let fileFingerprint: string | null | undefined;
  if (facts.recovered !== facts.base && !saved.includes(facts.recovered)) {
    // Only now read files: the saved file of the session, and any file a save wrote.
    const paths = new Set<string>();
    if (session.begin.documentPath) paths.add(session.begin.documentPath);
    for (const save of session.saves) paths.add(save.path);
    for (const path of paths) {
      const fingerprint = await host.savedFingerprint(path);
      if (path === session.begin.documentPath) fileFingerprint = fingerprint;
      if (fingerprint) saved.push(fingerprint);
    }
  }
  return {
    info,
    facts: { ...facts, saved },
    base,
    recovered: replay.edition,
    fileFingerprint,
  };
}

export async function surveyRecovery(journal: EditJournal, host: SurveyHost): Promise<Survey> {
  const reads: Read[] = [];
  for (const info of journal.listRecoverable()) reads.push(await readOne(journal, info, host));
  const plan = planRecovery(reads.map((r) => r.facts));
  for (const { sessionId } of plan.discard) journal.discard(sessionId);
  const byId = new Map(reads.map((r) => [r.info.sessionId, r]));
  const older = new Map<string, string[]>();
  const entries = plan.offer.map(({ latest, older: others }): RecoverableJournalInfo => {
    const read = byId.get(latest.sessionId)!;
    const { info } = read;
    older.set(
      info.sessionId,
      others.map((o) => o.sessionId),
    );
    return {
      sessionId: info.sessionId,
      editionId: info.editionId,
      title: info.title,
      documentPath: info.documentPath,
      fileName: info.documentPath ? basename(info.documentPath) : null,
      startedAt: info.startedAt,
      lastAt: info.lastAt,
      operationCount: latest.operationCount,
      preview: read.recovered !== undefined ? preview(read.base, read.recovered) : null,
      older: others.map((o) => o.sessionId),
      fileChanged:
        read.fileFingerprint != null && latest.base !== null && read.fileFingerprint !== latest.base,
      error: latest.error,
    };
  });
  return { entries, older, discarded: plan.discard };
}

import type { Edition, Id } from '../model/types';
import { findingPlace } from './finding-text';

/** Frame names by id, over pages and masters, for messages. */
export function frameNames(edition: Edition): Map<Id, string> {
  const names = new Map<Id, string>();
  for (const master of edition.masters) for (const frame of master.frames) names.set(frame.id, frame.name);
  for (const page of edition.pages) for (const frame of page.frames) names.set(frame.id, frame.name);
  return names;
}

/** "page 3, frame 'Lead photo' (f12)" — the place a finding is about, in English (the CLI's words). */
export function place(pageNumber: number | null, frameId: Id | null, names: Map<Id, string>): string {
  return findingPlace(
    { pageNumber, frameId, frameName: frameId ? (names.get(frameId) ?? null) : null },
    'en',
  );
}

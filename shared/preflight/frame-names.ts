import type { Edition, Id } from '../model/types';

/** Frame names by id, over pages and masters, for messages. */
export function frameNames(edition: Edition): Map<Id, string> {
  const names = new Map<Id, string>();
  for (const master of edition.masters) for (const frame of master.frames) names.set(frame.id, frame.name);
  for (const page of edition.pages) for (const frame of page.frames) names.set(frame.id, frame.name);
  return names;
}

/** "page 3, frame 'Lead photo' (f12)" — the place a finding is about. */
export function place(pageNumber: number | null, frameId: Id | null, names: Map<Id, string>): string {
  const parts: string[] = [];
  if (pageNumber !== null) parts.push(`page ${pageNumber}`);
  if (frameId !== null) {
    const name = names.get(frameId);
    parts.push(name && name !== frameId ? `frame '${name}' (${frameId})` : `frame ${frameId}`);
  }
  return parts.join(', ');
}

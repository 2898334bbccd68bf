/**
 * Reads the head of a Hocuspocus message (document name, message type and,
 * for sync messages, the sync step and its Yjs update) without applying it,
 * so the server can inspect an update before Hocuspocus hands it to the doc.
 */
import * as decoding from 'lib0/decoding';

/** Hocuspocus message types (@hocuspocus/common MessageType). */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

export type ParsedMessage =
  { kind: 'update'; update: Uint8Array } | { kind: 'awareness' } | { kind: 'other' } | { kind: 'malformed' };

export function parseMessage(data: Uint8Array): ParsedMessage {
  try {
    const decoder = decoding.createDecoder(data);
    decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_AWARENESS) return { kind: 'awareness' };
    if (type !== MESSAGE_SYNC) return { kind: 'other' };
    const step = decoding.readVarUint(decoder);
    if (step === SYNC_STEP_2 || step === SYNC_UPDATE)
      return { kind: 'update', update: decoding.readVarUint8Array(decoder) };
    return { kind: 'other' };
  } catch {
    return { kind: 'malformed' };
  }
}

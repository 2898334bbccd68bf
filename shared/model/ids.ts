/**
 * Identifiers for everything in an edition. They must be creatable in every
 * host (renderer, worker, main, CLI), so this uses the Web Crypto
 * `getRandomValues` that browsers and Node ≥ 19 expose on globalThis, never
 * Node's `crypto` module; where even that is missing it falls back to
 * Math.random (ids need uniqueness, not secrecy).
 */
import type { Id } from './types';

/** The kinds of things that get ids; the kind becomes a short readable prefix. */
export type IdKind =
  | 'edition'
  | 'page'
  | 'master'
  | 'frame'
  | 'story'
  | 'asset'
  | 'paragraph-style'
  | 'character-style'
  | 'swatch'
  | 'note'
  | 'reply'
  | 'change'
  | 'round'
  | 'section'
  | 'ad';

const PREFIX: Record<IdKind, string> = {
  edition: 'ed',
  page: 'pg',
  master: 'ms',
  frame: 'fr',
  story: 'st',
  asset: 'as',
  'paragraph-style': 'ps',
  'character-style': 'cs',
  swatch: 'sw',
  note: 'nt',
  reply: 'rp',
  change: 'ch',
  round: 'rd',
  section: 'sc',
  ad: 'ad',
};

/** Makes a new id of a kind. */
export type IdGenerator = (kind: IdKind) => Id;

// 32 letters without look-alikes, so ids survive being read aloud or retyped.
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const RANDOM_LENGTH = 12; // 60 bits: collisions are negligible within one edition

interface WebCrypto {
  getRandomValues<T extends Uint8Array>(array: T): T;
}

function randomBytes(n: number): Uint8Array {
  const bytes = new Uint8Array(n);
  const webCrypto = (globalThis as { crypto?: Partial<WebCrypto> }).crypto;
  if (webCrypto && typeof webCrypto.getRandomValues === 'function') {
    webCrypto.getRandomValues(bytes);
  } else {
    for (let i = 0; i < n; i++) bytes[i] = Math.floor(Math.random() * 256);
  }
  return bytes;
}

function encode(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += ALPHABET[byte & 31];
  return out;
}

/** A new random id, e.g. `fr-7k2m9x0qpa4c`. */
export const newId: IdGenerator = (kind) => `${PREFIX[kind]}-${encode(randomBytes(RANDOM_LENGTH))}`;

/**
 * A deterministic generator for tests and reproducible output (the CLI's
 * sample): ids are `<prefix>-<n>` counted per kind, optionally after a tag.
 */
export function sequentialIds(tag = ''): IdGenerator {
  const counters = new Map<IdKind, number>();
  return (kind) => {
    const n = (counters.get(kind) ?? 0) + 1;
    counters.set(kind, n);
    return `${PREFIX[kind]}-${tag}${n}`;
  };
}

/**
 * A deterministic generator that looks random: the same seed gives the same
 * ids (mulberry32), for property tests and golden files.
 */
export function seededIds(seed: number): IdGenerator {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  return (kind) => {
    const bytes = new Uint8Array(RANDOM_LENGTH);
    for (let i = 0; i < RANDOM_LENGTH; i++) bytes[i] = next() & 0xff;
    return `${PREFIX[kind]}-${encode(bytes)}`;
  };
}

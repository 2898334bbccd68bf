/**
 * Hostile edition.json content, packed honestly (checksums right), so the
 * zip layer passes it and the JSON, schema and reference checks must catch
 * it: wrong types, odd values, broken syntax, invalid UTF-8, deep nesting
 * (in JSON and in Slate's element tree), unknown schema versions and
 * broken references.
 */
import { SCHEMA_VERSION } from '../../shared/model/types';
import type { BaseEdition } from './bases';
import type { Damage } from './damage';
import { repack } from './package-parts';
import type { Random } from './random';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Slot = { parent: Json[] | { [key: string]: Json }; key: string | number; value: Json };

const encoder = new TextEncoder();

/** Every value in a JSON tree with the container that holds it. */
function slots(value: Json, out: Slot[] = []): Slot[] {
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      out.push({ parent: value, key: i, value: v });
      slots(v, out);
    });
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push({ parent: value, key: k, value: v });
      slots(v, out);
    }
  }
  return out;
}

const typeOf = (v: Json) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** A value of another JSON type than `v`. */
function otherType(r: Random, v: Json): Json {
  const candidates: Json[] = [
    null,
    true,
    false,
    0,
    -1,
    3.5,
    1e308,
    '',
    'text',
    '五号',
    [],
    [1, 'a'],
    {},
    { id: 'x' },
  ];
  const other = candidates.filter((c) => typeOf(c) !== typeOf(v));
  return r.pick(other);
}

const parse = (base: BaseEdition) => JSON.parse(base.json) as Json;

export function wrongTypes(r: Random, base: BaseEdition): Damage {
  const doc = parse(base);
  const all = slots(doc);
  const hits = r.int(1, 3);
  const changed: string[] = [];
  for (let i = 0; i < hits; i++) {
    const slot = r.pick(all);
    const value = otherType(r, slot.value);
    (slot.parent as Record<string | number, Json>)[slot.key] = value;
    changed.push(`${String(slot.key)}: ${typeOf(slot.value)} → ${typeOf(value)}`);
  }
  // A changed value inside an unknown (kept) field or an optional one may still be valid.
  return {
    variant: 'a value of the wrong type',
    bytes: repack(base, { json: JSON.stringify(doc) }),
    expect: 'any',
  };
}

export function oddValues(r: Random, base: BaseEdition): Damage {
  const doc = parse(base);
  const numbers = slots(doc).filter((s) => typeof s.value === 'number');
  const strings = slots(doc).filter((s) => typeof s.value === 'string');
  const choice = r.pick([
    'huge number',
    'negative number',
    'fraction for a count',
    'infinity',
    'long string',
    'lone surrogate',
    'reserved key',
    'long id',
  ] as const);
  let text: string;
  if (choice === 'infinity') {
    const slot = r.pick(numbers);
    (slot.parent as Record<string | number, Json>)[slot.key] = 123456789;
    text = JSON.stringify(doc).replace('123456789', r.pick(['1e999', '-1e999']));
  } else if (choice === 'lone surrogate') {
    const slot = r.pick(strings);
    (slot.parent as Record<string | number, Json>)[slot.key] = 'SURROGATE';
    text = JSON.stringify(doc).replace(
      '"SURROGATE"',
      r.pick(['"\\ud800"', '"a\\udfffb"', '"\\udbff\\udbff"']),
    );
  } else if (choice === 'reserved key') {
    const key = r.pick(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'prototype']);
    const records = ['stories', 'assets'];
    const record = r.pick(records);
    const obj = doc as Record<string, Record<string, Json>>;
    const first = Object.values(obj[record])[0] ?? { id: key };
    text = JSON.stringify(doc).replace(
      `"${record}":{`,
      `"${record}":{${JSON.stringify(key)}:${JSON.stringify({ ...(first as object), id: key })},`,
    );
  } else {
    const slot = choice === 'long string' || choice === 'long id' ? r.pick(strings) : r.pick(numbers);
    const value: Json =
      choice === 'huge number'
        ? r.pick([1e308, Number.MAX_SAFE_INTEGER * 8, 2 ** 53 + 1])
        : choice === 'negative number'
          ? -r.int(1, 1e6)
          : choice === 'fraction for a count'
            ? r.int(1, 60) + 0.5
            : 'x'.repeat(choice === 'long id' ? 201 : r.int(10_000, 2_000_000));
    (slot.parent as Record<string | number, Json>)[slot.key] = value;
    text = JSON.stringify(doc);
  }
  return { variant: choice, bytes: repack(base, { json: text }), expect: 'any' };
}

export function brokenSyntax(r: Random, base: BaseEdition): Damage {
  const text = base.json;
  const choice = r.pick([
    'cut short',
    'a character changed',
    'trailing garbage',
    'a comment',
    'empty',
    'null',
    'an array',
    'UTF-16',
    'a byte-order mark',
    'single quotes',
  ] as const);
  const at = r.int(0, text.length - 1);
  const json: string | Uint8Array =
    choice === 'cut short'
      ? text.slice(0, at)
      : choice === 'a character changed'
        ? text.slice(0, at) + r.pick(['}', ']', ',', ':', '"', 'x', '\u0000', '\\']) + text.slice(at + 1)
        : choice === 'trailing garbage'
          ? text + r.pick([' x', '}', ',', '\u0000'])
          : choice === 'a comment'
            ? text.replace('{', '{ // edited by hand\n')
            : choice === 'empty'
              ? ''
              : choice === 'null'
                ? 'null'
                : choice === 'an array'
                  ? `[${text}]`
                  : choice === 'UTF-16'
                    ? utf16(text)
                    : choice === 'a byte-order mark'
                      ? '\ufeff' + text
                      : text.replace(/"/g, "'");
  // A changed character inside a string is still valid JSON; a BOM is accepted.
  const expect =
    choice === 'a byte-order mark' ? 'open' : choice === 'a character changed' ? 'any' : 'refuse';
  return { variant: choice, bytes: repack(base, { json }), expect };
}

function utf16(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    out[2 + 2 * i] = text.charCodeAt(i) & 0xff;
    out[3 + 2 * i] = text.charCodeAt(i) >>> 8;
  }
  return out;
}

const INVALID_UTF8 = [
  [0xff],
  [0xc3, 0x28],
  [0xc0, 0xaf], // overlong "/"
  [0xe0, 0x80, 0xaf], // overlong
  [0xed, 0xa0, 0x80], // an encoded surrogate
  [0xf4, 0x90, 0x80, 0x80], // past U+10FFFF
  [0xe4, 0xb8], // a Chinese character cut short
  [0x80],
];

export function invalidUtf8(r: Random, base: BaseEdition): Damage {
  const bytes = encoder.encode(base.json);
  // Inside a string value, so the JSON is otherwise well formed.
  const quotes: number[] = [];
  for (let i = 0; i < bytes.length; i++)
    if (bytes[i] === 0x22 && bytes[i + 1] !== 0x3a && bytes[i + 1] !== 0x2c) quotes.push(i);
  const at = r.pick(quotes) + 1;
  const bad = r.pick(INVALID_UTF8);
  const json = new Uint8Array(bytes.length + bad.length);
  json.set(bytes.subarray(0, at));
  json.set(bad, at);
  json.set(bytes.subarray(at), at + bad.length);
  return {
    variant: `bytes ${bad.map((b) => b.toString(16)).join(' ')} in a string`,
    bytes: repack(base, { json }),
    expect: 'refuse',
  };
}

/** Deep nesting: the kind of input that overflows recursive code. */
export function deepNesting(r: Random, base: BaseEdition): Damage {
  const depth = Math.round(10 ** (2 + r.next() * 4)); // 100 … 1,000,000, always past the limit of 64
  const choice = r.pick([
    'arrays in an unknown field',
    'objects in meta',
    'arrays at the root',
    'Slate elements in a story',
  ] as const);
  let json: string;
  if (choice === 'arrays in an unknown field') {
    json = base.json.replace('{', `{"notes":${'['.repeat(depth)}${']'.repeat(depth)},`);
  } else if (choice === 'objects in meta') {
    json = base.json.replace('"meta": {', `"meta": {"x":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)},`);
  } else if (choice === 'arrays at the root') {
    json = '['.repeat(depth) + ']'.repeat(depth);
  } else {
    // Slate allows elements inside elements; Folio's paragraphs hold only text leaves.
    const element = `${'{"type":"body","children":['.repeat(depth)}{"text":"深"}${']}'.repeat(depth)}`;
    const story = `{"id":"st-deep","name":"deep","blocks":[${element}],"thread":[]}`;
    json = base.json.replace('"stories": {', `"stories": {"st-deep":${story},`);
  }
  return {
    variant: `${choice} (depth ${depth >= 1000 ? `${Math.round(depth / 1000)}k` : depth})`,
    bytes: repack(base, { json }),
    expect: 'refuse',
  };
}

export function schemaVersions(r: Random, base: BaseEdition): Damage {
  const doc = parse(base) as Record<string, Json>;
  const choice = r.pick([
    'newer',
    'negative',
    'fraction',
    'as text',
    'missing',
    'prototype with odd shapes',
  ] as const);
  if (choice === 'newer')
    // Newer than this build reads: the next version, a far one, the largest int.
    doc.schemaVersion = r.pick([SCHEMA_VERSION + 1, 99, 2 ** 31]);
  else if (choice === 'negative') doc.schemaVersion = -1;
  else if (choice === 'fraction') doc.schemaVersion = 0.5;
  else if (choice === 'as text') doc.schemaVersion = '1';
  else if (choice === 'missing') delete doc.schemaVersion;
  else {
    delete doc.schemaVersion;
    doc.version = 0;
    const odd: Json[] = [null, 5, 'x', [], [null], { blocks: 'x' }, { blocks: [null, 3, { role: 7 }] }];
    doc.pages = r.chance(0.5) ? r.pick(odd) : [r.pick(odd)];
    doc.stories = { s: r.pick(odd) };
    doc.meta = r.pick(odd);
  }
  return {
    variant: `schema version ${choice}`,
    bytes: repack(base, { json: JSON.stringify(doc) }),
    expect: 'refuse',
  };
}

export function brokenReferences(r: Random, base: BaseEdition): Damage {
  const doc = parse(base) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
  const stories = Object.values(doc.stories) as any[]; // eslint-disable-line @typescript-eslint/no-explicit-any
  const frames = [...doc.pages, ...doc.masters].flatMap((p: { frames: unknown[] }) => p.frames) as any[]; // eslint-disable-line @typescript-eslint/no-explicit-any
  const choice = r.pick([
    'thread to a missing frame',
    'duplicate frame id',
    'style loop',
    'missing master',
    'missing style',
    'record key differs from id',
  ] as const);
  if (choice === 'thread to a missing frame' && stories.length) stories[0].thread.push('fr-nowhere');
  else if (choice === 'duplicate frame id' && frames.length > 1) frames[1].id = frames[0].id;
  else if (choice === 'style loop') {
    const styles = Object.values(doc.styles.paragraph) as { id: string; basedOn: string | null }[];
    styles[0].basedOn = styles[styles.length - 1].id;
    styles[styles.length - 1].basedOn = styles[0].id;
  } else if (choice === 'missing master') doc.pages[0].masterId = 'master-nowhere';
  else if (choice === 'missing style') doc.styles.roleStyles.body = 'ps-nowhere';
  else {
    const key = Object.keys(doc.styles.swatches)[0];
    doc.styles.swatches[key].id = 'sw-other';
  }
  return { variant: choice, bytes: repack(base, { json: JSON.stringify(doc) }), expect: 'any' };
}

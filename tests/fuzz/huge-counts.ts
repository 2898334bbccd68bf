/**
 * Editions with huge numbers of things — pages, frames, paragraphs, text
 * runs, stories, styles, a long basedOn chain, assets, zip entries — sized
 * from a hundred up to past the package limits. Within the limits they are
 * valid and must open quickly; past them they must be refused, quickly.
 */
import type { BaseEdition } from './bases';
import type { Damage } from './damage';
import { repack } from './package-parts';
import type { Random } from './random';
import type { RawEntry } from './zip-writer';

/* eslint-disable @typescript-eslint/no-explicit-any -- edition.json handled as plain JSON */

/** Past the 16 MiB edition.json limit now and then, never so far that building it takes long. */
const MAX_JSON_BYTES = 24 * 1024 * 1024;

/** A count from 100 up to `cap`, spread evenly on a log scale. */
function count(r: Random, cap: number): number {
  return Math.max(1, Math.round(10 ** (2 + r.next() * Math.max(0, Math.log10(cap) - 2))));
}

const size = (v: unknown) => JSON.stringify(v).length + 1;

const KINDS = [
  'pages',
  'frames on a page',
  'paragraphs in a story',
  'text runs in a paragraph',
  'text runs of the wrong type',
  'stories',
  'paragraph styles',
  'a basedOn chain',
  'thread entries',
  'assets',
  'zip entries',
] as const;

export function hugeCounts(r: Random, base: BaseEdition): Damage {
  const doc = JSON.parse(base.json) as any;
  const kind = r.pick(KINDS);
  const page = doc.pages[0];
  const story: any = Object.values(doc.stories)[0] ?? {
    id: 'st-x',
    name: 'x',
    blocks: [{ type: 'body', children: [{ text: '正文' }] }],
    thread: [],
  };
  const style: any = doc.styles.paragraph[doc.styles.roleStyles.body];
  const extra: RawEntry[] = [];
  let n = 0;
  let expect: Damage['expect'] = 'any';
  if (kind === 'pages') {
    const template = { ...page, frames: [] };
    n = count(r, MAX_JSON_BYTES / size(template));
    doc.pages = [page, ...Array.from({ length: n }, (_, i) => ({ ...template, id: `pg-many-${i}` }))];
  } else if (kind === 'frames on a page') {
    const template = {
      kind: 'box',
      id: 'x',
      name: '',
      x: 10,
      y: 10,
      width: 20,
      height: 20,
      locked: false,
      wrap: { mode: 'none', offsets: { top: 0, right: 0, bottom: 0, left: 0 } },
      fill: null,
      stroke: null,
    };
    n = count(r, MAX_JSON_BYTES / size(template));
    page.frames = [
      ...page.frames,
      ...Array.from({ length: n }, (_, i) => ({ ...template, id: `fr-many-${i}` })),
    ];
  } else if (kind === 'paragraphs in a story') {
    const block = story.blocks[0];
    n = count(r, MAX_JSON_BYTES / size(block));
    story.blocks = Array.from({ length: n }, () => block);
    doc.stories[story.id] = story;
  } else if (kind === 'text runs in a paragraph') {
    n = count(r, MAX_JSON_BYTES / 20);
    story.blocks = [
      {
        type: 'body',
        children: Array.from({ length: n }, (_, i) => (i % 2 ? { text: '字', bold: true } : { text: 'a' })),
      },
    ];
    doc.stories[story.id] = story;
  } else if (kind === 'text runs of the wrong type') {
    // Every run is an error: the report must stay one line, and quick.
    n = count(r, MAX_JSON_BYTES / 12);
    story.blocks = [{ type: 'body', children: Array.from({ length: n }, () => ({ text: 1 })) }];
    doc.stories[story.id] = story;
    expect = 'refuse';
  } else if (kind === 'stories') {
    const template = { ...story, thread: [] };
    n = count(r, MAX_JSON_BYTES / size(template));
    for (let i = 0; i < n; i++) doc.stories[`st-many-${i}`] = { ...template, id: `st-many-${i}` };
  } else if (kind === 'paragraph styles' || kind === 'a basedOn chain') {
    n = count(r, MAX_JSON_BYTES / size(style));
    for (let i = 0; i < n; i++) {
      const basedOn = kind === 'a basedOn chain' && i > 0 ? `ps-many-${i - 1}` : style.id;
      doc.styles.paragraph[`ps-many-${i}`] = { ...style, id: `ps-many-${i}`, name: `s${i}`, basedOn };
    }
  } else if (kind === 'thread entries') {
    // The same frame again and again: every entry is an error to report.
    const frame = [...doc.pages, ...doc.masters]
      .flatMap((p: any) => p.frames)
      .find((f: any) => f.kind === 'text');
    n = count(r, MAX_JSON_BYTES / 12);
    story.thread = Array.from({ length: n }, () => frame?.id ?? 'fr-none');
    doc.stories[story.id] = story;
    expect = 'refuse';
  } else if (kind === 'assets') {
    n = count(r, 12_000);
    for (let i = 0; i < n; i++) {
      const path = `assets/a${i}.png`;
      doc.assets[`as-many-${i}`] = {
        id: `as-many-${i}`,
        name: `a${i}.png`,
        path,
        mime: 'image/png',
        widthPx: 1,
        heightPx: 1,
        colorSpace: 'rgb',
        byteLength: 1,
      };
      extra.push({ name: path, data: new Uint8Array([i & 0xff]), method: 0 });
    }
  } else {
    n = count(r, 20_000);
    for (let i = 0; i < n; i++) extra.push({ name: `junk/${i}`, data: new Uint8Array(0), method: 0 });
  }
  const json = JSON.stringify(doc);
  const label = n >= 1000 ? `${Math.round(n / 1000)}k` : String(n);
  return {
    variant: `${label} ${kind} (${(json.length / 1048576).toFixed(1)} MiB of JSON)`,
    bytes: repack(base, { json, extra }),
    expect,
  };
}

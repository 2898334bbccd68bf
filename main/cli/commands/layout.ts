/**
 * `folio layout <edition.folio>`: composes an edition with the same engine
 * the canvas and the PDF use, and prints where every line went, with the
 * overset, copyfit and missing-glyph reports.
 */
import { resolve } from 'node:path';
import { composeEdition } from '../../../shared/layout/compose-edition';
import type { DisplayList } from '../../../shared/layout/display-list';
import type { Edition } from '../../../shared/model/types';
import { createNodeComposer } from '../../fonts';
import { FolioFileError, readFolio } from '../../storage';
import type { CliCommand } from '../command';
import { parseCommandArgs } from '../../import/cli-options';
import { runAutoLayout } from '../layout-auto';
import { UserError } from '../command';

const usage = `Usage: folio layout <edition.folio> [--json] [--full]
       folio layout <edition.folio> --page N --auto [--proposals 3] [--pick k] -o <out.folio> [--json]

Composes the edition and prints every line: page, frame, column, x, y, width
and text (points, origin at the page's top-left, y = baseline), then the
overset and copyfit figures per story and the characters no font can draw.

  --json   print a JSON summary (lines, stories, overset, copyfit, missing glyphs)
  --full   print the whole display list as JSON (glyph runs included)

Auto-layout (--auto): lays out page N's stories (the plan's assignments for
the page, or the stories on it) as modules — headline across the module,
body in its columns, photos with captions — with no overset and no holes,
and prints the proposals ranked by their score (lower is better: overset,
empty column area %, lead not on top, photos away, headlines over 2 lines).

  --page N          the page to lay out (1 = first)
  --proposals K     how many proposals (1–9, default 3)
  --pick k          write proposal k (default 1, the best)
  -o <out.folio>    where to write the edition with the proposal applied
  --json            print the proposals and their scores as JSON`;

const autoOptions = {
  auto: { type: 'boolean' },
  page: { type: 'string' },
  proposals: { type: 'string' },
  pick: { type: 'string' },
  output: { type: 'string', short: 'o' },
  json: { type: 'boolean' },
} as const;

/** Reads a .folio file through main/storage; its one-line problems become user errors (exit 2). */
export async function readEditionFile(path: string): Promise<Edition> {
  try {
    return (await readFolio(path)).edition;
  } catch (error) {
    if (error instanceof FolioFileError) throw new UserError(error.message);
    throw error;
  }
}

export interface LayoutLine {
  page: number;
  frame: string;
  column: number;
  x: number;
  y: number;
  width: number;
  text: string;
  story: string;
  block: number;
  start: number;
  end: number;
  /** A jump line (转版) the composer made, not story text: 'jump-to' (下转) or 'jump-from' (上接). */
  generated?: 'jump-to' | 'jump-from';
}

const round = (v: number) => Math.round(v * 100) / 100;

/** The JSON summary: one entry per printed line (parts of a run-in line are joined). */
export function layoutSummary(edition: Edition, list: DisplayList) {
  const lines: LayoutLine[] = [];
  for (const page of list.pages) {
    for (const item of page.items) {
      if (item.kind !== 'text') continue;
      for (const line of item.lines) {
        const previous = lines[lines.length - 1];
        if (line.continuesLine && previous) {
          previous.text += line.text;
          previous.width = round(line.x + line.width - previous.x);
          continue;
        }
        lines.push({
          page: page.index + 1,
          frame: item.frameId,
          column: line.column,
          x: round(line.x),
          y: round(line.y),
          width: round(line.width),
          text: line.text,
          story: line.storyId,
          block: line.block,
          start: line.start,
          end: line.end,
          ...(line.generated ? { generated: line.generated } : {}),
        });
      }
    }
  }
  const stories = Object.values(list.stories).map((report) => ({
    ...report,
    name: edition.stories[report.storyId]?.name ?? report.storyId,
  }));
  return {
    pages: list.pages.length,
    lines,
    stories,
    overset: stories.filter((s) => s.oversetCharacters > 0 || s.oversetLines > 0),
    copyfit: stories.map((s) => ({ storyId: s.storyId, name: s.name, copyfitLines: s.copyfitLines })),
    missingGlyphs: list.missingGlyphs.map((m) => ({
      ...m,
      character: String.fromCodePoint(m.codePoint),
      codePoint: `U+${m.codePoint.toString(16).toUpperCase().padStart(4, '0')}`,
      page: m.pageIndex === null ? null : m.pageIndex + 1,
    })),
  };
}

/** Columns a string takes in a terminal: CJK and full-width characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      cp >= 0x20000;
    width += wide ? 2 : 1;
  }
  return width;
}

/** Cuts or pads `text` to exactly `width` terminal columns. */
function fit(text: string, width: number): string {
  let out = '';
  for (const ch of text) {
    if (displayWidth(out + ch) > width) break;
    out += ch;
  }
  return out + ' '.repeat(width - displayWidth(out));
}

function table(summary: ReturnType<typeof layoutSummary>): string {
  const out: string[] = [];
  out.push('page  frame            col       x        y    width  text');
  for (const l of summary.lines) {
    out.push(
      `${String(l.page).padStart(4)}  ${fit(l.frame, 15)}  ${String(l.column).padStart(3)}  ${l.x.toFixed(1).padStart(6)}  ${l.y.toFixed(1).padStart(7)}  ${l.width.toFixed(1).padStart(7)}  ${l.text}`,
    );
  }
  out.push('');
  out.push('story                      set  overset chars  overset lines  copyfit');
  for (const s of summary.stories) {
    const copyfit = s.copyfitLines > 0 ? `+${s.copyfitLines}` : String(s.copyfitLines);
    out.push(
      `${fit(s.name, 22)}  ${String(s.charactersSet).padStart(6)}  ${String(s.oversetCharacters).padStart(13)}  ${String(s.oversetLines).padStart(13)}  ${copyfit.padStart(7)}`,
    );
  }
  out.push('');
  if (summary.missingGlyphs.length === 0) out.push('missing glyphs: none');
  for (const m of summary.missingGlyphs) {
    out.push(
      `missing glyph ${m.character} ${m.codePoint}: story ${m.storyId}, block ${m.block}, offset ${m.offset}, ${m.page === null ? 'overset' : `page ${m.page}`}`,
    );
  }
  return out.join('\n');
}

export const command: CliCommand = {
  name: 'layout',
  summary: 'compose an edition and print where every line goes',
  usage,
  async run(args, io) {
    if (args.includes('--auto')) {
      const { values, positionals } = parseCommandArgs('layout', args, autoOptions);
      if (positionals.length !== 1) throw new UserError('give exactly one <edition.folio> file');
      return runAutoLayout(
        {
          file: positionals[0],
          page: values.page,
          proposals: values.proposals,
          pick: values.pick,
          output: values.output,
          json: values.json ?? false,
        },
        io,
      );
    }
    const files = args.filter((a) => !a.startsWith('-'));
    const unknown = args.filter((a) => a.startsWith('-') && a !== '--json' && a !== '--full');
    if (unknown.length > 0) throw new UserError(`unknown option ${unknown[0]}. Run 'folio layout --help'.`);
    if (files.length !== 1) throw new UserError('give exactly one <edition.folio> file');
    const edition = await readEditionFile(resolve(io.cwd, files[0]));
    const composer = await createNodeComposer();
    const list = composeEdition(edition, composer);
    if (args.includes('--full')) {
      io.out(JSON.stringify(list, null, 2));
      return 0;
    }
    const summary = layoutSummary(edition, list);
    io.out(args.includes('--json') ? JSON.stringify(summary, null, 2) : table(summary));
    return 0;
  },
};

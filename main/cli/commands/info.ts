/**
 * `folio info <edition.folio> [--json]`: what is in an edition — its pages
 * and frames, its stories with their roles and character counts, and its
 * assets. Reads the file without ever writing to it.
 */
import type { CliCommand } from '../command';
import { UserError } from '../command';
import { foldRoles, parseCommandArgs, resolveFrom } from '../../import/cli-options';
import { readFolio, FolioFileError } from '../../storage';
import type { Edition, Frame } from '../../../shared/model/types';
import { ptToMm } from '../../../shared/model/units';

const usage = `Usage: folio info <edition.folio> [--json]

Lists an edition's pages (size, columns, frames), its stories (paragraph
roles, characters, the frames they flow through) and its assets.

Options:
  --json      print the same as JSON
  -h, --help  show this help`;

const options = { json: { type: 'boolean' } } as const;

export interface EditionInfo {
  file: string;
  meta: Edition['meta'];
  schemaVersion: number;
  pages: {
    number: number;
    widthMm: number;
    heightMm: number;
    columns: number;
    master: string | null;
    section: string;
    frames: {
      id: string;
      kind: Frame['kind'];
      name: string;
      x: number;
      y: number;
      width: number;
      height: number;
      columns?: number;
      story?: string;
      asset?: string | null;
      caption?: string | null;
    }[];
  }[];
  masters: { id: string; name: string; frames: number }[];
  stories: {
    id: string;
    name: string;
    roles: string[];
    paragraphs: number;
    characters: number;
    frames: string[];
  }[];
  assets: { id: string; name: string; mime: string; widthPx: number; heightPx: number; bytes: number }[];
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** The facts `folio info` prints, from an edition. */
export function describeEdition(file: string, edition: Edition): EditionInfo {
  const owner = new Map<string, string>();
  for (const story of Object.values(edition.stories)) for (const id of story.thread) owner.set(id, story.id);
  return {
    file,
    meta: edition.meta,
    schemaVersion: edition.schemaVersion,
    pages: edition.pages.map((page, i) => ({
      number: i + 1,
      widthMm: round(ptToMm(page.size.width)),
      heightMm: round(ptToMm(page.size.height)),
      columns: page.columns,
      master: page.masterId,
      section: page.section,
      frames: page.frames.map((f) => ({
        id: f.id,
        kind: f.kind,
        name: f.name,
        x: round(f.x, 2),
        y: round(f.y, 2),
        width: round(f.width, 2),
        height: round(f.height, 2),
        ...(f.kind === 'text'
          ? { columns: f.columns, ...(owner.has(f.id) ? { story: owner.get(f.id) } : {}) }
          : {}),
        ...(f.kind === 'image' ? { asset: f.assetId, caption: f.captionStoryId } : {}),
      })),
    })),
    masters: edition.masters.map((m) => ({ id: m.id, name: m.name, frames: m.frames.length })),
    stories: Object.values(edition.stories).map((story) => ({
      id: story.id,
      name: story.name,
      roles: story.blocks.map((b) => b.type),
      paragraphs: story.blocks.length,
      // Field placeholders (folio lines) are not copy: they are replaced on every page.
      characters: story.blocks.reduce(
        (n, b) => n + b.children.reduce((m, c) => m + (c.field ? 0 : [...c.text].length), 0),
        0,
      ),
      frames: story.thread,
    })),
    assets: Object.values(edition.assets).map((a) => ({
      id: a.id,
      name: a.name,
      mime: a.mime,
      widthPx: a.widthPx,
      heightPx: a.heightPx,
      bytes: a.byteLength,
    })),
  };
}

function kinds(frames: EditionInfo['pages'][number]['frames']): string {
  const counts = new Map<string, number>();
  for (const f of frames) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  return [...counts].map(([kind, n]) => `${n} ${kind}`).join(', ');
}

function printInfo(info: EditionInfo, out: (line: string) => void): void {
  const { meta } = info;
  out(`${info.file}`);
  out(
    `  ${meta.paperName}  ${meta.date}  issue ${meta.issueNumber}${meta.editionName ? `  ${meta.editionName}` : ''}  (${meta.language}, schema ${info.schemaVersion})`,
  );
  out(`Pages: ${info.pages.length}`);
  for (const page of info.pages) {
    out(
      `  page ${page.number}: ${page.widthMm} × ${page.heightMm} mm, ${page.columns} columns` +
        `${page.section ? `, section ${page.section}` : ''}; ${page.frames.length} frames (${kinds(page.frames) || 'none'})`,
    );
  }
  out(`Masters: ${info.masters.map((m) => `${m.name} (${m.frames} frames)`).join(', ') || 'none'}`);
  out(`Stories: ${info.stories.length}`);
  for (const story of info.stories) {
    out(`  ${story.id}  ${story.name}`);
    out(
      `      ${foldRoles(story.roles)}; ${story.characters} characters; frames ${story.frames.join(', ') || '(none)'}`,
    );
  }
  out(`Assets: ${info.assets.length}`);
  for (const asset of info.assets) {
    out(
      `  ${asset.id}  ${asset.name}  ${asset.mime} ${asset.widthPx} × ${asset.heightPx} px, ${round(asset.bytes / 1024)} KB`,
    );
  }
}

export const command: CliCommand = {
  name: 'info',
  summary: 'pages, frames, stories and assets of an edition',
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('info', args, options);
    if (positionals.length === 0) throw new UserError("missing the .folio file (see 'folio info --help')");
    if (positionals.length > 1)
      throw new UserError(`one file at a time; also given: ${positionals.slice(1).join(' ')}`);
    const file = resolveFrom(io.cwd, positionals[0]);
    let edition: Edition;
    try {
      edition = (await readFolio(file)).edition;
    } catch (error) {
      if (error instanceof FolioFileError) throw new UserError(error.message);
      throw error;
    }
    const info = describeEdition(positionals[0], edition);
    if (values.json) io.out(JSON.stringify(info, null, 2));
    else printInfo(info, io.out);
    return 0;
  },
};

/**
 * `folio import <file> -o <edition.folio>`: reads reporters' copy (text,
 * Markdown, Word), recognises its stories and writes an edition in which
 * they are already placed on pages of the default template.
 */
import { basename } from 'node:path';
import type { CliCommand } from '../command';
import { UserError } from '../command';
import { importFile, ImportFileError } from '../../import';
import {
  checkOutputFolder,
  foldRoles,
  parseCommandArgs,
  requireFolioOutput,
  resolveFrom,
} from '../../import/cli-options';
import { placeImportedFile } from '../../import/place-imported';
import { PAGE_PRESET_IDS, type PagePresetId } from '../../../shared/model/presets';
import { writeFolio, FolioFileError } from '../../storage';
import type { ImportReport } from '../../../shared/import';

const usage = `Usage: folio import <file> -o <edition.folio> [options]

Imports plain text (.txt), Markdown (.md) or Word (.docx) copy: finds the
stories (headlines, department labels, kickers, bylines, lead-ins such as
本报讯（记者 …）, section heads, photo captions), joins paragraphs that column
breaks split, sets OCR half-width punctuation full-width in Chinese text, and
writes an edition with the stories placed on pages of the default template.

Options:
  -o, --output <file.folio>  where to write the edition (required)
  --lang zh|en               language of the copy (default: detected)
  --no-punctuation-fix       keep half-width punctuation as typed
  --preset <id>              page size: ${PAGE_PRESET_IDS.join(', ')}
  --paper <name>             paper name for the folio line
  --date <yyyy-mm-dd>        edition date (default: today)
  --json                     print the import report as JSON
  -h, --help                 show this help`;

const options = {
  output: { type: 'string', short: 'o' },
  lang: { type: 'string' },
  'no-punctuation-fix': { type: 'boolean' },
  preset: { type: 'string' },
  paper: { type: 'string' },
  date: { type: 'string' },
  json: { type: 'boolean' },
} as const;

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function describeReport(file: string, report: ImportReport): string[] {
  const captions = report.stories.reduce((n, s) => n + s.captions.length, 0);
  const lines = [
    `Imported ${basename(file)} (${report.format}, ${report.language}): ${count(report.stories.length, 'story', 'stories')}` +
      `${report.banner ? ', a banner' : ''}, ${count(captions, 'caption')}, ` +
      `${count(report.rejoined.length, 'split paragraph')} rejoined, ` +
      `${count(report.punctuationFixed, 'punctuation mark')} made full-width` +
      (report.images.length > 0 ? `, ${count(report.images.length, 'picture')}` : '') +
      (report.tableRows > 0 ? `, ${count(report.tableRows, 'table row')} read as text` : ''),
  ];
  if (report.banner) lines.push(`  banner  ${report.banner}`);
  report.stories.forEach((story, i) => {
    lines.push(`  ${String(i + 1).padStart(2)}  ${story.name}`);
    lines.push(`      ${foldRoles(story.roles)}; ${story.characters} characters`);
    for (const caption of story.captions) lines.push(`      caption: ${caption}`);
  });
  for (const image of report.images)
    lines.push(
      `  picture ${image.image + 1} → ${image.story}${image.caption ? `: ${image.caption}` : ' (no caption)'}`,
    );
  for (const note of report.notes) lines.push(`  note: ${note}`);
  return lines;
}

export const command: CliCommand = {
  name: 'import',
  summary: 'import plain text, Markdown or Word (.docx) copy into a new edition',
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('import', args, options);
    if (positionals.length === 0)
      throw new UserError("missing the file to import (see 'folio import --help')");
    if (positionals.length > 1)
      throw new UserError(`one file at a time; also given: ${positionals.slice(1).join(' ')}`);
    const input = resolveFrom(io.cwd, positionals[0]);
    const output = requireFolioOutput('import', values.output, io.cwd);
    const lang = values.lang;
    if (lang !== undefined && lang !== 'zh' && lang !== 'en') {
      throw new UserError(`--lang ${lang}: use zh or en`);
    }
    const preset = values.preset;
    if (preset !== undefined && !(PAGE_PRESET_IDS as string[]).includes(preset)) {
      throw new UserError(`--preset ${preset}: use one of ${PAGE_PRESET_IDS.join(', ')}`);
    }
    const date = values.date;
    if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      throw new UserError(`--date ${date}: write the date as yyyy-mm-dd`);
    }
    await checkOutputFolder(output);

    let imported;
    try {
      imported = await importFile(input, {
        punctuationFix: !values['no-punctuation-fix'],
        language: lang === 'zh' ? 'zh-Hans' : lang === 'en' ? 'en' : undefined,
      });
    } catch (error) {
      if (error instanceof ImportFileError) throw new UserError(error.message);
      throw error;
    }
    const { edition, assets, placed, picturesPlaced } = placeImportedFile(imported, {
      preset: preset as PagePresetId | undefined,
      meta: {
        ...(values.paper !== undefined ? { paperName: values.paper } : {}),
        ...(date !== undefined ? { date } : {}),
      },
    });
    try {
      await writeFolio(output, edition, assets);
    } catch (error) {
      if (error instanceof FolioFileError) throw new UserError(error.message);
      throw error;
    }

    if (values.json) {
      io.out(
        JSON.stringify(
          { input, output, report: imported.report, pages: edition.pages.length, picturesPlaced },
          null,
          2,
        ),
      );
      return 0;
    }
    for (const line of describeReport(input, imported.report)) io.out(line);
    const frames = edition.pages.reduce((n, p) => n + p.frames.length, 0);
    const empty = placed.photos.length - picturesPlaced;
    io.out(
      `Wrote ${output}: ${count(edition.pages.length, 'page')}, ${count(frames, 'frame')}, ` +
        `${count(picturesPlaced, 'photo')} from the file, ${count(empty, 'empty photo frame')} for the captions`,
    );
    return 0;
  },
};

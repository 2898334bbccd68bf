/**
 * `folio export <edition.folio> -o out.pdf [--preset press|proof] [--pages 1-3] [--marks] [--spreads] [--force]`
 * `folio export <edition.folio> --preset proof --notes -o proof.pdf`: notes as PDF comments, tracked changes as markup.
 * `folio export <edition.folio> --split -o <folder> [--pattern '{date}_{page}.pdf']`: one PDF per page for the printer.
 */
import { resolve } from 'node:path';
import type { AssetBytes, Edition } from '../../../shared/model/types';
import { planOf } from '../../../shared/model/plan';
import { splitExportFiles } from '../../../shared/planning/export-names';
import type { CliCommand, CliIO } from '../command';
import { UserError } from '../command';
import { formatFinding } from '../../../shared/preflight';

const usage = `Usage: folio export <edition.folio> -o <out.pdf> [options]

Export print-ready PDF: every glyph where the layout put it, fonts embedded
as subsets, CMYK colours, boxes for bleed and trim.

       folio export <edition.folio> --split -o <folder> [--pattern <pattern>] [options]

Options:
  -o, --output <file>      the PDF to write (required); with --split, the folder
  --split                  one PDF per page named for the printer, one PDF of
                           the whole edition and manifest.json (page, section,
                           colour, size, file, SHA-256, bytes); the folder is
                           made when missing
  --pattern <pattern>      file names of --split: {date} (yyyyMMdd) or
                           {date:yyMMdd}, {page} (A01 …), {n} (01 …),
                           {section}, {edition}; default the edition's own
                           (plan settings), {date}_{page}.pdf
  --preset press|proof     press (default): CMYK, images at 300 ppi, bleed,
                           marks, PDF/X-1a keys; proof: small, RGB images at
                           150 ppi, trimmed page, no marks
  --notes                  proof only: notes (批注) as PDF comments — sticky
                           notes with author, date and replies, highlights over
                           their words — and tracked changes as markup
                           (insertions underlined, deleted words shown struck
                           through); a reviewer's comments come back with
                           'folio comments --import'
  --pages <range>          pages to export, e.g. 1-3,5 or all (default: all)
  --marks / --no-marks     crop and registration marks and the slug line
                           (default: on for press, off for proof)
  --spreads                put reader spreads (2–3, 4–5 …) on one sheet
  --force                  export a press PDF even if preflight finds errors
  --no-overprint           solid black text knocks out (press overprints it)
  --cmyk-profile <file>    CMYK ICC profile for converting RGB photos (press);
                           default: libvips's generic CMYK profile
  --image-ppi <n|full>     resolution of photos at their placed size; higher
                           ones are resampled down (default: 300 press, 150
                           proof); full keeps every pixel the frame shows
  --jpeg-quality <1-100>   quality of the JPEGs Folio writes (default: 80)`;

interface ExportArgs {
  input: string;
  output: string;
  preset: 'press' | 'proof';
  pages?: string;
  marks?: boolean;
  spreads: boolean;
  force: boolean;
  cmykProfile?: string;
  overprintBlack?: boolean;
  imagePpi?: number | null;
  jpegQuality?: number;
  split: boolean;
  pattern?: string;
  notes: boolean;
}

function parseArgs(args: string[]): ExportArgs {
  let input: string | undefined;
  let output: string | undefined;
  let preset: 'press' | 'proof' = 'press';
  let pages: string | undefined;
  let marks: boolean | undefined;
  let spreads = false;
  let force = false;
  let cmykProfile: string | undefined;
  let overprintBlack: boolean | undefined;
  let imagePpi: number | null | undefined;
  let jpegQuality: number | undefined;
  let split = false;
  let pattern: string | undefined;
  let notes = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = () => {
      const next = args[++i];
      if (next === undefined || next.startsWith('--')) throw new UserError(`${arg} needs a value`);
      return next;
    };
    if (arg === '-o' || arg === '--output') output = value();
    else if (arg === '--preset') {
      const given = value();
      if (given !== 'press' && given !== 'proof')
        throw new UserError(`unknown preset '${given}' (use press or proof)`);
      preset = given;
    } else if (arg === '--pages') {
      const given = value();
      pages = given === 'all' ? undefined : given;
    } else if (arg === '--split') split = true;
    else if (arg === '--notes') notes = true;
    else if (arg === '--pattern') pattern = value();
    else if (arg === '--marks') marks = true;
    else if (arg === '--no-marks') marks = false;
    else if (arg === '--spreads') spreads = true;
    else if (arg === '--force') force = true;
    else if (arg === '--cmyk-profile') cmykProfile = value();
    else if (arg === '--no-overprint') overprintBlack = false;
    else if (arg === '--image-ppi') {
      const given = value();
      imagePpi = given === 'full' ? null : Number(given);
      if (imagePpi !== null && !(Number.isFinite(imagePpi) && imagePpi >= 36 && imagePpi <= 4800))
        throw new UserError(`--image-ppi '${given}': give a resolution from 36 to 4800, or full`);
    } else if (arg === '--jpeg-quality') {
      const given = value();
      jpegQuality = Number(given);
      if (!(Number.isInteger(jpegQuality) && jpegQuality >= 1 && jpegQuality <= 100))
        throw new UserError(`--jpeg-quality '${given}': give a whole number from 1 to 100`);
    } else if (arg.startsWith('-')) throw new UserError(`unknown option ${arg}`);
    else if (input === undefined) input = arg;
    else throw new UserError(`unexpected argument '${arg}'`);
  }
  if (!input) throw new UserError('which edition? Usage: folio export <edition.folio> -o <out.pdf>');
  if (!output)
    throw new UserError(
      split
        ? 'where to? Give the folder to write the pages to with -o <folder>'
        : 'where to? Give the PDF to write with -o <out.pdf>',
    );
  if (pattern !== undefined && !split)
    throw new UserError('--pattern names the files of --split; add --split');
  if (notes && preset !== 'proof')
    throw new UserError('--notes goes with --preset proof (a press PDF, PDF/X-1a, may carry no annotations)');
  if (notes && split) throw new UserError('--notes writes one proof PDF; it cannot be combined with --split');
  if (split && spreads)
    throw new UserError('--split writes one PDF per page; it cannot be combined with --spreads');
  return {
    input,
    output,
    preset,
    pages,
    marks,
    spreads,
    force,
    cmykProfile,
    overprintBlack,
    imagePpi,
    jpegQuality,
    split,
    pattern,
    notes,
  };
}

export const command: CliCommand = {
  name: 'export',
  summary: 'export print-ready PDF',
  usage,
  async run(args, io) {
    const options = parseArgs(args);
    const pdf = await import('../../pdf');
    const { loadFolio, FolioReadError } = await import('../../pdf/load-folio');
    const input = resolve(io.cwd, options.input);
    const outputPath = resolve(io.cwd, options.output);
    let loaded;
    try {
      loaded = await loadFolio(input);
    } catch (error) {
      if (error instanceof FolioReadError) throw new UserError(error.message);
      throw error;
    }
    if (options.split) return runSplit(options, loaded, outputPath, io);
    try {
      // The user's mistakes first, before the work of composing.
      await pdf.checkOutputPath(outputPath);
      if (options.pages) pdf.parsePageRange(options.pages, loaded.edition.pages.length);
    } catch (error) {
      if (error instanceof pdf.OutputPathError || error instanceof pdf.PageRangeError)
        throw new UserError(error.message);
      throw error;
    }
    const proof = await pdf.composeForProof(loaded.edition, { notes: options.notes });
    const displayList = proof.displayList;
    const total = displayList.pages.length;
    try {
      const result = await pdf.exportPdf({
        edition: proof.edition,
        source: proof.source,
        assets: loaded.assets,
        displayList,
        outputPath,
        options: {
          preset: options.preset,
          pages: options.pages,
          marks: options.marks,
          spreads: options.spreads,
          force: options.force,
          cmykProfile: options.cmykProfile ? resolve(io.cwd, options.cmykProfile) : undefined,
          overprintBlack: options.overprintBlack,
          imagePpi: options.imagePpi,
          jpegQuality: options.jpegQuality,
          notes: options.notes,
        },
        onProgress:
          total > 1
            ? (done, sheets, pageNumbers) => io.err(`page ${pageNumbers.join('–')} (${done}/${sheets})`)
            : undefined,
      });
      for (const finding of result.findings) io.err(formatFinding(finding));
      io.out(
        `wrote ${options.output} (${(result.byteLength / 1024).toFixed(0)} KB, ${options.preset}${options.notes ? ', with notes and changes' : ''})`,
      );
      return 0;
    } catch (error) {
      if (error instanceof pdf.PreflightRefusedError) {
        io.err(`folio export: ${error.message}`);
        return 1;
      }
      if (
        error instanceof pdf.PageRangeError ||
        error instanceof pdf.OutputPathError ||
        error instanceof pdf.ImageError ||
        error instanceof pdf.UnexportableError ||
        error instanceof pdf.ProfileError ||
        error instanceof pdf.MissingFontError
      ) {
        throw new UserError(error.message);
      }
      throw error;
    }
  },
};

/** `--split`: one PDF per page, the whole edition and manifest.json in the folder given with -o. */
async function runSplit(
  options: ExportArgs,
  loaded: { edition: Edition; assets: AssetBytes },
  outputDir: string,
  io: CliIO,
): Promise<number> {
  const pdf = await import('../../pdf');
  const { edition } = loaded;
  try {
    // The user's mistakes first, before the work of composing.
    const selected = options.pages
      ? pdf.parsePageRange(options.pages, edition.pages.length)
      : edition.pages.map((_, i) => i + 1);
    splitExportFiles(edition, selected, options.pattern ?? planOf(edition).settings.exportPattern);
    await pdf.checkOutputDir(outputDir);
  } catch (error) {
    if (
      error instanceof pdf.OutputPathError ||
      error instanceof pdf.PageRangeError ||
      error instanceof pdf.ExportPatternError
    )
      throw new UserError(error.message);
    throw error;
  }
  const displayList = await pdf.composeForExport(edition);
  try {
    const result = await pdf.exportSplit({
      edition,
      assets: loaded.assets,
      displayList,
      outputDir,
      pattern: options.pattern,
      options: {
        preset: options.preset,
        pages: options.pages,
        marks: options.marks,
        force: options.force,
        cmykProfile: options.cmykProfile ? resolve(io.cwd, options.cmykProfile) : undefined,
        overprintBlack: options.overprintBlack,
        imagePpi: options.imagePpi,
        jpegQuality: options.jpegQuality,
      },
      onProgress: (done, total, file) => io.err(`${file} (${done}/${total})`),
    });
    for (const finding of result.findings) io.err(formatFinding(finding));
    const { manifest } = result;
    const bytes = manifest.pages.reduce((sum, p) => sum + p.bytes, manifest.whole.bytes);
    io.out(
      `wrote ${manifest.pages.length} page PDF${manifest.pages.length === 1 ? '' : 's'}, ${manifest.whole.file} and ${pdf.MANIFEST_FILE} to ${options.output} (${(bytes / 1024).toFixed(0)} KB, ${options.preset})`,
    );
    return 0;
  } catch (error) {
    if (error instanceof pdf.PreflightRefusedError) {
      io.err(`folio export: ${error.message}`);
      return 1;
    }
    if (
      error instanceof pdf.PageRangeError ||
      error instanceof pdf.OutputPathError ||
      error instanceof pdf.ExportPatternError ||
      error instanceof pdf.ImageError ||
      error instanceof pdf.UnexportableError ||
      error instanceof pdf.ProfileError ||
      error instanceof pdf.MissingFontError
    ) {
      throw new UserError(error.message);
    }
    throw error;
  }
}

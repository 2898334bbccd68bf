/**
 * `folio export <edition.folio> -o out.pdf [--preset press|proof] [--pages 1-3] [--marks] [--spreads] [--force]`
 */
import { resolve } from 'node:path';
import type { CliCommand } from '../command';
import { UserError } from '../command';
import { formatFinding } from '../../../shared/preflight';

const usage = `Usage: folio export <edition.folio> -o <out.pdf> [options]

Export print-ready PDF: every glyph where the layout put it, fonts embedded
as subsets, CMYK colours, boxes for bleed and trim.

Options:
  -o, --output <file>      the PDF to write (required)
  --preset press|proof     press (default): CMYK, images at 300 ppi, bleed,
                           marks, PDF/X-1a keys; proof: small, RGB images at
                           150 ppi, trimmed page, no marks
  --pages <range>          pages to export, e.g. 1-3,5 (default: all)
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
    } else if (arg === '--pages') pages = value();
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
  if (!output) throw new UserError('where to? Give the PDF to write with -o <out.pdf>');
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
    try {
      // The user's mistakes first, before the work of composing.
      await pdf.checkOutputPath(outputPath);
      if (options.pages) pdf.parsePageRange(options.pages, loaded.edition.pages.length);
    } catch (error) {
      if (error instanceof pdf.OutputPathError || error instanceof pdf.PageRangeError)
        throw new UserError(error.message);
      throw error;
    }
    const displayList = await pdf.composeForExport(loaded.edition);
    const total = displayList.pages.length;
    try {
      const result = await pdf.exportPdf({
        edition: loaded.edition,
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
        },
        onProgress:
          total > 1
            ? (done, sheets, pageNumbers) => io.err(`page ${pageNumbers.join('–')} (${done}/${sheets})`)
            : undefined,
      });
      for (const finding of result.findings) io.err(formatFinding(finding));
      io.out(`wrote ${options.output} (${(result.byteLength / 1024).toFixed(0)} KB, ${options.preset})`);
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

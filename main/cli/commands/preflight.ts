/** `folio preflight <edition.folio> [--json] [--proof]` */
import { resolve } from 'node:path';
import type { CliCommand } from '../command';
import { UserError } from '../command';
import { formatFinding, hasErrors } from '../../../shared/preflight';

const usage = `Usage: folio preflight <edition.folio> [--json] [--proof] [--no-copy-checks]

Check an edition before it goes to press: overset text, missing glyphs and
fonts, missing or unreadable images, images below 200 ppi, RGB images,
objects beyond the bleed, empty frames. Each finding names its page and frame.

Copy checks (warnings, each switchable per edition in the app): half-width
punctuation in Chinese text, unpaired quotes and brackets, full- and
half-width digits or letters mixed in a story, doubled punctuation,
characters or words, spaces between Han characters, straight quotes in
Chinese text, English spelling (with the edition's accepted words), and the
edition's house list of preferred forms. Each names its story, paragraph and
text, and the fix where there is one.

Exits 1 when there are errors, 0 otherwise.

Options:
  --json            print the findings as JSON
  --proof           check for a proof export (RGB images are fine)
  --no-copy-checks  only the press checks`;

export const command: CliCommand = {
  name: 'preflight',
  summary: 'check an edition before it goes to press',
  usage,
  async run(args, io) {
    let input: string | undefined;
    let json = false;
    let target: 'press' | 'proof' = 'press';
    let copyChecks = true;
    for (const arg of args) {
      if (arg === '--json') json = true;
      else if (arg === '--no-copy-checks') copyChecks = false;
      else if (arg === '--proof') target = 'proof';
      else if (arg.startsWith('-')) throw new UserError(`unknown option ${arg}`);
      else if (input === undefined) input = arg;
      else throw new UserError(`unexpected argument '${arg}'`);
    }
    if (!input) throw new UserError('which edition? Usage: folio preflight <edition.folio> [--json]');
    const pdf = await import('../../pdf');
    const { loadFolio, FolioReadError } = await import('../../pdf/load-folio');
    let loaded;
    try {
      loaded = await loadFolio(resolve(io.cwd, input));
    } catch (error) {
      if (error instanceof FolioReadError) throw new UserError(error.message);
      throw error;
    }
    const displayList = await pdf.composeForExport(loaded.edition);
    const findings = await pdf.preflightEdition({
      edition: loaded.edition,
      assets: loaded.assets,
      displayList,
      target,
      copyChecks,
    });
    if (json) io.out(JSON.stringify({ findings }, null, 2));
    else if (findings.length === 0) io.out(`${input}: no problems found`);
    else {
      for (const finding of findings) io.out(formatFinding(finding));
      const errors = findings.filter((f) => f.severity === 'error').length;
      io.out(
        `${errors} error${errors === 1 ? '' : 's'}, ${findings.length - errors} warning${findings.length - errors === 1 ? '' : 's'}`,
      );
    }
    return hasErrors(findings) ? 1 : 0;
  },
};

/**
 * `folio comments <edition.folio> --import REVIEWED.pdf -o OUT.folio [--as NAME] [--json]`:
 * a reviewer's comments on a proof PDF (sticky notes, text boxes,
 * highlights, underlines, strike-outs, carets) back as notes on the words
 * under them. The input edition and the PDF are never changed.
 */
import { basename } from 'node:path';
import type { CliCommand } from '../command';
import { UserError } from '../command';
import { parseCommandArgs, requireFolioOutput, resolveFrom } from '../../import/cli-options';
import { cliStamp, loadFolio, saveFolio } from '../review/edition-io';

const usage = `Usage: folio comments <edition.folio> --import <reviewed.pdf> -o <out.folio> [--as NAME] [--json]

Imports the comments a reviewer added to a proof PDF (exported with
'folio export --preset proof', with or without --notes) in a PDF reader:
sticky notes and text boxes become notes on the word under them,
highlights, underlines and squiggles notes on the words they cover,
strike-outs notes proposing to delete those words, carets notes proposing
an insertion (with a strike-out: a replacement), replies replies. Author,
date and colour come from each comment; comments that hit no text become
notes on their point of the page. Comments the export wrote itself, and
ones imported before, are not imported again.

Options:
  --import <file.pdf>   the reviewed PDF (required)
  -o, --output <file>   where to write the edition with the notes (required;
                        the input is never changed)
  --as NAME             author for comments that name none (default: the
                        system user name)
  --json                the report as JSON
  -h, --help            show this help`;

const options = {
  import: { type: 'string' },
  output: { type: 'string', short: 'o' },
  as: { type: 'string' },
  json: { type: 'boolean' },
} as const;

export const command: CliCommand = {
  name: 'comments',
  summary: 'import a reviewer’s PDF comments as notes',
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('comments', args, options);
    if (positionals.length !== 1)
      throw new UserError(
        positionals.length === 0
          ? "missing the .folio file (see 'folio comments --help')"
          : `one file only; also given: ${positionals.slice(1).join(' ')}`,
      );
    if (!values.import) throw new UserError("missing --import <reviewed.pdf> (see 'folio comments --help')");
    const output = requireFolioOutput('comments', values.output, io.cwd);
    const fallback = cliStamp(values.as);
    const { path, edition, assets } = await loadFolio(io.cwd, positionals[0]);
    if (output === path)
      throw new UserError(`${values.output}: write the result to another file (the input is never changed)`);
    const { importPdfComments, ReviewedPdfError } = await import('../../pdf/import-comments');
    let result;
    try {
      result = await importPdfComments(edition, resolveFrom(io.cwd, values.import), {
        fallback,
        shownName: values.import,
        editionName: basename(positionals[0]),
      });
    } catch (error) {
      if (error instanceof ReviewedPdfError) throw new UserError(error.message);
      throw error;
    }
    for (const warning of result.warnings) io.err(`warning: ${warning}`);
    await saveFolio(output, result.edition, assets);
    const notes = result.onText + result.onPoints;
    if (values.json) {
      io.out(
        JSON.stringify(
          {
            file: positionals[0],
            pdf: values.import,
            output: values.output,
            imported: notes,
            onText: result.onText,
            onPoints: result.onPoints,
            replies: result.replies,
            existing: result.existing,
            comments: result.imported,
            skipped: result.skipped,
            warnings: result.warnings,
          },
          null,
          2,
        ),
      );
      return 0;
    }
    for (const c of result.imported)
      io.out(
        `page ${c.sheet}  ${c.subtype}${c.reply ? ' (reply)' : ''}  ${c.words === null ? (c.reply ? '' : 'on a page point') : `on “${c.words.replace(/\n/g, '¶')}”`}`.trimEnd(),
      );
    for (const line of result.skipped) io.out(`skipped ${line}`);
    io.out(
      `${notes} imported: ${result.onText} on text, ${result.onPoints} on page points` +
        `${result.replies ? `; ${result.replies} repl${result.replies === 1 ? 'y' : 'ies'}` : ''}` +
        `${result.existing ? `; ${result.existing} already in the edition` : ''}` +
        `${result.skipped.length ? `; ${result.skipped.length} skipped` : ''}; wrote ${values.output}`,
    );
    return 0;
  },
};

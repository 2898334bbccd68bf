/**
 * `folio signoff <edition.folio> --page N --as NAME [--reopen] [-o OUT]`: signs a
 * page off for press (签版) in the latest round, or reopens it.
 */
import type { CliCommand } from '../command';
import { UserError } from '../command';
import { parseCommandArgs, requireFolioOutput } from '../../import/cli-options';
import { applyOperation } from '../../../shared/model/operations';
import { pageStatus, reviewOf } from '../../../shared/model/review';
import { signOffOp } from '../../../shared/review';
import { cliStamp, loadFolio, saveFolio } from '../review/edition-io';

const usage = `Usage: folio signoff <edition.folio> --page N[,M…] --as NAME [-o OUT.folio]
       folio signoff <edition.folio> --page N --reopen [-o OUT.folio]
       folio signoff <edition.folio> --list [--json]
       folio signoff <edition.folio> --require on|off [-o OUT.folio]

Signs pages off for press (签版): who, when, in which proof round. The file is
updated in place unless -o names another one; a mistake leaves it as it was.

Options:
  --page N[,M…]      the page number(s), 1-based
  --as NAME          who signs (required to sign)
  --reopen           reopen the page(s) (back to in proof)
  --require on|off   the edition setting "require sign-off for press": on, a press
                     export refuses pages not signed off (export --force overrides)
  --list             each page's status: draft, in proof, or signed off (who, when, round)
  -o, --output FILE  write the result there instead of in place
  --json             with --list: JSON
  -h, --help         show this help`;

const options = {
  page: { type: 'string' },
  as: { type: 'string' },
  reopen: { type: 'boolean' },
  list: { type: 'boolean' },
  require: { type: 'string' },
  output: { type: 'string', short: 'o' },
  json: { type: 'boolean' },
} as const;

export const command: CliCommand = {
  name: 'signoff',
  summary: 'sign pages off for press (签版), reopen them, list their status',
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('signoff', args, options);
    if (positionals.length !== 1)
      throw new UserError(
        positionals.length === 0
          ? "missing the .folio file (see 'folio signoff --help')"
          : `one file only; also given: ${positionals.slice(1).join(' ')}`,
      );
    const { path, edition, assets } = await loadFolio(io.cwd, positionals[0]);
    const review = reviewOf(edition);
    if (values.list) {
      const pages = edition.pages.map((page, i) => {
        const s = review.signoffs[page.id];
        const round = s?.roundId ? review.rounds.find((r) => r.id === s.roundId)?.name : null;
        return {
          page: i + 1,
          status: pageStatus(edition, page.id),
          by: s?.author ?? null,
          time: s?.time ?? null,
          round: round ?? null,
        };
      });
      if (values.json)
        io.out(
          JSON.stringify(
            { file: positionals[0], requireSignoff: review.settings.requireSignoff, pages },
            null,
            2,
          ),
        );
      else
        for (const p of pages)
          io.out(
            `page ${p.page}: ${p.status}${p.by ? ` by ${p.by} ${p.time}${p.round ? ` in ${p.round}` : ''}` : ''}`,
          );
      return 0;
    }
    if (values.require !== undefined) {
      if (values.require !== 'on' && values.require !== 'off')
        throw new UserError(`--require ${values.require}: say on or off`);
      if (values.page !== undefined)
        throw new UserError('--require is an edition setting; give it without --page');
      const output = values.output ? requireFolioOutput('signoff', values.output, io.cwd) : path;
      const next = applyOperation(edition, {
        type: 'set_review_settings',
        props: { requireSignoff: values.require === 'on' },
      }).edition;
      await saveFolio(output, next, assets);
      io.out(
        `Sign-off for press is ${values.require === 'on' ? 'required' : 'not required'}; wrote ${values.output ?? positionals[0]}`,
      );
      return 0;
    }
    if (values.page === undefined) throw new UserError("missing --page N (see 'folio signoff --help')");
    const numbers = values.page.split(',').map((part) => {
      const n = Number(part.trim());
      if (!Number.isInteger(n) || n < 1 || n > edition.pages.length)
        throw new UserError(`--page ${part.trim()}: the edition has pages 1–${edition.pages.length}`);
      return n;
    });
    if (!values.reopen && values.as === undefined) throw new UserError('--as NAME: who signs the page off');
    if (values.reopen && values.as !== undefined)
      throw new UserError('--as goes with signing, not with --reopen');
    const output = values.output ? requireFolioOutput('signoff', values.output, io.cwd) : path;
    const stamp = values.reopen ? null : cliStamp(values.as);
    let next = edition;
    for (const n of numbers) {
      const pageId = edition.pages[n - 1].id;
      const op = stamp
        ? signOffOp(next, pageId, stamp)
        : ({ type: 'set_signoff', pageId, signoff: null } as const);
      next = applyOperation(next, op).edition;
    }
    await saveFolio(output, next, assets);
    const list = numbers.join(', ');
    io.out(
      stamp
        ? `Signed off page${numbers.length === 1 ? '' : 's'} ${list} as ${stamp.author}; wrote ${values.output ?? positionals[0]}`
        : `Reopened page${numbers.length === 1 ? '' : 's'} ${list}; wrote ${values.output ?? positionals[0]}`,
    );
    return 0;
  },
};

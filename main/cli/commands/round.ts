/**
 * `folio round <edition.folio> --start [NAME] | --list | --rename ROUND --to NAME`:
 * proof rounds (校次) from scripts. Starting a round keeps a snapshot of the
 * edition inside the file (text and layout; photos by reference).
 */
import type { CliCommand } from '../command';
import { UserError } from '../command';
import { parseCommandArgs, requireFolioOutput } from '../../import/cli-options';
import { applyOperation } from '../../../shared/model/operations';
import { reviewOf } from '../../../shared/model/review';
import { findRound, renameRoundOp, startRoundOp } from '../../../shared/review';
import { cliStamp, loadFolio, saveFolio } from '../review/edition-io';

const usage = `Usage: folio round <edition.folio> --start [NAME] [--as NAME] [-o OUT.folio]
       folio round <edition.folio> --list [--json]
       folio round <edition.folio> --rename ROUND --to NAME [-o OUT.folio]

Proof rounds (校次). --start keeps a snapshot of the edition as it is now —
text and layout, photos by reference — inside the file, named NAME or by
default 一校, 二校 … (Chinese editions) or Proof 1, 2 … (English). The file
is updated in place unless -o names another one; a mistake leaves it as it was.

Options:
  --start [NAME]      start a round (an empty NAME takes the default)
  --list              list the rounds: number, name, who started it and when
  --rename ROUND      rename a round (by id or name) to --to NAME
  --to NAME           the new name
  --as NAME           who starts it (default: the system user name)
  -o, --output FILE   write the result there instead of in place
  --json              with --list: JSON
  -h, --help          show this help`;

const options = {
  start: { type: 'string' },
  list: { type: 'boolean' },
  rename: { type: 'string' },
  to: { type: 'string' },
  as: { type: 'string' },
  output: { type: 'string', short: 'o' },
  json: { type: 'boolean' },
} as const;

/** `--start` may be given without a name: Node's parser wants a value, so a bare flag is given one. */
function withBareStart(args: string[]): string[] {
  return args.flatMap((arg, i) =>
    arg === '--start' && (i + 1 >= args.length || args[i + 1].startsWith('-')) ? ['--start='] : [arg],
  );
}

export const command: CliCommand = {
  name: 'round',
  summary: 'start, list or rename proof rounds (校次)',
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('round', withBareStart(args), options);
    if (positionals.length !== 1)
      throw new UserError(
        positionals.length === 0
          ? "missing the .folio file (see 'folio round --help')"
          : `one file only; also given: ${positionals.slice(1).join(' ')}`,
      );
    const actions = [values.start !== undefined, Boolean(values.list), values.rename !== undefined].filter(
      Boolean,
    ).length;
    if (actions !== 1)
      throw new UserError('say what to do: --start [NAME], --list or --rename ROUND --to NAME');
    if (values.to !== undefined && values.rename === undefined)
      throw new UserError('--to goes with --rename');
    if (values.json && !values.list) throw new UserError('--json goes with --list');
    const { path, edition, assets } = await loadFolio(io.cwd, positionals[0]);
    if (values.list) {
      const rounds = reviewOf(edition).rounds.map((r) => ({
        id: r.id,
        number: r.number,
        name: r.name,
        author: r.author,
        time: r.time,
      }));
      if (values.json) io.out(JSON.stringify({ file: positionals[0], rounds }, null, 2));
      else if (rounds.length === 0) io.out('no proof rounds yet');
      else for (const r of rounds) io.out(`${r.number}  ${r.name}  ${r.author}  ${r.time}  (${r.id})`);
      return 0;
    }
    const output = values.output ? requireFolioOutput('round', values.output, io.cwd) : path;
    let op;
    if (values.rename !== undefined) {
      const round = findRound(edition, values.rename);
      if (!round)
        throw new UserError(
          `--rename ${values.rename}: no round with that id or name ('folio round FILE --list' lists them)`,
        );
      if (!values.to?.trim()) throw new UserError('--rename needs --to NAME (the new name)');
      op = renameRoundOp(edition, round.id, values.to.trim());
    } else op = startRoundOp(edition, cliStamp(values.as), values.start);
    const next = applyOperation(edition, op).edition;
    await saveFolio(output, next, assets);
    const round = op.type === 'upsert_round' ? op.round : null;
    io.out(
      values.rename !== undefined
        ? `Renamed the round to ${round?.name}; wrote ${values.output ?? positionals[0]}`
        : `Started ${round?.name} (round ${round?.number}); wrote ${values.output ?? positionals[0]}`,
    );
    return 0;
  },
};

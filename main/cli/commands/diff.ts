/**
 * `folio diff A.folio B.folio` and `folio diff FILE --from ROUND --to ROUND|now`:
 * what changed between two states of an edition — per story a redline of the
 * text, per page the regions whose picture changed (both states composed
 * with the same engine and compared line by line).
 */
import type { CliCommand } from '../command';
import { UserError } from '../command';
import { parseCommandArgs } from '../../import/cli-options';
import type { Edition } from '../../../shared/model/types';
import { reviewOf } from '../../../shared/model/review';
import {
  composeStates,
  diffEditions,
  editionOfSnapshot,
  findRound,
  type DiffSegment,
} from '../../../shared/review';
import { createNodeComposer } from '../../fonts';
import { Composition } from '../../../shared/layout/compose-edition';
import { loadFolio } from '../review/edition-io';

const usage = `Usage: folio diff <before.folio> <after.folio> [--json]
       folio diff <edition.folio> --from ROUND [--to ROUND|now] [--json]

Compares two states of an edition: two files, or two proof rounds kept in
one file (by name or id; --to defaults to now, the edition as it is). Prints
each changed story as a redline — [-deleted-]{+inserted+} — and each page
whose picture changed, with the changed regions in points (x, y, width,
height from the page's top-left corner).

Options:
  --from ROUND    the earlier round
  --to ROUND      the later round, or now (default)
  --json          the stories' segments and the pages' regions as JSON
  -h, --help      show this help`;

const options = {
  from: { type: 'string' },
  to: { type: 'string' },
  json: { type: 'boolean' },
} as const;

/** A redline in one line: [-deleted-]{+inserted+}, unchanged text shortened in the middle. */
export function redline(segments: DiffSegment[]): string {
  return segments
    .map((s) => {
      const text = s.text.replace(/\n/g, '¶');
      if (s.kind === 'delete') return `[-${text}-]`;
      if (s.kind === 'insert') return `{+${text}+}`;
      return text.length > 24 ? `${text.slice(0, 10)}…${text.slice(-10)}` : text;
    })
    .join('');
}

function roundEdition(edition: Edition, name: string, option: string): Edition {
  if (name === 'now') return edition;
  const round = findRound(edition, name);
  if (!round) {
    const names = reviewOf(edition).rounds.map((r) => r.name);
    throw new UserError(
      `${option} ${name}: no round with that name or id (${names.length ? `the rounds are ${names.join(', ')}` : 'the edition has no rounds yet'})`,
    );
  }
  return editionOfSnapshot(edition, round.snapshot);
}

export const command: CliCommand = {
  name: 'diff',
  summary: 'compare two editions or two proof rounds: text redline and changed page regions',
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('diff', args, options);
    let before: Edition;
    let after: Edition;
    let labels: [string, string];
    if (values.from !== undefined || values.to !== undefined) {
      if (positionals.length !== 1)
        throw new UserError('with --from/--to, give one .folio file (its rounds are compared)');
      if (values.from === undefined) throw new UserError('--to goes with --from ROUND');
      const { edition } = await loadFolio(io.cwd, positionals[0]);
      before = roundEdition(edition, values.from, '--from');
      after = roundEdition(edition, values.to ?? 'now', '--to');
      labels = [values.from, values.to ?? 'now'];
    } else {
      if (positionals.length !== 2)
        throw new UserError(
          positionals.length < 2
            ? "give two .folio files, or one with --from ROUND (see 'folio diff --help')"
            : `two files only; also given: ${positionals.slice(2).join(' ')}`,
        );
      before = (await loadFolio(io.cwd, positionals[0])).edition;
      after = (await loadFolio(io.cwd, positionals[1])).edition;
      labels = [positionals[0], positionals[1]];
    }
    const composer = await createNodeComposer();
    // The later state composed incrementally from the earlier one: the cost of one composition and the changes.
    const states = composeStates(new Composition(composer), before, after);
    const diff = diffEditions(states.before, states.after, states.listA, states.listB);
    if (values.json) {
      io.out(JSON.stringify({ from: labels[0], to: labels[1], ...diff }, null, 2));
      return 0;
    }
    io.out(`${labels[0]} → ${labels[1]}`);
    for (const s of diff.stories)
      io.out(
        `story ${s.storyId} '${s.name}'${s.added ? ' (new)' : s.removed ? ' (removed)' : ''}: ${redline(s.segments)}`,
      );
    for (const p of diff.pages) {
      const regions = p.rects.map(
        (r) => `${r.x.toFixed(1)},${r.y.toFixed(1)} ${r.width.toFixed(1)}×${r.height.toFixed(1)}`,
      );
      io.out(
        `page ${p.number}${p.added ? ' (new)' : p.removed ? ' (removed)' : ''}: ${regions.length} changed region${regions.length === 1 ? '' : 's'}: ${regions.join('; ')}`,
      );
    }
    if (diff.stories.length === 0 && diff.pages.length === 0) io.out('no differences');
    else
      io.out(
        `${diff.stories.length} stor${diff.stories.length === 1 ? 'y' : 'ies'} changed, ${diff.pages.length} page${diff.pages.length === 1 ? '' : 's'} changed`,
      );
    return 0;
  },
};

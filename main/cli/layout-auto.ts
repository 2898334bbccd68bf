/**
 * `folio layout FILE --page N --auto`: proposes layouts of a page
 * (shared/planning/auto-layout), prints them with their scores and writes
 * the edition with one of them applied — the first, or `--pick k`.
 */
import { resolve } from 'node:path';
import type { Edition } from '../../shared/model/types';
import { applyOperations } from '../../shared/model/operations';
import { AutoLayoutError, proposeLayouts, type Proposal } from '../../shared/planning/auto-layout';
import { createNodeComposer } from '../fonts';
import { FolioFileError, readFolio, writeFolio } from '../storage';
import { checkOutputFolder, requireFolioOutput } from '../import/cli-options';
import type { CliIO } from './command';
import { UserError } from './command';

export interface AutoLayoutArgs {
  file: string;
  page: string | undefined;
  proposals: string | undefined;
  pick: string | undefined;
  output: string | undefined;
  json: boolean;
}

function wholeNumber(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max)
    throw new UserError(`${name} must be a whole number from ${min} to ${max}, not '${value}'`);
  return n;
}

const line = (p: Proposal) =>
  `proposal ${p.rank}: score ${p.score.total.toFixed(2)} — empty ${p.score.emptyPercent.toFixed(2)} %, overset ${p.score.overset}, ` +
  `lead on top ${p.score.leadNotOnTop ? 'no' : 'yes'}, photos away ${p.score.photosAway}, headlines over 2 lines ${p.score.longHeadlines}; ` +
  p.modules.map((m) => `${m.columns}×${m.steps}`).join(' ');

export async function runAutoLayout(args: AutoLayoutArgs, io: CliIO): Promise<number> {
  if (args.page === undefined)
    throw new UserError(`--auto needs --page N: the page to lay out (see 'folio layout --help')`);
  const output = requireFolioOutput('layout', args.output, io.cwd);
  const wanted = wholeNumber('--proposals', args.proposals, 1, 9) ?? 3;
  const pick = wholeNumber('--pick', args.pick, 1, wanted) ?? 1;
  const path = resolve(io.cwd, args.file);
  let edition: Edition;
  let assets;
  try {
    ({ edition, assets } = await readFolio(path));
  } catch (error) {
    if (error instanceof FolioFileError) throw new UserError(error.message);
    throw error;
  }
  const page = wholeNumber('--page', args.page, 1, Math.max(1, edition.pages.length))!;
  if (page > edition.pages.length) throw new UserError(`${args.file}: there is no page ${page}`);
  await checkOutputFolder(output);
  const composer = await createNodeComposer();
  let result;
  try {
    result = proposeLayouts(edition, page - 1, composer, { proposals: wanted });
  } catch (error) {
    if (error instanceof AutoLayoutError) throw new UserError(`${args.file}: ${error.message}`);
    throw error;
  }
  const chosen = result.proposals[pick - 1];
  if (!chosen)
    throw new UserError(
      `${args.file}: only ${result.proposals.length} proposals for page ${page}, no proposal ${pick}`,
    );
  const applied = applyOperations(edition, chosen.operations).edition;
  try {
    await writeFolio(output, applied, assets);
  } catch (error) {
    if (error instanceof FolioFileError) throw new UserError(error.message);
    throw error;
  }
  if (args.json) {
    io.out(
      JSON.stringify(
        {
          page,
          source: result.input.source,
          region: result.input.region,
          stories: result.input.stories,
          picked: pick,
          output,
          proposals: result.proposals.map((p) => ({ rank: p.rank, score: p.score, modules: p.modules })),
        },
        null,
        2,
      ),
    );
  } else {
    for (const p of result.proposals) io.out(line(p));
    io.out(`wrote ${output} with proposal ${pick}`);
  }
  return 0;
}

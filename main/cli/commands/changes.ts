/**
 * `folio changes <edition.folio> [--json] [--accept-all|--reject-all] [--author NAME] [--story ID] -o OUT`:
 * the pending tracked changes (修订), and settling them from scripts.
 */
import type { CliCommand } from '../command';
import { UserError } from '../command';
import { parseCommandArgs, requireFolioOutput } from '../../import/cli-options';
import type { Edition, TrackedChange } from '../../../shared/model/types';
import { blockText } from '../../../shared/model/operations';
import { pendingChanges, rangeText, resolveChanges, type ChangeFilter } from '../../../shared/review';
import { loadFolio, saveFolio } from '../review/edition-io';

const usage = `Usage: folio changes <edition.folio> [--json] [--author NAME] [--story ID]
       folio changes <edition.folio> --accept-all|--reject-all [--author NAME] [--story ID] -o OUT.folio

Lists the pending tracked changes (修订): what (insertion, deletion,
formatting, paragraph role or style), who and when, in which story and
paragraph, and the words. --accept-all keeps the text as it is and drops the
marks; --reject-all puts the original back. Both write to -o (the input file
is never changed); --author and --story choose whose and where.

Options:
  --accept-all        accept every chosen change
  --reject-all        reject every chosen change
  --author NAME       only this author's changes
  --story ID          only this story's (id or name)
  -o, --output FILE   where to write the edition after accepting or rejecting
  --json              as JSON
  -h, --help          show this help`;

const options = {
  'accept-all': { type: 'boolean' },
  'reject-all': { type: 'boolean' },
  author: { type: 'string' },
  story: { type: 'string' },
  output: { type: 'string', short: 'o' },
  json: { type: 'boolean' },
} as const;

function words(edition: Edition, change: TrackedChange): string {
  if (change.kind === 'delete') return change.content.map(blockText).join('\n');
  if (change.kind === 'paragraph')
    return `${JSON.stringify(change.before)} → ${JSON.stringify(change.after)}`;
  return rangeText(edition, change.storyId, change.from, change.to);
}

export const command: CliCommand = {
  name: 'changes',
  summary: 'list, accept or reject tracked changes (修订)',
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('changes', args, options);
    if (positionals.length !== 1)
      throw new UserError(
        positionals.length === 0
          ? "missing the .folio file (see 'folio changes --help')"
          : `one file only; also given: ${positionals.slice(1).join(' ')}`,
      );
    if (values['accept-all'] && values['reject-all'])
      throw new UserError('--accept-all or --reject-all, not both');
    const deciding = values['accept-all'] || values['reject-all'];
    if (!deciding && values.output) throw new UserError('-o goes with --accept-all or --reject-all');
    const output = deciding ? requireFolioOutput('changes', values.output, io.cwd) : null;
    const { path, edition, assets } = await loadFolio(io.cwd, positionals[0]);
    if (output && output === path)
      throw new UserError(`${values.output}: write the result to another file (the input is never changed)`);
    const filter: ChangeFilter = {};
    if (values.author !== undefined) filter.author = values.author;
    if (values.story !== undefined) {
      const byId = edition.stories[values.story];
      const byName = Object.values(edition.stories).filter((s) => s.name === values.story);
      if (!byId && byName.length !== 1)
        throw new UserError(
          `--story ${values.story}: no story with that id or name ('folio info' lists the stories)`,
        );
      filter.storyId = byId ? byId.id : byName[0].id;
    }
    const chosen = pendingChanges(edition, filter);
    if (values.author !== undefined && chosen.length === 0 && pendingChanges(edition).length > 0) {
      const authors = [...new Set(pendingChanges(edition).map((c) => c.author))];
      throw new UserError(
        `--author ${values.author}: no pending changes by that name (authors: ${authors.join(', ')})`,
      );
    }
    const records = chosen.map((c) => ({
      id: c.id,
      kind: c.kind,
      author: c.author,
      time: c.time,
      story: c.storyId,
      storyName: edition.stories[c.storyId]?.name ?? c.storyId,
      paragraph: c.from.block + 1,
      offset: c.from.offset,
      text: words(edition, c),
    }));
    let resolved = null;
    if (output) {
      const result = resolveChanges(edition, values['accept-all'] ? 'accept' : 'reject', filter);
      await saveFolio(output, result.edition, assets);
      resolved = {
        decision: values['accept-all'] ? 'accepted' : 'rejected',
        count: result.count,
        output: values.output,
      };
    }
    if (values.json) {
      io.out(
        JSON.stringify(
          {
            file: positionals[0],
            count: records.length,
            changes: records,
            ...(resolved ? { resolved } : {}),
          },
          null,
          2,
        ),
      );
      return 0;
    }
    for (const r of records)
      io.out(
        `${r.kind}  ${r.author}  ${r.time}  ${r.story} '${r.storyName}' ¶${r.paragraph}:${r.offset}  ${r.text.replace(/\n/g, '¶')}`,
      );
    io.out(`${records.length} pending change${records.length === 1 ? '' : 's'}`);
    if (resolved)
      io.out(
        `${resolved.decision === 'accepted' ? 'Accepted' : 'Rejected'} ${resolved.count}; wrote ${values.output}`,
      );
    return 0;
  },
};

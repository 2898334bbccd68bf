/**
 * `folio find <edition.folio> <pattern> [options]`: Find, and Replace into a
 * new file, from scripts. The edition is composed so every match names the
 * page that shows it; the input file is only ever read.
 */
import { userInfo } from 'node:os';
import type { CliCommand } from '../command';
import { UserError } from '../command';
import {
  checkOutputFolder,
  parseCommandArgs,
  requireFolioOutput,
  resolveFrom,
} from '../../import/cli-options';
import { readFolio, writeFolio, FolioFileError } from '../../storage';
import type { Edition } from '../../../shared/model/types';
import { applyOperations, type Operation } from '../../../shared/model/operations';
import { reviewOf } from '../../../shared/model/review';
import { makeStamp, trackOperations } from '../../../shared/review';
import {
  FindPatternError,
  findInEdition,
  replaceOperations,
  replacementFor,
  type FindMatch,
  type FindScope,
} from '../../../shared/find';

const usage = `Usage: folio find <edition.folio> <pattern> [options]

Lists every match of <pattern> in the edition's stories with its page, story,
paragraph and context. With --replace, writes the edition with the matches
replaced to -o (the input file is never changed).

Options:
  --regex                 <pattern> is a JavaScript regular expression (per paragraph;
                          ^ and $ are the paragraph's ends)
  --whole-word            Latin words and numbers only match whole
  --case-sensitive        match letter case exactly (default: ignore case)
  --width-insensitive     full- and half-width forms match alike (，/, ０/0 Ａ/A)
  --scope <where>         edition (default), page:N, or story:ID
  --replace <text>        replace every match; with --regex, $1 … $99, $<name>,
                          $& (the match) and $$ (a dollar sign) are expanded
  -o, --output <file>     where to write the edition after --replace
  --track                 record the replacements as tracked changes (修订), whether
                          or not the edition tracks changes; its settings stay as they are
  --as <name>             who made them (default: the system user name)
  --json                  print the matches (and the replacement) as JSON
  -h, --help              show this help

Exit 0 when the search ran (with or without matches), 2 for a mistake in the
command (an invalid regular expression, an unknown page or story).`;

const options = {
  regex: { type: 'boolean' },
  'whole-word': { type: 'boolean' },
  'case-sensitive': { type: 'boolean' },
  'width-insensitive': { type: 'boolean' },
  scope: { type: 'string' },
  replace: { type: 'string' },
  track: { type: 'boolean' },
  as: { type: 'string' },
  output: { type: 'string', short: 'o' },
  json: { type: 'boolean' },
} as const;

function parseScope(text: string | undefined, edition: Edition): FindScope {
  if (text === undefined || text === 'edition') return { kind: 'edition' };
  const page = /^page:(\d+)$/.exec(text);
  if (page) {
    const n = Number(page[1]);
    if (n < 1 || n > edition.pages.length)
      throw new UserError(
        `--scope ${text}: the edition has ${edition.pages.length} page${edition.pages.length === 1 ? '' : 's'}`,
      );
    return { kind: 'page', pageIndex: n - 1 };
  }
  const story = /^story:(.+)$/.exec(text);
  if (story) {
    const id = story[1];
    if (edition.stories[id]) return { kind: 'story', storyId: id };
    const byName = Object.values(edition.stories).filter((s) => s.name === id);
    if (byName.length === 1) return { kind: 'story', storyId: byName[0].id };
    throw new UserError(`--scope ${text}: no story with that id or name ('folio info' lists the stories)`);
  }
  throw new UserError(`--scope ${text}: use edition, page:N or story:ID`);
}

/** The replacement colour in tracked changes made from the command line. */
const CLI_COLOR = '#c0392b';

/**
 * The replacements as tracked changes by `author`: tracking is switched on
 * for the stories they touch for this edit only (the edition's settings are
 * put back after), so every replacement is recorded — a deletion of the old
 * words and an insertion of the new ones.
 */
function tracked(edition: Edition, ops: Operation[], author: string): Operation[] {
  const stories = [
    ...new Set(ops.map((op) => ('storyId' in op ? op.storyId : null)).filter((id) => id !== null)),
  ];
  const own = reviewOf(edition).settings.trackStories;
  const has = (id: string) => Object.prototype.hasOwnProperty.call(own, id);
  const on: Operation = {
    type: 'set_review_settings',
    props: {},
    trackStories: Object.fromEntries(stories.map((id) => [id, true])),
  };
  const back: Operation = {
    type: 'set_review_settings',
    props: {},
    trackStories: Object.fromEntries(stories.map((id) => [id, has(id) ? own[id] : null])),
  };
  const stamp = makeStamp({ name: author, color: CLI_COLOR });
  return trackOperations(edition, [on, ...ops, back], { stamp }).ops;
}

interface MatchRecord {
  story: string;
  storyName: string;
  paragraph: number;
  offset: number;
  length: number;
  text: string;
  page: number | null;
  frame: string | null;
  before: string;
  after: string;
  replacement?: string;
}

function record(edition: Edition, m: FindMatch, replacement?: string): MatchRecord {
  return {
    story: m.storyId,
    storyName: edition.stories[m.storyId]?.name ?? m.storyId,
    paragraph: m.block + 1,
    offset: m.start,
    length: m.end - m.start,
    text: m.text,
    page: m.pageIndex === null ? null : m.pageIndex + 1,
    frame: m.frameId,
    before: m.before,
    after: m.after,
    ...(replacement !== undefined ? { replacement } : {}),
  };
}

function line(r: MatchRecord): string {
  const where = r.page === null ? 'overset' : `page ${r.page}`;
  const change = r.replacement !== undefined ? ` → ${r.replacement}` : '';
  return `${where}  ${r.story} '${r.storyName}' ¶${r.paragraph}:${r.offset}  …${r.before}[${r.text}]${r.after}…${change}`;
}

export const command: CliCommand = {
  name: 'find',
  summary: 'find (and replace) text in an edition',
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('find', args, options);
    if (positionals.length < 2)
      throw new UserError(
        positionals.length === 0
          ? "missing the .folio file and the pattern (see 'folio find --help')"
          : "missing the pattern to find (see 'folio find --help')",
      );
    if (positionals.length > 2)
      throw new UserError(`one file and one pattern; also given: ${positionals.slice(2).join(' ')}`);
    const [file, pattern] = positionals;
    const replacing = values.replace !== undefined;
    if (!replacing && (values.output || values.track || values.as))
      throw new UserError(
        `${values.output ? '-o' : values.track ? '--track' : '--as'} only goes with --replace`,
      );
    if (values.as !== undefined && !values.track) throw new UserError('--as NAME goes with --track');
    if (values.as !== undefined && !values.as.trim())
      throw new UserError('--as needs a name (who made the changes)');
    const input = resolveFrom(io.cwd, file);
    const output = replacing ? requireFolioOutput('find', values.output, io.cwd) : null;
    if (output && output === input)
      throw new UserError(`${values.output}: write the result to another file (the input is never changed)`);
    if (output) await checkOutputFolder(output);

    let loaded;
    try {
      loaded = await readFolio(input);
    } catch (error) {
      if (error instanceof FolioFileError) throw new UserError(error.message);
      throw error;
    }
    const { edition, assets } = loaded;
    const scope = parseScope(values.scope, edition);
    const request = {
      pattern,
      regex: Boolean(values.regex),
      wholeWord: Boolean(values['whole-word']),
      caseSensitive: Boolean(values['case-sensitive']),
      widthInsensitive: Boolean(values['width-insensitive']),
      scope,
    };
    // Check the pattern before paying for composition.
    try {
      findInEdition(edition, null, { ...request, scope: { kind: 'story', storyId: '' } });
    } catch (error) {
      if (error instanceof FindPatternError) throw new UserError(error.message);
      throw error;
    }
    const { composeForExport } = await import('../../pdf');
    const displayList = await composeForExport(edition);
    const { matches, stories } = findInEdition(edition, displayList, request);

    const replacements = replacing
      ? matches.map((m) => replacementFor(m, values.replace!, request.regex))
      : [];
    const records = matches.map((m, i) => record(edition, m, replacements[i]?.with));
    if (output) {
      let ops = replaceOperations(edition, replacements);
      if (values.track) ops = tracked(edition, ops, values.as?.trim() || userInfo().username || 'folio');
      const changed = applyOperations(edition, ops).edition;
      try {
        await writeFolio(output, changed, assets);
      } catch (error) {
        if (error instanceof FolioFileError) throw new UserError(error.message);
        throw error;
      }
    }

    if (values.json) {
      io.out(
        JSON.stringify(
          {
            file,
            pattern,
            options: { ...request, scope: values.scope ?? 'edition' },
            stories,
            count: records.length,
            matches: records,
            ...(output
              ? { replaced: records.length, output: values.output, tracked: Boolean(values.track) }
              : {}),
          },
          null,
          2,
        ),
      );
      return 0;
    }
    for (const r of records) io.out(line(r));
    const n = records.length;
    const storiesHit = new Set(records.map((r) => r.story)).size;
    io.out(
      n === 0
        ? `no matches in ${stories} stor${stories === 1 ? 'y' : 'ies'}`
        : `${n} match${n === 1 ? '' : 'es'} in ${storiesHit} stor${storiesHit === 1 ? 'y' : 'ies'}`,
    );
    if (output)
      io.out(
        `Replaced ${n} match${n === 1 ? '' : 'es'}${values.track ? ' as tracked changes' : ''}; wrote ${values.output}`,
      );
    return 0;
  },
};

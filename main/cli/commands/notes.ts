/**
 * `folio notes <edition.folio> [--json]`: every note (批注) with where it is —
 * page, position, the story range and its words now — its replies, and
 * whether it is open, resolved or detached (its words were deleted).
 */
import type { CliCommand } from '../command';
import { UserError } from '../command';
import { parseCommandArgs } from '../../import/cli-options';
import { describeNotes } from '../../../shared/review';
import { composeEdition } from '../../../shared/layout/compose-edition';
import { createNodeComposer } from '../../fonts';
import { loadFolio } from '../review/edition-io';

const usage = `Usage: folio notes <edition.folio> [--json] [--open]

Lists the notes (批注) of an edition: number, page, who and when, what it
is on (a story's words, a frame, a point on a page), the text and replies,
and its state (open, resolved, detached when its words were deleted).

Options:
  --open       only notes that are not resolved
  --json       as JSON: anchor (story, from/to paragraph and offset), page,
               position and line boxes in points, text, replies, state
  -h, --help   show this help`;

const options = { json: { type: 'boolean' }, open: { type: 'boolean' } } as const;

export const command: CliCommand = {
  name: 'notes',
  summary: 'list the notes (批注) with their place on the page',
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('notes', args, options);
    if (positionals.length !== 1)
      throw new UserError(
        positionals.length === 0
          ? "missing the .folio file (see 'folio notes --help')"
          : `one file only; also given: ${positionals.slice(1).join(' ')}`,
      );
    const { edition } = await loadFolio(io.cwd, positionals[0]);
    const list = composeEdition(edition, await createNodeComposer());
    const notes = describeNotes(edition, list).filter((n) => !values.open || n.note.resolved === null);
    if (values.json) {
      io.out(
        JSON.stringify(
          {
            file: positionals[0],
            notes: notes.map((n) => ({
              id: n.note.id,
              number: n.number,
              author: n.note.author,
              color: n.note.color,
              time: n.note.time,
              text: n.note.text,
              anchor: n.note.anchor,
              words: n.text,
              page: n.pageIndex === null ? null : n.pageIndex + 1,
              position: n.position,
              rects: n.rects.map((r) => ({ ...r, page: r.pageIndex + 1 })),
              state: n.note.resolved ? 'resolved' : n.detached ? 'detached' : 'open',
              resolved: n.note.resolved,
              replies: n.note.replies,
            })),
          },
          null,
          2,
        ),
      );
      return 0;
    }
    if (notes.length === 0) io.out(values.open ? 'no open notes' : 'no notes');
    for (const n of notes) {
      const where = n.pageIndex === null ? 'not on a page' : `page ${n.pageIndex + 1}`;
      const on =
        n.note.anchor.kind === 'text'
          ? n.detached
            ? `(its words “${n.note.anchor.quote}” were deleted)`
            : `on “${n.text}”`
          : n.note.anchor.kind === 'frame'
            ? `on frame ${n.note.anchor.frameId}`
            : `at ${n.note.anchor.x.toFixed(0)},${n.note.anchor.y.toFixed(0)}`;
      const state = n.note.resolved ? ' [resolved]' : n.detached ? ' [detached]' : '';
      io.out(`#${n.number} ${where} ${n.note.author} ${n.note.time}${state} ${on}: ${n.note.text}`);
      for (const r of n.note.replies) io.out(`    ↳ ${r.author} ${r.time}: ${r.text}`);
    }
    return 0;
  },
};

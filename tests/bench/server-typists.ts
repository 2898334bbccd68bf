/**
 * A process of simulated typists for the server bench (server.bench.ts
 * forks a few, so no one process plays all twenty desks): each typist is a
 * full client — a Hocuspocus provider and a replica writing through the
 * model's apply path — typing RATE characters a second at the end of its
 * own paragraph of story st-0, starting at its own phase (independent
 * people do not type in step). When the time is up it reports, per typist,
 * when each character was typed (epoch milliseconds, the clock every
 * process on the machine shares), and closes when told to.
 *
 * argv: url token edition firstParagraph count rate seconds; it says
 * `ready` once connected and starts at the epoch time the `go` message names.
 */
import { NodeWebSocket } from '../../main/server/node-websocket';
import { EditionReplica } from '../../shared/collab/edition-binding';
import { connectEdition, type EditionConnection } from '../../shared/collab/newsroom-client';
import { applyOperation, type Operation } from '../../shared/model/operations';
import type { Edition } from '../../shared/model/types';

const [url, token, edition, first, count, rate, seconds] = process.argv.slice(2);
const apply = (e: Edition, op: Operation) => applyOperation(e, op).edition;
const clock = () => performance.timeOrigin + performance.now();
const n = Number(count);
const interval = 1000 / Number(rate);
const total = Number(process.env.FOLIO_BENCH_CLIENTS ?? 20);

const connections: EditionConnection[] = [];
const typists: { replica: EditionReplica; block: number; sent: number[] }[] = [];
for (let i = 0; i < n; i++) {
  const c = connectEdition({ serverUrl: url, edition, token, WebSocket: NodeWebSocket });
  connections.push(c);
  await c.synced;
  const replica = new EditionReplica(c.doc);
  // Others' updates still reach this doc (a real client's work); turning them back into the
  // model's operations is each real client's own work on its own machine, so it is left out here.
  replica.binding.reader.destroy();
  typists.push({ replica, block: Number(first) + i, sent: [] });
}
process.send!({ type: 'ready' });
const startAt = await new Promise<number>((resolve) =>
  process.on('message', (m: { type: string; startAt?: number }) => {
    if (m.type === 'go') resolve(m.startAt!);
  }),
);

const ends = startAt + Number(seconds) * 1000;
await Promise.all(
  typists.map(
    (t) =>
      new Promise<void>((done) => {
        // Spread evenly over one interval across all the bench's typists.
        let due = startAt + (t.block / total) * interval;
        const tick = () => {
          if (clock() >= ends) return done();
          const at = t.replica.edition.stories['st-0'].blocks[t.block].children
            .map((c) => c.text)
            .join('').length;
          t.sent.push(clock());
          t.replica.apply(
            [{ type: 'insert_text', storyId: 'st-0', block: t.block, offset: at, text: '字' }],
            apply,
          );
          due += interval;
          setTimeout(tick, Math.max(0, due - clock()));
        };
        setTimeout(tick, Math.max(0, due - clock()));
      }),
  ),
);
process.send!({ type: 'typed', sent: typists.map((t) => t.sent) });
process.on('message', (m: { type: string }) => {
  if (m.type !== 'close') return;
  for (const c of connections) c.close();
  process.exit(0);
});

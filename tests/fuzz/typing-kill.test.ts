/**
 * One round of the fuzz's kill -9 while typing (`npm run fuzz` runs five):
 * the web host killed at a random moment mid-typing, restarted, and the
 * recovered stories equal the journal replayed, exactly.
 */
import { expect, it } from 'vitest';
import { formatTable, typingRows } from './figures-table';
import { runTypingKills } from './typing-kill';

it('kill -9 of the web host while typing: Recover brings back exactly what was journaled', async () => {
  const figures = await runTypingKills({ rounds: 1, seed: 20_240_601 });
  console.log(formatTable('Kill -9 while typing (short run)', typingRows(figures)));
  expect(figures.mismatches).toEqual([]);
  expect(figures.recoveredExactly).toBe(1);
  expect(figures.fileWritten).toBe(0);
}, 300_000);

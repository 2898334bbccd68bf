/**
 * The short fuzz run CI does inside `npm test` (the full counts are
 * `npm run fuzz`): 300 damaged and hostile .folio files and 10 kill -9
 * during save. Every figure that must be 0 is 0.
 */
import { describe, expect, it } from 'vitest';
import { runFileFuzz } from './file-fuzz';
import { fileRows, formatTable, saveRows } from './figures-table';
import { runSaveKills } from './save-kill';

const SEED = 20_240_601;

describe('reliability figures (short run)', () => {
  it('300 damaged or hostile files: no crash, no hang, no write, one clear message each', async () => {
    const figures = await runFileFuzz({ files: 300, seed: SEED, workers: 2, cliSample: 4, hangMs: 2000 });
    console.log(formatTable('Damaged files (short run)', fileRows(figures)));
    expect(figures.files).toBe(300);
    expect(figures.crashes).toEqual([]);
    expect(figures.hangs).toEqual([]);
    expect(figures.writes).toEqual([]);
    expect(figures.unclear).toEqual([]);
    expect(figures.wrongOutcome).toEqual([]);
    expect(figures.cli.failures).toEqual([]);
    expect(figures.cli.opened).toBeGreaterThan(0);
    expect(figures.cli.refused).toBeGreaterThan(0);
    // The run met both outcomes and many kinds of message, not one error over and over.
    expect(figures.opened).toBeGreaterThan(0);
    expect(figures.messageKinds.size).toBeGreaterThan(40);
  }, 240_000);

  it('10 kill -9 during save: every file opens as the old or the new version, never a mix', async () => {
    const figures = await runSaveKills({ kills: 10, seed: SEED });
    console.log(formatTable('Kill -9 during save (short run)', saveRows(figures)));
    expect(figures.kills).toBe(10);
    expect(figures.duringSave).toBeGreaterThan(5);
    expect(figures.opened).toBe(10);
    expect(figures.oldVersion + figures.newVersion).toBe(10);
    expect(figures.mixed).toEqual([]);
    expect(figures.hidden).toEqual([]);
    expect(figures.visibleLeftovers).toBe(0);
    expect(figures.cleanSaveAfter).toBe(true);
  }, 240_000);
});

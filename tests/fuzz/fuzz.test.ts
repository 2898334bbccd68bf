/**
 * The short fuzz run CI does inside `npm test`: a few hundred damaged and
 * hostile .folio files (the full 10 000 are `npm run fuzz`). Every figure
 * that must be 0 is 0.
 */
import { describe, expect, it } from 'vitest';
import { runFileFuzz } from './file-fuzz';
import { fileRows, formatTable } from './figures-table';

describe('reliability figures (short run)', () => {
  it('300 damaged or hostile files: no crash, no hang, no write, one clear message each', async () => {
    const figures = await runFileFuzz({
      files: 300,
      seed: 20_240_601,
      workers: 2,
      cliSample: 4,
      hangMs: 2000,
    });
    console.log(formatTable('Damaged files (short run)', fileRows(figures)));
    expect(figures.files).toBe(300);
    expect(figures.crashes).toEqual([]);
    expect(figures.hangs).toEqual([]);
    expect(figures.writes).toEqual([]);
    expect(figures.unclear).toEqual([]);
    expect(figures.wrongOutcome).toEqual([]);
    expect(figures.cli.failures).toEqual([]);
    expect(figures.cli.runs).toBeGreaterThan(0);
    // The run met both outcomes and many kinds of message, not one error over and over.
    expect(figures.opened).toBeGreaterThan(0);
    expect(figures.messageKinds.size).toBeGreaterThan(40);
  }, 240_000);
});

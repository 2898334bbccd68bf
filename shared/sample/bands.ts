/**
 * Modular layout below the lead story: stories go side by side in bands
 * (horizontal strips the width of the type area), each story a rectangular
 * module of whole page columns. A slot of a band holds one story or two
 * stacked (a short story under another, as desks do with briefs). All slots
 * of a band share its height, so the widths are chosen to even out the
 * stories' needs; the stories are grouped into bands, in the order the desk
 * gave them, so that the bands together are as short as possible — the least
 * empty space in the modules.
 */

/** The height a story's module needs at a width of `columns` page columns. */
export type NeedAt = (columns: number) => number;

export interface BandSlot {
  /** First page column (0-based) and width in columns. */
  column: number;
  columns: number;
  /** Indexes of the stories (in the list given to packBands), top to bottom. */
  stories: number[];
  /** Each story's need at this width, in the same order. */
  needs: number[];
}

export interface Band {
  slots: BandSlot[];
  /** The tallest need among its slots: the band's height. */
  height: number;
  /** Number of stories in the band. */
  count: number;
}

/** Every way to split `total` columns into `parts` widths of at least `min`. */
export function compositions(total: number, parts: number, min: number): number[][] {
  if (parts === 1) return total >= min ? [[total]] : [];
  const out: number[][] = [];
  for (let first = min; first <= total - min * (parts - 1); first++) {
    for (const rest of compositions(total - first, parts - 1, min)) out.push([first, ...rest]);
  }
  return out;
}

/** Ways to cut `count` stories, in order, into slots of one or two stories. */
function slotGroupings(count: number): number[][] {
  if (count === 0) return [[]];
  const out: number[][] = [];
  for (const size of [1, 2]) {
    if (size > count) continue;
    for (const rest of slotGroupings(count - size)) out.push([size, ...rest]);
  }
  return out;
}

export interface PackOptions {
  /** Page columns across the type area. */
  columns: number;
  /** Narrowest module, in columns (a headline needs room). */
  minColumns?: number;
  /** Most slots side by side in one band. */
  maxSlots?: number;
  /** Vertical space between bands and between stacked stories. */
  gap?: number;
}

function bestBand(
  needs: readonly NeedAt[],
  first: number,
  count: number,
  options: Required<PackOptions>,
): Band | null {
  let best: Band | null = null;
  for (const grouping of slotGroupings(count)) {
    if (grouping.length > options.maxSlots) continue;
    for (const widths of compositions(options.columns, grouping.length, options.minColumns)) {
      let height = 0;
      let story = first;
      let column = 0;
      const slots: BandSlot[] = grouping.map((size, k) => {
        const stories = Array.from({ length: size }, (_, i) => story + i);
        const slotNeeds = stories.map((s) => needs[s](widths[k]));
        story += size;
        height = Math.max(height, slotNeeds.reduce((a, b) => a + b, 0) + options.gap * (size - 1));
        const slot = { column, columns: widths[k], stories, needs: slotNeeds };
        column += widths[k];
        return slot;
      });
      if (!best || height < best.height - 1e-6) best = { slots, height, count };
    }
  }
  return best;
}

/** Groups the stories, in order, into bands of modules with the smallest total height. */
export function packBands(needs: readonly NeedAt[], options: PackOptions): Band[] {
  const minColumns = Math.min(options.columns, options.minColumns ?? 2);
  const resolved: Required<PackOptions> = {
    columns: options.columns,
    minColumns,
    maxSlots: Math.max(1, Math.min(options.maxSlots ?? 3, Math.floor(options.columns / minColumns))),
    gap: options.gap ?? 0,
  };
  const n = needs.length;
  const maxPerBand = resolved.maxSlots * 2;
  const cost: number[] = [0];
  const choice: (Band | null)[] = [null];
  for (let i = 1; i <= n; i++) {
    cost[i] = Infinity;
    choice[i] = null;
    for (let count = 1; count <= Math.min(maxPerBand, i); count++) {
      const band = bestBand(needs, i - count, count, resolved);
      if (!band) continue;
      // A lone story stretched across the page reads badly: prefer company.
      const lonely = band.slots.length === 1 && n > 1 ? band.height * 0.5 : 0;
      const total = cost[i - count] + band.height + resolved.gap + lonely;
      if (total < cost[i]) {
        cost[i] = total;
        choice[i] = band;
      }
    }
  }
  const bands: Band[] = [];
  for (let i = n; i > 0;) {
    const band = choice[i]!;
    bands.unshift(band);
    i -= band.count;
  }
  return bands;
}

/**
 * Guillotine partitions of a rectangle of the page grid into story modules,
 * by dynamic programming over (set of stories, width in columns): for every
 * height in grid steps, the least empty room (line-columns) of any tree of
 * cuts — across (one part above the other, a step of gap between) or down
 * (side by side, the column gutter between) — whose leaves are single
 * stories. A leaf's room comes from the composer's measurements
 * (measure.ts): a module is feasible from the height its copy needs; a
 * module with photos takes any height up to where its photos reach their
 * largest crop, and every step beyond that is a step of empty columns.
 *
 * Orientation rules make the tree read as a page does: the part holding the
 * set's first story (the highest priority: the lead, then seconds in order)
 * goes above, or to the left — so the lead is always at the top of the page.
 *
 * Pure and deterministic: ties keep the first option found, in a fixed order.
 */

/** One way to set a story at a width: feasible from `lo` steps, room `base` up to `hi`, one row of empty columns per step beyond. */
export interface LeafOption {
  lo: number;
  hi: number;
  base: number;
  /** Added to the room: e.g. a headline in more than two lines. */
  penalty: number;
}

export interface PartitionProblem {
  /** Stories, in priority order (0 = the lead). */
  count: number;
  columns: number;
  /** Height of the area in grid steps. */
  steps: number;
  /** Steps between modules one above the other. */
  gap: number;
  /** The options of story `story` at `width` columns (empty: it cannot be set so narrow). */
  leaf: (story: number, width: number) => readonly LeafOption[];
}

const LEAF = 1;
const DOWN = 2; // side by side
const ACROSS = 3; // one above the other

export interface Table {
  value: Float64Array;
  kind: Int8Array;
  /** LEAF: option index; DOWN/ACROSS: the first part's story set. */
  a: Int32Array;
  /** DOWN: first part's width; ACROSS: first part's height. */
  b: Int32Array;
  /** First finite height, or steps + 1 when none. */
  lo: number;
}

export type Tree =
  | { kind: 'leaf'; story: number; option: number; width: number; height: number }
  | { kind: 'down' | 'across'; first: Tree; second: Tree; width: number; height: number };

const lowBit = (mask: number) => mask & -mask;
const bitIndex = (bit: number) => 31 - Math.clz32(bit);

export class Partitioner {
  private readonly tables = new Map<number, Table>();

  /**
   * `shared`: tables of sets without story 0, from another partitioner of
   * the same problem whose leaves differ only for story 0 (the lead).
   */
  constructor(
    private readonly problem: PartitionProblem,
    private readonly shared: Map<number, Table> = new Map(),
  ) {
    if (problem.count > 12) throw new Error('too many stories for one partition');
  }

  /** Tables of the sets without the lead, to share with a partitioner that constrains only the lead. */
  get leadFreeTables(): Map<number, Table> {
    return this.shared;
  }

  /** Least room of the set `mask` over a `width` × `steps` rectangle, or Infinity. */
  table(mask: number, width: number): Table {
    const key = mask * 64 + width;
    const store = mask & 1 ? this.tables : this.shared;
    let t = store.get(key);
    if (!t) {
      t = this.build(mask, width);
      store.set(key, t);
    }
    return t;
  }

  private build(mask: number, width: number): Table {
    const { steps, gap } = this.problem;
    const n = steps + 1;
    const t: Table = {
      value: new Float64Array(n).fill(Infinity),
      kind: new Int8Array(n),
      a: new Int32Array(n),
      b: new Int32Array(n),
      lo: n,
    };
    const low = lowBit(mask);
    if (mask === low) {
      const story = bitIndex(low);
      this.problem.leaf(story, width).forEach((o, index) => {
        for (let h = Math.max(0, o.lo); h <= steps; h++) {
          const v = o.base + o.penalty + Math.max(0, h - o.hi) * width;
          if (v < t.value[h]) {
            t.value[h] = v;
            t.kind[h] = LEAF;
            t.a[h] = index;
          }
        }
      });
    } else {
      const rest = mask ^ low;
      // Every split of the set into a first part (holding its first story) and a second.
      for (let sub = rest; ; sub = (sub - 1) & rest) {
        const first = low | sub;
        const second = rest ^ sub;
        if (second !== 0) {
          for (let w1 = 1; w1 < width; w1++) {
            const A = this.table(first, w1);
            if (A.lo > steps) continue;
            const B = this.table(second, width - w1);
            for (let h = Math.max(A.lo, B.lo); h <= steps; h++) {
              const v = A.value[h] + B.value[h];
              if (v < t.value[h]) {
                t.value[h] = v;
                t.kind[h] = DOWN;
                t.a[h] = first;
                t.b[h] = w1;
              }
            }
          }
          const A = this.table(first, width);
          const B = A.lo > steps ? null : this.table(second, width);
          if (B && A.lo + gap + B.lo <= steps) {
            for (let h1 = A.lo; h1 + gap + B.lo <= steps; h1++) {
              const va = A.value[h1];
              if (va === Infinity) continue;
              for (let h2 = B.lo; h1 + gap + h2 <= steps; h2++) {
                const v = va + B.value[h2];
                const h = h1 + gap + h2;
                if (v < t.value[h]) {
                  t.value[h] = v;
                  t.kind[h] = ACROSS;
                  t.a[h] = first;
                  t.b[h] = h1;
                }
              }
            }
          }
        }
        if (sub === 0) break;
      }
    }
    for (let h = 0; h <= steps; h++) {
      if (t.value[h] < Infinity) {
        t.lo = h;
        break;
      }
    }
    return t;
  }

  /** The best tree for the set over `width` × `height`, or null when none fits. */
  tree(mask: number, width: number, height: number): Tree | null {
    const t = this.table(mask, width);
    if (!(t.value[height] < Infinity)) return null;
    const kind = t.kind[height];
    if (kind === LEAF) return { kind: 'leaf', story: bitIndex(mask), option: t.a[height], width, height };
    const first = t.a[height];
    const second = mask ^ first;
    if (kind === DOWN) {
      const w1 = t.b[height];
      return {
        kind: 'down',
        first: this.tree(first, w1, height)!,
        second: this.tree(second, width - w1, height)!,
        width,
        height,
      };
    }
    const h1 = t.b[height];
    return {
      kind: 'across',
      first: this.tree(first, width, h1)!,
      second: this.tree(second, width, height - h1 - this.problem.gap)!,
      width,
      height,
    };
  }
}

/**
 * The order a reader takes the stories of a page in, from where they sit:
 * the rules of Breuel's layout analysis (which poppler and most extractors
 * use for text lines), applied to whole stories instead of lines:
 * A comes before B when A is above B and they overlap across, or when A is
 * entirely left of B and no third story lies below A and above B while
 * overlapping both across. So a newspaper page reads band by band, and
 * within a band column group by column group, top to bottom.
 */

export interface Region {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

function overlapAcross(a: Region, b: Region): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width;
}

/** Rule 1: a above b, overlapping across. */
function above(a: Region, b: Region): boolean {
  return overlapAcross(a, b) && a.y < b.y;
}

/** Rule 2: a entirely left of b, with nothing below a and above b that spans both. */
function leftOf(a: Region, b: Region, all: Region[]): boolean {
  if (a.x + a.width > b.x) return false;
  return !all.some((c) => c !== a && c !== b && above(b, c) && above(c, a));
}

/** The regions in reading order (a depth-first topological sort; ties keep top-left first). */
export function readingOrder(regions: Region[]): Region[] {
  const start = [...regions].sort((a, b) => a.y - b.y || a.x - b.x);
  const done = new Set<Region>();
  const visiting = new Set<Region>();
  const out: Region[] = [];
  const visit = (r: Region) => {
    if (done.has(r) || visiting.has(r)) return;
    visiting.add(r);
    for (const other of start) {
      if (other !== r && !done.has(other) && (above(other, r) || leftOf(other, r, regions))) visit(other);
    }
    visiting.delete(r);
    done.add(r);
    out.push(r);
  };
  for (const r of start) visit(r);
  return out;
}

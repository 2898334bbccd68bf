/** One figure a benchmark prints: a measurement and the baseline measured in the same run. */
export interface BenchResult {
  name: string;
  /** The measured value and its unit, e.g. 12.3 and 'ms'. */
  value: number;
  unit: string;
  /** A baseline measured in the same run, when the figure is a ratio against one. */
  baseline?: { name: string; value: number };
  /** The goal as text, e.g. '≤ 1 ms median' or '≥ 5× faster than Chromium'. */
  goal?: string;
  /** Whether the goal was met. */
  met?: boolean;
}

/** A benchmark file exports `bench`: a title and a function producing figures. */
export interface Bench {
  title: string;
  run(): Promise<BenchResult[]>;
}

/** Median and p95 of a list of samples. */
export function stats(samples: number[]): { median: number; p95: number; mean: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95), mean: samples.reduce((a, b) => a + b, 0) / samples.length };
}

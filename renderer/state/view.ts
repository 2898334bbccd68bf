/** How the canvas is viewed: zoom, guides and units. Not part of the document; not undoable. */
export type Units = 'mm' | 'pt' | 'zi';

export interface ViewState {
  /** CSS pixels per point. 96/72 is "actual size" (100 %). */
  scale: number;
  /** When true the scale follows the window so the whole page fits. */
  fit: boolean;
  guides: boolean;
  baselineGrid: boolean;
  frameEdges: boolean;
  textThreads: boolean;
  /** Preview hides every guide and marker: the page as it prints. */
  preview: boolean;
  units: Units;
  /**
   * Tracked changes (修订) on the page: `markup` shows deleted words struck
   * through and insertions underlined; `final` composes as if every change
   * were accepted (what prints). Copyfit and overset are the final text's in both.
   */
  review: 'markup' | 'final';
}

/** 100 %: one point is 1/72 in and a CSS pixel 1/96 in. */
export const ACTUAL_SIZE = 96 / 72;

/** Zoom steps as fractions of actual size, like the zoom menus of layout programs. */
export const ZOOM_STEPS = [0.125, 0.25, 0.33, 0.5, 0.66, 0.75, 1, 1.25, 1.5, 2, 3, 4, 6, 8];

export const DEFAULT_VIEW: ViewState = {
  scale: ACTUAL_SIZE,
  fit: true,
  guides: true,
  baselineGrid: false,
  frameEdges: true,
  textThreads: false,
  preview: false,
  units: 'mm',
  review: 'markup',
};

/** The next zoom step above (direction 1) or below (-1) the current zoom. */
export function stepZoom(scale: number, direction: 1 | -1): number {
  const zoom = scale / ACTUAL_SIZE;
  const steps = direction === 1 ? ZOOM_STEPS : [...ZOOM_STEPS].reverse();
  const next = steps.find((step) => (direction === 1 ? step > zoom + 1e-3 : step < zoom - 1e-3));
  return (next ?? steps[steps.length - 1]) * ACTUAL_SIZE;
}

/** The scale at which a page fits a viewport, with a margin around it. */
export function fitScale(
  page: { width: number; height: number },
  viewport: { width: number; height: number },
  margin = 32,
): number {
  const scale = Math.min(
    (viewport.width - 2 * margin) / page.width,
    (viewport.height - 2 * margin) / page.height,
  );
  return Math.max(0.05, scale);
}

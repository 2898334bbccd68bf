/**
 * Rules and boxes (and the fills and strokes of text and image frames) as
 * content-stream operators, in the page's y-down coordinates.
 */
import type { DisplayColor, DisplayStroke } from '../../shared/layout/display-list';
import type { PdfColors } from './colors';
import { num } from './pdf-syntax';

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Dash pattern and line cap for a stroke style, scaled by the stroke width. */
function dashFor(stroke: DisplayStroke): string {
  const w = stroke.width;
  switch (stroke.style) {
    case 'dashed':
      return `0 J [${num(3 * w)} ${num(2 * w)}] 0 d`;
    case 'dotted':
      // Round caps on zero-length dashes draw round dots one width apart.
      return `1 J [0 ${num(2 * w)}] 0 d`;
    default:
      return '0 J [] 0 d';
  }
}

export class GraphicsPainter {
  constructor(private readonly colors: PdfColors) {}

  /** A filled rectangle (no stroke). */
  fillRect(rect: Rect, fill: DisplayColor): string {
    return `q ${this.colors.set(fill, false)} ${rectPath(rect)} f Q\n`;
  }

  /** A rectangle's outline, centred on its edges like the screen draws it. */
  strokeRect(rect: Rect, stroke: DisplayStroke): string {
    if (stroke.width <= 0) return '';
    if (stroke.style === 'double') {
      // Two lines of a third of the width each, with a third between them.
      const t = stroke.width / 3;
      const outer = { x: rect.x - t, y: rect.y - t, width: rect.width + 2 * t, height: rect.height + 2 * t };
      const inner = { x: rect.x + t, y: rect.y + t, width: rect.width - 2 * t, height: rect.height - 2 * t };
      const solid = { ...stroke, width: t, style: 'solid' as const };
      return (
        this.strokeRect(outer, solid) +
        (inner.width > 0 && inner.height > 0 ? this.strokeRect(inner, solid) : '')
      );
    }
    return `q ${this.colors.set(stroke.color, true)} ${num(stroke.width)} w 0 j ${dashFor(stroke)} ${rectPath(rect)} S Q\n`;
  }

  /** A rule from (x, y) to (x + width, y + height). */
  rule(rect: Rect, stroke: DisplayStroke): string {
    if (stroke.width <= 0) return '';
    const { x, y } = rect;
    const x2 = rect.x + rect.width;
    const y2 = rect.y + rect.height;
    if (stroke.style === 'double') {
      const t = stroke.width / 3;
      const length = Math.hypot(rect.width, rect.height) || 1;
      // Offset both lines perpendicular to the rule by one third of the width.
      const nx = (-rect.height / length) * t;
      const ny = (rect.width / length) * t;
      const solid = { ...stroke, width: t, style: 'solid' as const };
      return (
        this.rule({ x: x + nx, y: y + ny, width: rect.width, height: rect.height }, solid) +
        this.rule({ x: x - nx, y: y - ny, width: rect.width, height: rect.height }, solid)
      );
    }
    return `q ${this.colors.set(stroke.color, true)} ${num(stroke.width)} w ${dashFor(stroke)} ${num(x)} ${num(y)} m ${num(x2)} ${num(y2)} l S Q\n`;
  }
}

export function rectPath(rect: Rect): string {
  return `${num(rect.x)} ${num(rect.y)} ${num(rect.width)} ${num(rect.height)} re`;
}

/** Rulers along the top and left of the canvas, in mm, pt or 字, with zero at the current page's corner. */
import { memo } from 'react';
import type { Units } from '../state/view';
import { pointsPerUnit, rulerStep } from './units';

interface RulerProps {
  orientation: 'horizontal' | 'vertical';
  /** Screen position (px, relative to the ruler's start) of the page's zero. */
  origin: number;
  /** Ruler length in px. */
  length: number;
  scale: number;
  units: Units;
  bodySize: number;
}

export const RULER_SIZE = 20;

/** Memoised: its props are numbers, so document edits never repaint the rulers. */
export const Ruler = memo(function Ruler({
  orientation,
  origin,
  length,
  scale,
  units,
  bodySize,
}: RulerProps) {
  const step = rulerStep(units, bodySize, scale);
  const pxPerUnit = pointsPerUnit(units, bodySize) * scale;
  const minor = step / (step % 5 === 0 ? 5 : step % 2 === 0 ? 2 : 1);
  const first = Math.floor(-origin / pxPerUnit / minor) * minor;
  const ticks: { at: number; value: number; major: boolean }[] = [];
  for (let value = first; value * pxPerUnit + origin <= length; value += minor) {
    const rounded = Math.round(value * 1000) / 1000;
    ticks.push({
      at: origin + rounded * pxPerUnit,
      value: rounded,
      major: Math.abs(rounded / step - Math.round(rounded / step)) < 1e-6,
    });
  }
  const horizontal = orientation === 'horizontal';
  return (
    <svg
      className={`ruler ruler-${orientation}`}
      data-testid={`ruler-${orientation}`}
      data-units={units}
      width={horizontal ? length : RULER_SIZE}
      height={horizontal ? RULER_SIZE : length}
    >
      {ticks.map(({ at, value, major }) => {
        const size = major ? RULER_SIZE : RULER_SIZE / 3;
        return (
          <g key={value}>
            {horizontal ? (
              <line x1={at} x2={at} y1={RULER_SIZE - size} y2={RULER_SIZE} />
            ) : (
              <line y1={at} y2={at} x1={RULER_SIZE - size} x2={RULER_SIZE} />
            )}
            {major ? (
              horizontal ? (
                <text x={at + 2} y={9}>
                  {value}
                </text>
              ) : (
                <text x={9} y={at + 2} transform={`rotate(-90 9 ${at + 2})`}>
                  {value}
                </text>
              )
            ) : null}
          </g>
        );
      })}
    </svg>
  );
});

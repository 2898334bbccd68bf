/**
 * The SVG painter: one component per display-list item. It paints what the
 * engine decided and nothing more — text is positioned glyph by glyph, never
 * laid out by the browser. Story text goes in as text nodes, so it is never
 * treated as markup.
 */
import { previewWidthPx } from '../../shared/services/image-preview';
import { memo } from 'react';
import type {
  DisplayBox,
  DisplayImage,
  DisplayItem,
  DisplayLine,
  DisplayRule,
  DisplayStroke,
  DisplayTextFrame,
  GlyphRun,
} from '../../shared/layout/display-list';
import { cssFamily } from './font-faces';
import { positionRunCharacters, xAttribute } from './glyph-positions';
import { usePaintContext, usePaintScope } from './paint-context';

/** SVG stroke attributes for a stroke style. */
function strokeProps(stroke: DisplayStroke | null) {
  if (!stroke) return { stroke: 'none' };
  const dash =
    stroke.style === 'dashed'
      ? `${stroke.width * 3} ${stroke.width * 2}`
      : stroke.style === 'dotted'
        ? `0 ${stroke.width * 2}`
        : undefined;
  return {
    stroke: stroke.color.rgb,
    strokeWidth: stroke.width,
    strokeDasharray: dash,
    strokeLinecap: stroke.style === 'dotted' ? ('round' as const) : ('butt' as const),
  };
}

export const GlyphRunText = memo(function GlyphRunText({ run }: { run: GlyphRun }) {
  const { characters, xs } = positionRunCharacters(run);
  // Synthetic italic: a 12° slant about the baseline, as the PDF painter does.
  const transform = run.fauxItalic ? `translate(0 ${run.y}) skewX(-12) translate(0 ${-run.y})` : undefined;
  return (
    <text
      className="glyph-run"
      x={xAttribute(xs)}
      y={run.y}
      fontFamily={cssFamily(run.fontKey)}
      fontSize={run.size}
      fill={run.color.rgb}
      stroke={run.fauxBold ? run.color.rgb : undefined}
      strokeWidth={run.fauxBold ? run.size * 0.03 : undefined}
      transform={transform}
    >
      {characters.join('')}
    </text>
  );
});

/** One composed line; unchanged lines keep their object, so they are not rendered again. */
const LineGroup = memo(function LineGroup({ line }: { line: DisplayLine }) {
  return (
    <g
      className="line"
      data-line-y={line.y}
      data-column={line.column}
      data-block={line.block}
      data-start={line.start}
      data-generated={line.generated}
    >
      {line.runs.map((run, runIndex) => (
        <GlyphRunText key={runIndex} run={run} />
      ))}
    </g>
  );
});

/** Lets a frame's painting overflow its box (strokes, hanging punctuation), as in the PDF. */
const OVERFLOW_VISIBLE = { overflow: 'visible' } as const;
const LAYER_ROOT_STYLE = { overflow: 'visible', display: 'block' } as const;

/**
 * A text frame is painted in its own `<foreignObject>` holding an `<svg>`
 * whose viewBox is the frame's rectangle, so its user space is still the
 * page's. Chromium gives each a paint layer of its own: a keystroke repaints
 * the frames whose lines changed, and the others are replayed from cache
 * instead of the whole page being walked and painted again.
 */
function TextFrameItem({ item }: { item: DisplayTextFrame }) {
  return (
    <foreignObject
      className="frame-layer"
      x={item.x}
      y={item.y}
      width={item.width}
      height={item.height}
      style={OVERFLOW_VISIBLE}
    >
      <svg
        width={item.width}
        height={item.height}
        viewBox={`${item.x} ${item.y} ${item.width} ${item.height}`}
        style={LAYER_ROOT_STYLE}
      >
        {item.fill || item.stroke ? (
          <rect
            x={item.x}
            y={item.y}
            width={item.width}
            height={item.height}
            fill={item.fill?.rgb ?? 'none'}
            {...strokeProps(item.stroke)}
          />
        ) : null}
        {item.lines.map((line, index) => (
          <LineGroup key={index} line={line} />
        ))}
      </svg>
    </foreignObject>
  );
}

function ImageItem({ item }: { item: DisplayImage }) {
  const { assetUrl, pxPerPt } = usePaintContext();
  const { idPrefix } = usePaintScope();
  const clipId = `${idPrefix}clip-${item.frameId}`;
  return (
    <>
      <clipPath id={clipId}>
        <rect x={item.x} y={item.y} width={item.width} height={item.height} />
      </clipPath>
      {item.assetId ? (
        <image
          href={assetUrl(item.assetId, previewWidthPx(item.imageWidth, pxPerPt))}
          x={item.imageX}
          y={item.imageY}
          width={item.imageWidth}
          height={item.imageHeight}
          preserveAspectRatio="none"
          clipPath={`url(#${clipId})`}
        />
      ) : (
        // An empty image frame: a placeholder cross on screen only (the PDF paints nothing).
        <g className="screen-only placeholder">
          <rect x={item.x} y={item.y} width={item.width} height={item.height} fill="none" />
          <path
            d={`M${item.x} ${item.y}L${item.x + item.width} ${item.y + item.height}M${item.x + item.width} ${item.y}L${item.x} ${item.y + item.height}`}
          />
        </g>
      )}
      {item.stroke ? (
        <rect
          x={item.x}
          y={item.y}
          width={item.width}
          height={item.height}
          fill="none"
          {...strokeProps(item.stroke)}
        />
      ) : null}
    </>
  );
}

function RuleItem({ item }: { item: DisplayRule }) {
  const { stroke } = item;
  if (stroke.style === 'double') {
    // Two hairlines a third of the width each, with a third between them.
    const third = stroke.width / 3;
    const single = { ...stroke, width: third, style: 'solid' as const };
    const horizontal = Math.abs(item.height) <= Math.abs(item.width);
    const dx = horizontal ? 0 : third;
    const dy = horizontal ? third : 0;
    return (
      <>
        <line
          x1={item.x - dx}
          y1={item.y - dy}
          x2={item.x + item.width - dx}
          y2={item.y + item.height - dy}
          {...strokeProps(single)}
        />
        <line
          x1={item.x + dx}
          y1={item.y + dy}
          x2={item.x + item.width + dx}
          y2={item.y + item.height + dy}
          {...strokeProps(single)}
        />
      </>
    );
  }
  return (
    <line
      x1={item.x}
      y1={item.y}
      x2={item.x + item.width}
      y2={item.y + item.height}
      {...strokeProps(stroke)}
    />
  );
}

function BoxItem({ item }: { item: DisplayBox }) {
  return (
    <rect
      x={item.x}
      y={item.y}
      width={item.width}
      height={item.height}
      fill={item.fill?.rgb ?? 'none'}
      {...strokeProps(item.stroke)}
    />
  );
}

/** One display item in a group that carries the frame's test id. */
export const PaintItem = memo(function PaintItem({ item }: { item: DisplayItem }) {
  const { frameIds } = usePaintScope();
  return (
    <g
      data-testid={frameIds ? `frame-${item.frameId}` : undefined}
      data-frame-id={frameIds ? item.frameId : undefined}
      data-kind={frameIds ? item.kind : undefined}
      data-master={(frameIds && item.fromMaster) || undefined}
    >
      {item.kind === 'text' ? (
        <TextFrameItem item={item} />
      ) : item.kind === 'image' ? (
        <ImageItem item={item} />
      ) : item.kind === 'rule' ? (
        <RuleItem item={item} />
      ) : (
        <BoxItem item={item} />
      )}
    </g>
  );
});

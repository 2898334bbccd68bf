/**
 * Paints one display page onto the current PDF sheet: items in display-list
 * order (master items first), translated to the page's place on the sheet
 * and clipped to its trim plus bleed, so nothing prints into the marks.
 */
import type { DisplayItem, DisplayTextFrame } from '../../shared/layout/display-list';
import type { GraphicsPainter } from './graphics-painter';
import type { PdfImageSet } from './image-set';
import type { PlacedPage } from './sheet-layout';
import type { TextPainter } from './text-painter';
import { rectPath } from './graphics-painter';
import { num } from './pdf-syntax';

export interface Painters {
  text: TextPainter;
  graphics: GraphicsPainter;
  images: PdfImageSet;
}

export function paintPage(placed: PlacedPage, painters: Painters): string {
  const out: string[] = [`q ${rectPath(placed.clip)} W n 1 0 0 1 ${num(placed.x)} ${num(placed.y)} cm\n`];
  for (const item of placed.page.items) out.push(paintItem(item, painters));
  out.push('Q\n');
  return out.join('');
}

function paintItem(item: DisplayItem, { text, graphics, images }: Painters): string {
  switch (item.kind) {
    case 'box':
      return (
        (item.fill ? graphics.fillRect(item, item.fill) : '') +
        (item.stroke ? graphics.strokeRect(item, item.stroke) : '')
      );
    case 'rule':
      return graphics.rule(item, item.stroke);
    case 'image':
      return images.paint(item) + (item.stroke ? graphics.strokeRect(item, item.stroke) : '');
    case 'text':
      return paintTextFrame(item, text, graphics);
  }
}

function paintTextFrame(item: DisplayTextFrame, text: TextPainter, graphics: GraphicsPainter): string {
  return (
    (item.fill ? graphics.fillRect(item, item.fill) : '') +
    text.paintLines(item.lines) +
    (item.stroke ? graphics.strokeRect(item, item.stroke) : '')
  );
}

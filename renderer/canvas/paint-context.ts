/** What painters need from outside the display list: where assets are served. */
import { createContext, useContext } from 'react';

export interface PaintContext {
  /** URL of a screen preview of an image asset of the open document, `widthPx` wide at most. */
  assetUrl(assetId: string, widthPx: number): string;
  /** Device pixels per point at the canvas's zoom: photos are fetched at the size this shows them. */
  pxPerPt?: number;
  /** The language of the edition's text, for glyph selection (full-width punctuation in zh-Hans). */
  lang: string;
}

export const PaintContextValue = createContext<PaintContext>({ assetUrl: () => '', lang: 'zh-Hans' });

export function usePaintContext(): PaintContext {
  return useContext(PaintContextValue);
}

/**
 * Where painters paint. The canvas carries test ids and frame ids; the
 * hidden copy the pages panel's thumbnails point at carries none (nothing
 * is found twice) and prefixes its element ids so they stay unique.
 */
export interface PaintScope {
  /** Put `data-testid` / `data-frame-id` on frames. */
  frameIds: boolean;
  /** Prefix for element ids (clip paths). */
  idPrefix: string;
}

export const CANVAS_SCOPE: PaintScope = { frameIds: true, idPrefix: '' };

export const PaintScopeValue = createContext<PaintScope>(CANVAS_SCOPE);

export function usePaintScope(): PaintScope {
  return useContext(PaintScopeValue);
}

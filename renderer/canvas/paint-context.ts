/** What painters need from outside the display list: where assets are served. */
import { createContext, useContext } from 'react';

export interface PaintContext {
  /** URL of an image asset of the open document. */
  assetUrl(assetId: string): string;
  /** The language of the edition's text, for glyph selection (full-width punctuation in zh-Hans). */
  lang: string;
}

export const PaintContextValue = createContext<PaintContext>({ assetUrl: () => '', lang: 'zh-Hans' });

export function usePaintContext(): PaintContext {
  return useContext(PaintContextValue);
}

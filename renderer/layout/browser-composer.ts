/**
 * The renderer composes the page itself, with the same engine, font files and
 * shaper as the main process, so an edit recomposes without a round trip.
 * Fonts and the shaper's WebAssembly are fetched from the host.
 *
 * Font files are 10–20 MB each, so only the faces an edition uses are
 * fetched: composing with a loader that records which files it lacked tells
 * which those are; they are fetched and the edition is composed again.
 */
import { Composition, type StoryChange } from '../../shared/layout';
import { ReviewComposition, type ReviewViewOptions } from '../../shared/review/review-composition';
import { composeAfter } from '../../shared/review/compose-states';
import type { DisplayList } from '../../shared/layout/display-list';
import { createParagraphComposer, createShaper, FontRegistry, type Shaper } from '../../shared/layout/text';
import { resolveParagraphStyle } from '../../shared/model/styles';
import type { Edition } from '../../shared/model/types';
import type { HostInfo } from '../../shared/services/api';
import type { Composer, ComposeView } from '../state/editor-store';

/** Fetches one file from the host's resource URLs (fonts, WASM), with the session query. */
export async function fetchResource(url: string, info: HostInfo): Promise<Uint8Array> {
  const response = await fetch(url + info.resourceQuery);
  if (!response.ok) throw new Error(`could not load ${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Raised while fonts an edit needs are still being fetched; the store recomposes when they arrive. */
export class FontsLoadingError extends Error {
  constructor(files: string[]) {
    super(`loading fonts: ${files.join(', ')}`);
    this.name = 'FontsLoadingError';
  }
}

export interface BrowserComposer extends Composer {
  /** The bytes of a font file the composer measured with (for FontFace registration). */
  fontBytes(file: string): Uint8Array | null;
  /** Fetches every font the edition needs, so compose() will not miss any. */
  prepare(edition: Edition): Promise<void>;
  /** Called after fonts an edit needed have arrived (the store recomposes). */
  onFontsLoaded: (() => void) | null;
  /** Called with each detached list before it is returned, to register its faces for painting. */
  onDetachedList: ((list: DisplayList) => Promise<void>) | null;
  composeDetached(edition: Edition): Promise<DisplayList>;
}

/**
 * The font files an edition's paragraphs ask for (their resolved family and
 * weight, and the bold weight where a run is bold), so they can be fetched in
 * one parallel round instead of being discovered one compose at a time.
 */
export function filesForEdition(edition: Edition, registry: FontRegistry): Set<string> {
  const files = new Set<string>();
  for (const story of Object.values(edition.stories)) {
    for (const block of story.blocks) {
      const style = resolveParagraphStyle(edition.styles, block);
      files.add(registry.match(style.fontFamily, style.fontWeight, style.italic).file);
      if (block.children.some((leaf) => leaf.bold)) {
        files.add(registry.match(style.fontFamily, Math.max(700, style.fontWeight), style.italic).file);
      }
    }
  }
  return files;
}

/** At most this many fetch rounds: each round finds at least one missing file. */
const MAX_ROUNDS = 24;

export async function createBrowserComposer(info: HostInfo): Promise<BrowserComposer> {
  const shaper: Shaper = await createShaper(await fetchResource(info.wasmUrl, info));
  const bytes = new Map<string, Uint8Array>();
  const missing = new Set<string>();
  const loader = (file: string) => {
    const found = bytes.get(file);
    if (!found) missing.add(file);
    return found ?? null;
  };
  // The proofreading desk's composition: the final text always (copyfit, overset), and in the
  // markup view the deleted words put back with each page's change marks. Notes draw their own marks.
  // Its paragraph composer is lent to auto-layout too (the same fonts and measures).
  let paragraphs: ReturnType<typeof createParagraphComposer>;
  const create = () => {
    paragraphs = createParagraphComposer({ fonts: new FontRegistry({ loader }), shaper });
    return new ReviewComposition(paragraphs);
  };
  let composition = create();
  // Other states (proof rounds) compose apart, so the live composition keeps its incremental state;
  // a comparison is of what prints (the final text), so a plain Composition.
  const createDetached = () =>
    new Composition(createParagraphComposer({ fonts: new FontRegistry({ loader }), shaper }));
  let detached = createDetached();
  // What `detached` composed last, so the next state (a later round) composes incrementally from it.
  let lastDetached: { edition: Edition; list: DisplayList } | null = null;
  let loading: Promise<void> | null = null;
  const options = (view?: ComposeView): ReviewViewOptions => ({
    view: view?.review ?? 'markup',
    notes: false,
  });

  /** New registry and composition: registries remember faces they could not load. */
  const rebuild = () => {
    composition = create();
    detached = createDetached();
    lastDetached = null;
  };
  const fetchMissing = async (files: string[]) => {
    await Promise.all(
      files.map(async (file) =>
        bytes.set(file, await fetchResource(info.fontBaseUrl + encodeURIComponent(file), info)),
      ),
    );
    rebuild();
  };

  const attempt = (run: () => DisplayList): DisplayList => {
    missing.clear();
    try {
      const list = run();
      // A fallback face that could not be loaded is skipped silently; fetch it and compose again.
      if (missing.size > 0) throw new FontsLoadingError([...missing]);
      return list;
    } catch (error) {
      if (missing.size === 0) throw error;
      const files = [...missing];
      loading ??= fetchMissing(files).then(
        () => {
          loading = null;
          composer.onFontsLoaded?.();
        },
        (failure: unknown) => {
          loading = null;
          console.error(failure);
        },
      );
      throw new FontsLoadingError(files);
    }
  };

  const composer: BrowserComposer = {
    onFontsLoaded: null,
    onDetachedList: null,
    async composeDetached(edition) {
      for (let round = 0; round < MAX_ROUNDS; round++) {
        missing.clear();
        let list: DisplayList | null = null;
        try {
          list = composeAfter(detached, lastDetached, edition);
        } catch (error) {
          lastDetached = null;
          if (missing.size === 0) throw error;
        }
        if (list && missing.size === 0) {
          lastDetached = { edition, list };
          await composer.onDetachedList?.(list);
          return list;
        }
        await fetchMissing([...missing]);
      }
      throw new Error('fonts: gave up after too many rounds of missing files');
    },
    fontBytes: (file) => bytes.get(file) ?? null,
    paragraphs: () => paragraphs,
    async prepare(edition) {
      // One parallel round for what the styles ask for; composing then finds any fallback faces.
      const wanted = [...filesForEdition(edition, new FontRegistry())].filter((file) => !bytes.has(file));
      if (wanted.length > 0) await fetchMissing(wanted);
      for (let round = 0; round < MAX_ROUNDS; round++) {
        missing.clear();
        try {
          composition.compose(edition, options());
        } catch (error) {
          if (missing.size === 0) throw error;
        }
        if (missing.size === 0) return;
        await fetchMissing([...missing]);
      }
      throw new Error('fonts: gave up after too many rounds of missing files');
    },
    compose: (edition, view) => attempt(() => composition.compose(edition, options(view))),
    update(edition, changes: readonly StoryChange[], view) {
      if (changes.length === 0) return attempt(() => composition.compose(edition, options(view)));
      return attempt(() => {
        let list: DisplayList | null = null;
        for (const change of changes) list = composition.update(edition, change, options(view));
        return list!;
      });
    },
  };
  return composer;
}

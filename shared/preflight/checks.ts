/**
 * The individual preflight checks. Each returns its findings; runPreflight
 * (run-preflight.ts) runs them all and orders the result.
 */
import type { DisplayImage, DisplayItem, DisplayPage, DisplayTextFrame } from '../layout/display-list';
import type { Id } from '../model/types';
import { translate } from '../services/locales';
import { findingText, type PreflightTextKey } from './finding-text';
import { pageStatus, reviewOf } from '../model/review';
import { pendingChanges as reviewPending } from '../review/resolve';
import {
  MIN_EFFECTIVE_PPI,
  type FindingCode,
  type PreflightFinding,
  type PreflightInput,
  type Severity,
} from './types';

export interface CheckContext {
  input: PreflightInput;
  names: Map<Id, string>;
}

function finding(
  ctx: CheckContext,
  severity: Severity,
  code: FindingCode,
  pageNumber: number | null,
  frameId: Id | null,
  key: PreflightTextKey,
  values: Record<string, string | number> = {},
): PreflightFinding {
  const partial = { pageNumber, frameId, frameName: frameId ? (ctx.names.get(frameId) ?? null) : null };
  const detail = { key, values };
  return { severity, code, ...partial, detail, message: findingText({ ...partial, detail }, 'en') };
}

function* items<K extends DisplayItem['kind']>(
  pages: DisplayPage[],
  kind: K,
): Generator<[DisplayPage, Extract<DisplayItem, { kind: K }>]> {
  for (const page of pages) {
    for (const item of page.items)
      if (item.kind === kind) yield [page, item as Extract<DisplayItem, { kind: K }>];
  }
}

function storyName(ctx: CheckContext, storyId: Id): string {
  return ctx.input.edition.stories[storyId]?.name ?? storyId;
}

/** Text that did not fit its thread: reported at the thread's last frame. */
export function oversetText(ctx: CheckContext): PreflightFinding[] {
  const out: PreflightFinding[] = [];
  const reported = new Set<Id>();
  for (const [page, frame] of items(ctx.input.displayList.pages, 'text')) {
    if (!frame.overset || !frame.storyId) continue;
    reported.add(frame.storyId);
    const report = ctx.input.displayList.stories[frame.storyId];
    const story = storyName(ctx, frame.storyId);
    out.push(
      report
        ? finding(ctx, 'error', 'overset-text', page.index + 1, frame.frameId, 'preflight.oversetBy', {
            story,
            characters: report.oversetCharacters,
            lines: report.oversetLines,
          })
        : finding(ctx, 'error', 'overset-text', page.index + 1, frame.frameId, 'preflight.overset', {
            story,
          }),
    );
  }
  for (const report of Object.values(ctx.input.displayList.stories)) {
    if (report.oversetCharacters <= 0 || reported.has(report.storyId)) continue;
    const story = ctx.input.edition.stories[report.storyId];
    const last = story?.thread[story.thread.length - 1] ?? null;
    const values = { story: storyName(ctx, report.storyId), characters: report.oversetCharacters };
    const key = last ? 'preflight.oversetCharacters' : 'preflight.oversetNoFrame';
    out.push(finding(ctx, 'error', 'overset-text', pageOfFrame(ctx, last), last, key, values));
  }
  return out;
}

function pageOfFrame(ctx: CheckContext, frameId: Id | null): number | null {
  if (!frameId) return null;
  const index = ctx.input.edition.pages.findIndex((page) => page.frames.some((f) => f.id === frameId));
  return index < 0 ? null : index + 1;
}

/** Characters no font could draw, with the frame that shows them. */
export function missingGlyphs(ctx: CheckContext): PreflightFinding[] {
  return ctx.input.displayList.missingGlyphs.map((missing) => {
    const char = String.fromCodePoint(missing.codePoint);
    const code = `U+${missing.codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
    const page = missing.pageIndex === null ? null : ctx.input.displayList.pages[missing.pageIndex];
    const frame = page ? frameShowing(page, missing.storyId, missing.block, missing.offset) : null;
    return finding(
      ctx,
      'error',
      'missing-glyph',
      missing.pageIndex === null ? null : missing.pageIndex + 1,
      frame?.frameId ?? null,
      missing.pageIndex === null ? 'preflight.missingGlyphOverset' : 'preflight.missingGlyph',
      { char, code, story: storyName(ctx, missing.storyId) },
    );
  });
}

function frameShowing(
  page: DisplayPage,
  storyId: Id,
  block: number,
  offset: number,
): DisplayTextFrame | null {
  let fallback: DisplayTextFrame | null = null;
  for (const item of page.items) {
    if (item.kind !== 'text' || item.storyId !== storyId) continue;
    fallback ??= item;
    if (item.lines.some((line) => line.block === block && line.start <= offset && offset < line.end))
      return item;
  }
  return fallback;
}

/** Font files the display list needs that are not installed. */
export function missingFonts(ctx: CheckContext): PreflightFinding[] {
  return ctx.input.missingFonts.map((key) => {
    const ref = ctx.input.displayList.fonts[key];
    const pages = new Set<number>();
    for (const [page, frame] of items(ctx.input.displayList.pages, 'text')) {
      if (frame.lines.some((line) => line.runs.some((run) => run.fontKey === key))) pages.add(page.index + 1);
    }
    const first = pages.size ? Math.min(...pages) : null;
    // The font's name is put into words in English here; its family and file are names either way.
    const font = ref
      ? translate('en', ref.italic ? 'preflight.fontNameItalic' : 'preflight.fontName', {
          family: ref.family,
          weight: ref.weight,
          file: ref.file,
        })
      : key;
    return pages.size
      ? finding(ctx, 'error', 'missing-font', first, null, 'preflight.missingFont', {
          font,
          pages: [...pages].join(', '),
          count: pages.size,
        })
      : finding(ctx, 'error', 'missing-font', first, null, 'preflight.missingFontUnused', { font });
  });
}

/** Placed images: missing or unreadable files, low effective resolution, RGB in a CMYK export. */
export function images(ctx: CheckContext): PreflightFinding[] {
  const out: PreflightFinding[] = [];
  for (const [page, image] of items(ctx.input.displayList.pages, 'image')) {
    if (!image.assetId) continue;
    const pageNumber = page.index + 1;
    const asset = ctx.input.edition.assets[image.assetId];
    const facts = ctx.input.assets[image.assetId];
    if (!asset || !facts || !facts.present) {
      out.push(
        finding(ctx, 'error', 'missing-image', pageNumber, image.frameId, 'preflight.missingImage', {
          image: asset?.name ?? image.assetId,
        }),
      );
      continue;
    }
    if (!facts.readable) {
      out.push(
        facts.problem
          ? finding(
              ctx,
              'error',
              'unreadable-image',
              pageNumber,
              image.frameId,
              'preflight.unreadableImageWhy',
              {
                image: asset.name,
                why: facts.problem,
              },
            )
          : finding(
              ctx,
              'error',
              'unreadable-image',
              pageNumber,
              image.frameId,
              'preflight.unreadableImage',
              {
                image: asset.name,
              },
            ),
      );
      continue;
    }
    const ppi = effectivePpi(image, facts.widthPx, facts.heightPx);
    if (ppi < MIN_EFFECTIVE_PPI) {
      out.push(
        finding(ctx, 'warning', 'low-resolution', pageNumber, image.frameId, 'preflight.lowResolution', {
          image: asset.name,
          ppi: Math.floor(ppi),
          min: MIN_EFFECTIVE_PPI,
        }),
      );
    }
    if (ctx.input.target === 'press' && facts.colorSpace === 'rgb') {
      out.push(
        finding(ctx, 'warning', 'rgb-image', pageNumber, image.frameId, 'preflight.rgbImage', {
          image: asset.name,
        }),
      );
    }
  }
  return out;
}

/** Pixels per inch of the image as drawn (the lower of the two axes). */
export function effectivePpi(image: DisplayImage, widthPx: number, heightPx: number): number {
  const x = image.imageWidth > 0 ? widthPx / (image.imageWidth / 72) : Infinity;
  const y = image.imageHeight > 0 ? heightPx / (image.imageHeight / 72) : Infinity;
  return Math.min(x, y);
}

/** Frames that reach beyond the bleed (cut off) or lie wholly off the page (never print). */
export function outsideBleed(ctx: CheckContext): PreflightFinding[] {
  const out: PreflightFinding[] = [];
  const epsilon = 0.01;
  for (const page of ctx.input.displayList.pages) {
    const left = -page.bleed.left;
    const top = -page.bleed.top;
    const right = page.width + page.bleed.right;
    const bottom = page.height + page.bleed.bottom;
    for (const item of page.items) {
      const x1 = Math.min(item.x, item.x + item.width);
      const x2 = Math.max(item.x, item.x + item.width);
      const y1 = Math.min(item.y, item.y + item.height);
      const y2 = Math.max(item.y, item.y + item.height);
      if (x1 >= left - epsilon && x2 <= right + epsilon && y1 >= top - epsilon && y2 <= bottom + epsilon)
        continue;
      const offPage = x2 <= 0 || x1 >= page.width || y2 <= 0 || y1 >= page.height;
      out.push(
        finding(
          ctx,
          'warning',
          'outside-bleed',
          page.index + 1,
          item.frameId,
          offPage ? 'preflight.offPage' : 'preflight.beyondBleed',
        ),
      );
    }
  }
  return out;
}

/** Text frames with no text and image frames with no image (the page's own frames, not the master's). */
export function emptyFrames(ctx: CheckContext): PreflightFinding[] {
  const out: PreflightFinding[] = [];
  for (const page of ctx.input.displayList.pages) {
    for (const item of page.items) {
      if (item.fromMaster) continue;
      if (item.kind === 'text' && item.lines.length === 0) {
        out.push(
          item.storyId
            ? finding(
                ctx,
                'warning',
                'empty-frame',
                page.index + 1,
                item.frameId,
                'preflight.emptyTextFrameStory',
                {
                  story: storyName(ctx, item.storyId),
                },
              )
            : finding(
                ctx,
                'warning',
                'empty-frame',
                page.index + 1,
                item.frameId,
                'preflight.emptyTextFrame',
              ),
        );
      } else if (item.kind === 'image' && !item.assetId) {
        out.push(
          finding(ctx, 'warning', 'empty-frame', page.index + 1, item.frameId, 'preflight.emptyImageFrame'),
        );
      }
    }
  }
  return out;
}

/** Pending tracked changes, per story (the export prints the final text; someone should settle them). */
export function pendingChanges(ctx: CheckContext): PreflightFinding[] {
  const counts = new Map<Id, number>();
  for (const change of reviewPending(ctx.input.edition))
    counts.set(change.storyId, (counts.get(change.storyId) ?? 0) + 1);
  return [...counts].map(([storyId, count]) => {
    const story = ctx.input.edition.stories[storyId];
    const first = story?.thread[0] ?? null;
    return finding(
      ctx,
      'warning',
      'pending-changes',
      pageOfFrame(ctx, first),
      first,
      'preflight.pendingChanges',
      {
        story: storyName(ctx, storyId),
        count,
      },
    );
  });
}

/** Press exports: pages not signed off; an error when the edition requires sign-off. */
export function unsignedPages(ctx: CheckContext): PreflightFinding[] {
  if (ctx.input.target !== 'press') return [];
  const { edition } = ctx.input;
  const required = reviewOf(edition).settings.requireSignoff;
  // Without any round and without the requirement, the desk is not in use: nothing to say.
  if (!required && reviewOf(edition).rounds.length === 0) return [];
  return edition.pages.flatMap((page, i) => {
    const status = pageStatus(edition, page.id);
    if (status === 'signed') return [];
    // One key per status, so the status is in the language the finding is shown in.
    return [
      required
        ? finding(ctx, 'error', 'unsigned-page', i + 1, null, `preflight.unsignedRequired.${status}`, {})
        : finding(ctx, 'warning', 'unsigned-page', i + 1, null, `preflight.unsignedPage.${status}`, {}),
    ];
  });
}

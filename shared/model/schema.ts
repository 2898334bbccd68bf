/**
 * The zod schema of a current-version edition (SCHEMA_VERSION). It checks
 * shapes and ranges; cross-references (threads, styles, swatches, assets,
 * masters, unique ids) are checked in validate.ts. Objects are "loose": a
 * field this build does not know is kept, not dropped, so a file saved by a
 * build with an extra optional field loses nothing when re-saved here.
 */
import { z } from 'zod';
import { BLOCK_ROLES } from './types';
import { copyCheckSettingsSchema } from './copy-check-settings';

const id = z
  .string()
  .min(1, 'must be a non-empty id')
  .max(200, 'id longer than 200 characters')
  // As a record key it would set the object's prototype instead of adding an entry.
  .refine((v) => v !== '__proto__', 'the id "__proto__" is reserved');
const finite = z.number();
const nonNegative = z.number().min(0);
const positive = z.number().gt(0);
const percent = z.number().min(0).max(100);
const count = (min: number, max: number) => z.number().int().min(min).max(max);
/** Points, or `{ value, unit: 'em' }` of the paragraph's size (types.ts ParagraphLength). */
const paragraphLength = (value: z.ZodNumber) =>
  z.union([value, z.looseObject({ value, unit: z.literal('em') })]);

export const sidesSchema = z.looseObject({ top: finite, right: finite, bottom: finite, left: finite });
const nonNegativeSides = z.looseObject({
  top: nonNegative,
  right: nonNegative,
  bottom: nonNegative,
  left: nonNegative,
});

export const colorRefSchema = z.looseObject({ swatchId: id, tint: percent });
export const strokeSchema = z.looseObject({
  color: colorRefSchema,
  width: nonNegative,
  style: z.enum(['solid', 'dashed', 'dotted', 'double']),
});
const textWrapSchema = z.looseObject({ mode: z.enum(['none', 'box']), offsets: sidesSchema });

const frameBase = {
  id,
  name: z.string(),
  x: finite,
  y: finite,
  width: nonNegative,
  height: nonNegative,
  locked: z.boolean(),
  wrap: textWrapSchema,
};

export const textFrameSchema = z.looseObject({
  ...frameBase,
  kind: z.literal('text'),
  columns: count(1, 64),
  gutter: nonNegative,
  inset: nonNegativeSides,
  verticalAlign: z.enum(['top', 'center', 'bottom', 'justify']),
  alignToGrid: z.boolean(),
  ignoreWrap: z.boolean(),
  balanceColumns: z.boolean().optional(),
  fill: colorRefSchema.nullable(),
  stroke: strokeSchema.nullable(),
});

export const imageFrameSchema = z.looseObject({
  ...frameBase,
  kind: z.literal('image'),
  assetId: id.nullable(),
  fit: z.enum(['none', 'fill', 'fit', 'fit-proportional', 'fill-proportional']),
  content: z.looseObject({ x: finite, y: finite, scale: positive }),
  captionStoryId: id.nullable(),
  stroke: strokeSchema.nullable(),
});

export const ruleFrameSchema = z.looseObject({
  ...frameBase,
  // A rule runs from (x, y) to (x + width, y + height): either may be 0, and
  // a rule may run left or up, so its extent is any finite number.
  width: finite,
  height: finite,
  kind: z.literal('rule'),
  stroke: strokeSchema,
});

export const boxFrameSchema = z.looseObject({
  ...frameBase,
  kind: z.literal('box'),
  fill: colorRefSchema.nullable(),
  stroke: strokeSchema.nullable(),
});

export const frameSchema = z.discriminatedUnion('kind', [
  textFrameSchema,
  imageFrameSchema,
  ruleFrameSchema,
  boxFrameSchema,
]);

const sizeSchema = z.looseObject({ width: positive, height: positive });

/** Page fields other than id and frames (what set_page_props may change). */
export const pagePropsShape = {
  masterId: id.nullable(),
  size: sizeSchema,
  margins: nonNegativeSides,
  columns: count(1, 64),
  gutter: nonNegative,
  bleed: nonNegativeSides,
  baselineGrid: z.looseObject({ start: finite, increment: positive }).nullable(),
  section: z.string(),
};

export const pageSchema = z.looseObject({ id, ...pagePropsShape, frames: z.array(frameSchema) });

export const masterPageSchema = z.looseObject({ id, name: z.string(), frames: z.array(frameSchema) });

export const blockRoleSchema = z.enum(BLOCK_ROLES as [string, ...string[]]);

export const storyTextSchema = z.looseObject({
  text: z.string(),
  bold: z.literal(true).optional(),
  italic: z.literal(true).optional(),
  charStyleId: id.optional(),
  field: z.enum(['paperName', 'date', 'issueNumber', 'editionName', 'pageNumber', 'section']).optional(),
});

export const storyBlockSchema = z.looseObject({
  type: blockRoleSchema,
  styleId: id.optional(),
  children: z.array(storyTextSchema).min(1, 'a paragraph needs at least one text leaf'),
});

export const storySchema = z.looseObject({
  id,
  name: z.string(),
  blocks: z.array(storyBlockSchema).min(1, 'a story needs at least one paragraph'),
  thread: z.array(id),
});

const alignment = z.enum(['left', 'center', 'right', 'justify']);
const fontWeight = z.number().int().min(1).max(1000);
const language = z.enum(['zh-Hans', 'en']);

export const paragraphStylePropsShape = {
  fontFamily: z.string().min(1),
  fontWeight,
  italic: z.boolean(),
  fontSize: positive,
  sizeUnit: z.enum(['pt', 'hao']),
  leading: positive,
  tracking: finite,
  firstLineIndent: paragraphLength(finite),
  leftIndent: paragraphLength(finite),
  rightIndent: paragraphLength(finite),
  spaceBefore: paragraphLength(nonNegative),
  spaceAfter: paragraphLength(nonNegative),
  align: alignment,
  lastLineAlign: alignment,
  kinsoku: z.enum(['none', 'basic', 'gb', 'strict']),
  color: colorRefSchema,
  hanLatinSpacing: nonNegative,
  hyphenate: z.boolean(),
  language,
  spanColumns: z.union([count(1, 64), z.literal('all')]),
  keepWithNext: z.boolean(),
  orphans: count(1, 10),
  widows: count(1, 10),
  alignToGrid: z.boolean(),
  runIn: z.boolean(),
  balanceLines: z.boolean().optional(),
  phraseBreaks: z.boolean().optional(),
  captionGap: paragraphLength(nonNegative).optional(),
};

/** Makes every field of a shape optional (style sheets set only what differs from their parent). */
function optionalShape<T extends Record<string, z.ZodType>>(
  shape: T,
): { [K in keyof T]: z.ZodOptional<T[K]> } {
  return Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, v.optional()])) as {
    [K in keyof T]: z.ZodOptional<T[K]>;
  };
}

export const paragraphStyleSchema = z.looseObject({
  id,
  name: z.string(),
  basedOn: id.nullable(),
  ...optionalShape(paragraphStylePropsShape),
});

export const characterStylePropsShape = {
  fontFamily: z.string().min(1),
  fontWeight,
  italic: z.boolean(),
  fontSize: positive,
  tracking: finite,
  color: colorRefSchema,
  baselineShift: finite,
};

export const characterStyleSchema = z.looseObject({
  id,
  name: z.string(),
  basedOn: id.nullable(),
  ...optionalShape(characterStylePropsShape),
});

export const swatchSchema = z.looseObject({
  id,
  name: z.string(),
  cmyk: z.tuple([percent, percent, percent, percent]),
  spot: z.string().nullable(),
});

export const roleStylesSchema = z.looseObject(
  Object.fromEntries(BLOCK_ROLES.map((role) => [role, id])) as Record<string, typeof id>,
);

export const styleSheetsSchema = z.looseObject({
  paragraph: z.record(id, paragraphStyleSchema),
  character: z.record(id, characterStyleSchema),
  swatches: z.record(id, swatchSchema),
  roleStyles: roleStylesSchema,
});

/**
 * An asset's place in the package: `assets/<name>` with one plain file name
 * (no folders, no `..`, no backslashes or drive colons), so it can never
 * point outside the package.
 */
export const assetPathSchema = z
  .string()
  .regex(/^assets\/[^/\\:]+$/, 'must be assets/<file name> with no folders, backslashes or colons')
  .refine((p) => p !== 'assets/.' && p !== 'assets/..', 'must name a file, not "." or ".."')
  .refine((p) => !p.includes(String.fromCharCode(0)), 'must not contain a NUL character');

export const assetSchema = z.looseObject({
  id,
  name: z.string(),
  path: assetPathSchema,
  mime: z.enum(['image/jpeg', 'image/png', 'image/tiff', 'image/webp', 'image/heic']),
  widthPx: count(1, 1_000_000),
  heightPx: count(1, 1_000_000),
  colorSpace: z.enum(['rgb', 'cmyk', 'gray']),
  byteLength: count(0, Number.MAX_SAFE_INTEGER),
});

export const editionMetaSchema = z.looseObject({
  paperName: z.string(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as yyyy-mm-dd'),
  issueNumber: count(0, Number.MAX_SAFE_INTEGER),
  editionName: z.string(),
  language,
});

export const editionSchema = z.looseObject({
  schemaVersion: z.number().int(),
  id,
  meta: editionMetaSchema,
  styles: styleSheetsSchema,
  masters: z.array(masterPageSchema),
  pages: z.array(pageSchema),
  stories: z.record(id, storySchema),
  assets: z.record(id, assetSchema),
  copyChecks: copyCheckSettingsSchema.optional(),
  // Declared below with the other review shapes; optional for hand-built editions.
  review: z.lazy(() => reviewSchema).optional(),
  // The desk's plan (schema 4), declared at the end; optional for hand-built editions.
  plan: z.lazy(() => planSchema).optional(),
});

// ---------------------------------------------------------------- review (schema 2)

const reviewPointSchema = z.looseObject({ block: count(0, 1_000_000), offset: count(0, 100_000_000) });
const cssColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour as #rrggbb');
/** When a time is written: ISO 8601 as Date.toISOString() writes it. */
const isoTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, {
  message: 'must be an ISO 8601 time, e.g. 2024-05-01T09:30:00.000Z',
});
const stampShape = { author: z.string().min(1, 'must name an author'), color: cssColor, time: isoTime };
export const stampSchema = z.looseObject(stampShape);

export const noteAnchorSchema = z.discriminatedUnion('kind', [
  z.looseObject({
    kind: z.literal('text'),
    storyId: id,
    from: reviewPointSchema,
    to: reviewPointSchema,
    quote: z.string(),
  }),
  z.looseObject({ kind: z.literal('frame'), frameId: id }),
  z.looseObject({ kind: z.literal('page'), pageId: id, x: finite, y: finite }),
]);

/** The records of a set_review_anchors operation. */
export const anchorRecordsSchema = z.array(
  z.looseObject({ in: z.enum(['notes', 'changes']), id, points: z.array(reviewPointSchema) }),
);

export const noteReplySchema = z.looseObject({ id, ...stampShape, text: z.string() });

export const noteSchema = z.looseObject({
  id,
  ...stampShape,
  anchor: noteAnchorSchema,
  text: z.string(),
  replies: z.array(noteReplySchema),
  resolved: stampSchema.nullable(),
});

const changeBase = { id, ...stampShape, storyId: id, from: reviewPointSchema, to: reviewPointSchema };
const runMarksSchema = z.looseObject({ bold: z.boolean(), italic: z.boolean(), charStyleId: id.nullable() });

export const trackedChangeSchema = z.discriminatedUnion('kind', [
  z.looseObject({ ...changeBase, kind: z.literal('insert') }),
  z.looseObject({
    ...changeBase,
    kind: z.literal('delete'),
    content: z.array(storyBlockSchema).min(1, 'a deletion keeps at least one paragraph of text'),
    startsParagraph: z.boolean().optional(),
    held: z
      .array(
        z.looseObject({
          in: z.enum(['notes', 'changes']),
          id,
          points: z.array(count(0, 100_000_000).nullable()),
        }),
      )
      .optional(),
  }),
  z.looseObject({
    ...changeBase,
    kind: z.literal('format'),
    marks: z.looseObject({
      bold: z.boolean().optional(),
      italic: z.boolean().optional(),
      charStyleId: id.nullable().optional(),
    }),
    runs: z.array(z.looseObject({ from: reviewPointSchema, to: reviewPointSchema, marks: runMarksSchema })),
  }),
  z.looseObject({
    ...changeBase,
    kind: z.literal('paragraph'),
    before: z.looseObject({ type: blockRoleSchema.optional(), styleId: id.nullable().optional() }),
    after: z.looseObject({ type: blockRoleSchema.optional(), styleId: id.nullable().optional() }),
  }),
]);

/** A round's snapshot: the same shapes as the live edition's parts. */
export const roundSnapshotSchema = z.looseObject({
  meta: editionMetaSchema,
  styles: styleSheetsSchema,
  masters: z.array(masterPageSchema),
  pages: z.array(pageSchema),
  stories: z.record(id, storySchema),
  assets: z.record(id, assetSchema),
});

export const proofRoundSchema = z.looseObject({
  id,
  ...stampShape,
  name: z.string().min(1, 'a round needs a name'),
  number: count(1, 1_000_000),
  snapshot: roundSnapshotSchema,
});

export const signOffSchema = z.looseObject({ ...stampShape, roundId: id.nullable() });

export const reviewSettingsSchema = z.looseObject({
  trackChanges: z.boolean(),
  trackStories: z.record(id, z.boolean()),
  requireSignoff: z.boolean(),
});

export const reviewSchema = z.looseObject({
  settings: reviewSettingsSchema,
  notes: z.array(noteSchema),
  changes: z.array(trackedChangeSchema),
  rounds: z.array(proofRoundSchema),
  signoffs: z.record(id, signOffSchema),
});

// ---------------------------------------------------------------- plan (schema 4)

export const planSectionSchema = z.looseObject({
  id,
  name: z.string().max(200, 'a section name longer than 200 characters'),
  prefix: z.string().max(8, 'a page-number prefix longer than 8 characters'),
});

export const pagePlanSchema = z.looseObject({
  sectionId: id.nullable(),
  color: z.enum(['color', 'mono']),
  status: z.enum(['planned', 'in-layout']),
  designer: z.string().max(200).optional(),
});

export const adBookingSchema = z.looseObject({
  id,
  advertiser: z.string().max(500),
  pageId: id.nullable(),
  columns: count(1, 64),
  heightCm: z.number().gt(0, 'an ad needs a height').max(1000),
  anchor: z.enum(['bottom-left', 'bottom-right', 'top-left', 'top-right']),
  assetId: id.nullable(),
  frameId: id.nullable(),
});

export const storyAssignmentSchema = z.looseObject({
  storyId: id,
  pageId: id.nullable(),
  weight: z.enum(['lead', 'second', 'brief']),
  budget: z.looseObject({ unit: z.enum(['characters', 'lines']), value: count(0, 10_000_000) }).nullable(),
  photos: z.array(z.looseObject({ assetId: id.nullable(), captionStoryId: id.nullable() })).max(100),
});

export const planSettingsSchema = z.looseObject({
  exportPattern: z
    .string()
    .min(1, 'give a file-name pattern, e.g. {date}_{page}.pdf')
    .max(200)
    .refine(
      (p) => !/[\\/:]/.test(p) && !p.includes(String.fromCharCode(0)),
      'a file-name pattern must not hold folders (/ \\), colons or NUL',
    ),
  jumpLines: z.looseObject({
    enabled: z.boolean(),
    continuedOn: z.string().max(200),
    continuedFrom: z.string().max(200),
    skipConsecutive: z.boolean().optional(),
  }),
});

export const planSchema = z.looseObject({
  sections: z.array(planSectionSchema).max(1000),
  pages: z.record(id, pagePlanSchema),
  ads: z.array(adBookingSchema),
  assignments: z.record(id, storyAssignmentSchema),
  settings: planSettingsSchema,
});

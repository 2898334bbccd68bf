import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyOperation, OperationError, type Operation } from '../../../shared/model/operations';
import { validateEdition } from '../../../shared/model/validate';
import { sampleEdition } from './fixtures';
import { deepFreeze } from './op-helpers';

const TYPES = [
  'set_story_blocks',
  'replace_blocks',
  'insert_text',
  'remove_text',
  'split_block',
  'merge_block',
  'set_block',
  'set_marks',
  'add_story',
  'remove_story',
  'set_story_props',
  'set_story_thread',
  'insert_frame',
  'remove_frame',
  'update_frame',
  'move_frame',
  'reorder_frame',
  'insert_page',
  'remove_page',
  'move_page',
  'set_page_props',
  'insert_master',
  'remove_master',
  'set_master_props',
  'upsert_paragraph_style',
  'remove_paragraph_style',
  'upsert_character_style',
  'remove_character_style',
  'delete_paragraph_style',
  'delete_character_style',
  'set_role_style',
  'upsert_swatch',
  'remove_swatch',
  'add_asset',
  'remove_asset',
  'set_meta',
  'set_copy_checks',
  'upsert_note',
  'remove_note',
  'upsert_change',
  'remove_change',
  'upsert_round',
  'remove_round',
  'set_signoff',
  'set_review_settings',
  'set_review_anchors',
  'set_plan',
  'upsert_section',
  'remove_section',
  'set_page_plan',
  'upsert_ad',
  'remove_ad',
  'set_assignment',
  'set_plan_settings',
  'batch',
];

/** Values that look a little like the real thing: known ids, small numbers, odd shapes. */
const fieldValue = fc.oneof(
  fc.constantFrom(
    'st-lead',
    'st-caption',
    'fr-a',
    'fr-photo',
    'pg-1',
    'ms-1',
    'ps-body',
    'cs-red',
    'black',
    'as-1',
    'body',
  ),
  fc.integer({ min: -2, max: 40 }),
  fc.constantFrom(null, undefined, true, false, NaN, Infinity, '', [], {}),
  fc.anything({ maxDepth: 2 }),
);
const opArb = fc.record({
  type: fc.constantFrom(...TYPES),
  fields: fc.dictionary(
    fc.constantFrom(
      'storyId',
      'block',
      'offset',
      'text',
      'length',
      'index',
      'count',
      'blocks',
      'props',
      'frameId',
      'container',
      'frame',
      'pageId',
      'page',
      'masterId',
      'master',
      'style',
      'styleId',
      'role',
      'swatch',
      'swatchId',
      'asset',
      'assetId',
      'thread',
      'story',
      'from',
      'to',
      'marks',
      'newType',
      'replaceWith',
      'ops',
      'note',
      'noteId',
      'change',
      'changeId',
      'round',
      'roundId',
      'signoff',
      'trackStories',
      'records',
    ),
    fieldValue,
  ),
});

describe('operations from untrusted JSON (journal, collaboration)', () => {
  it('either apply and keep the edition valid, or throw an OperationError — never crash', () => {
    const edition = deepFreeze(sampleEdition());
    fc.assert(
      fc.property(opArb, ({ type, fields }) => {
        const op = { ...fields, type } as unknown as Operation;
        try {
          const { edition: after } = applyOperation(edition, op);
          const result = validateEdition(after);
          expect(result.ok ? [] : result.issues).toEqual([]);
        } catch (error) {
          if (!(error instanceof OperationError)) throw error;
        }
      }),
      { numRuns: 3000, seed: 7 },
    );
  });
});

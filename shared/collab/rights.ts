/**
 * Who may change what in a shared edition. The server enforces it on every
 * incoming update (main/server/rights); the app checks the same table before
 * applying an operation, so a refused edit is explained at once instead of
 * being sent and refused.
 *
 * Kinds of change: `text` (a story's paragraphs), `story` (adding, removing,
 * renaming stories), `layout` (pages, masters, frames, threads, photos),
 * `styles` (style sheets, swatches, role styles), `edition` (metadata),
 * `annotations` (notes, tracked changes, proof rounds, sign-offs — parts of
 * the model kept in the layout's `extra` root), `locks` (only the server
 * writes them, on request).
 */
import type { Operation } from '../model/ops/types';

export type Role = 'designer' | 'editor' | 'proofreader' | 'admin';
export type ChangeKind = 'text' | 'story' | 'layout' | 'styles' | 'edition' | 'annotations' | 'locks';

const ALLOWED: Record<Role, readonly ChangeKind[]> = {
  admin: ['text', 'story', 'layout', 'styles', 'edition', 'annotations'],
  designer: ['text', 'story', 'layout', 'styles', 'edition', 'annotations'],
  editor: ['text', 'story', 'annotations'],
  proofreader: ['text', 'annotations'],
};

export function mayChange(role: Role, kind: ChangeKind): boolean {
  return ALLOWED[role]?.includes(kind) ?? false;
}

/** One change found in an update: its kind and what it concerns (for locks). */
export interface Touch {
  kind: ChangeKind;
  storyId?: string;
  frameId?: string;
  pageId?: string;
}

/**
 * What a change at a place in the doc is: `root` is the root type's name,
 * `path` the map keys from the root down to the changed type (array and
 * text positions left out), `keys` the keys changed in that type (null for
 * positional changes).
 */
export function touchAt(root: string, path: readonly string[], keys: ReadonlySet<string | null>): Touch[] {
  switch (root) {
    case 'frames':
      if (path.length === 0)
        return [...keys].map((k) => ({ kind: 'layout' as const, frameId: k ?? undefined }));
      return [{ kind: 'layout', frameId: path[0] }];
    case 'pages':
    case 'masters':
      if (path.length === 0)
        return [...keys].map((k) => ({ kind: 'layout' as const, pageId: k ?? undefined }));
      return [{ kind: 'layout', pageId: path[0] }];
    case 'assets':
      return [{ kind: 'layout' }];
    case 'paragraphStyles':
    case 'characterStyles':
    case 'swatches':
    case 'roleStyles':
      return [{ kind: 'styles' }];
    case 'meta':
    case 'edition':
      return [{ kind: 'edition' }];
    case 'stories': {
      if (path.length === 0)
        return [...keys].map((k) => ({ kind: 'story' as const, storyId: k ?? undefined }));
      const storyId = path[0];
      if (path.length >= 2 && path[1] === 'blocks') return [{ kind: 'text', storyId }];
      // Fields of the story entry itself: the thread is layout, the rest story (a new entry's blocks root is text).
      return [...keys].map((k) =>
        k === 'thread'
          ? { kind: 'layout' as const, storyId }
          : k === 'blocks'
            ? { kind: 'text' as const, storyId }
            : { kind: 'story' as const, storyId },
      );
    }
    case 'extra': {
      const key = path[0] ?? [...keys][0] ?? '';
      return [{ kind: key && key.startsWith('styles.') ? 'styles' : 'annotations' }];
    }
    case 'locks':
      return [{ kind: 'locks' }];
    default:
      return [{ kind: 'locks' }]; // an unknown root: nobody but the server writes it
  }
}

/** What a model operation changes (the app's check before applying it). */
export function touchesOf(op: Operation): Touch[] {
  switch (op.type) {
    case 'batch':
      return op.ops.flatMap(touchesOf);
    case 'insert_text':
    case 'remove_text':
    case 'split_block':
    case 'merge_block':
    case 'set_block':
    case 'set_marks':
    case 'replace_blocks':
    case 'set_story_blocks':
      return [{ kind: 'text', storyId: op.storyId }];
    case 'add_story':
      return [{ kind: 'story', storyId: op.story.id }];
    case 'remove_story':
    case 'set_story_props':
      return [{ kind: 'story', storyId: op.storyId }];
    case 'set_story_thread':
      return [{ kind: 'layout', storyId: op.storyId }];
    case 'insert_frame':
      return [
        {
          kind: 'layout',
          frameId: op.frame.id,
          pageId: 'pageId' in op.container ? op.container.pageId : undefined,
        },
      ];
    case 'remove_frame':
    case 'update_frame':
    case 'move_frame':
    case 'reorder_frame':
      return [{ kind: 'layout', frameId: op.frameId }];
    case 'insert_page':
      return [{ kind: 'layout', pageId: op.page.id }];
    case 'remove_page':
    case 'move_page':
    case 'set_page_props':
      return [{ kind: 'layout', pageId: op.pageId }];
    case 'insert_master':
    case 'remove_master':
    case 'set_master_props':
    case 'add_asset':
    case 'remove_asset':
      return [{ kind: 'layout' }];
    case 'set_meta':
      return [{ kind: 'edition' }];
    default: {
      const type = (op as { type: string }).type;
      if (/style|swatch/.test(type)) return [{ kind: 'styles' }];
      // Operations added later (notes, tracked changes, sign-offs …).
      return [{ kind: 'annotations' }];
    }
  }
}

/** Codes the server closes a connection with, and the app explains (locale keys server.refused.<code>). */
export type RefusalCode =
  | 'role' // the role may not make this kind of change
  | 'locked' // someone else has the story or page checked out
  | 'malformed' // the message is not a valid Yjs update
  | 'oversized' // the message is larger than the server accepts
  | 'token-invalid'
  | 'token-expired'
  | 'no-token';

/** The close reason text: `folio:<code>:<detail>` (a WebSocket close reason holds at most 123 bytes). */
export function refusalReason(code: RefusalCode, detail = ''): string {
  const text = `folio:${code}:${detail}`;
  const bytes = new TextEncoder().encode(text);
  return bytes.length <= 120 ? text : new TextDecoder().decode(bytes.slice(0, 120)).replace(/\uFFFD$/, '');
}

export function parseRefusal(reason: string): { code: RefusalCode; detail: string } | null {
  const m = /^folio:([a-z-]+):(.*)$/s.exec(reason);
  return m ? { code: m[1] as RefusalCode, detail: m[2] } : null;
}

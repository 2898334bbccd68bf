/**
 * The story editor: one Slate editor per story, beside the page (a galley,
 * like InCopy's story view). It does not own the document: every change
 * Slate makes is handed to `onOperations` as Slate operations, which the
 * editing session turns into model operations and applies through the
 * store; the page recomposes and this editor receives the story back.
 * Changes made elsewhere (undo, a style change, the canvas) arrive as new
 * `blocks` and replace the editor's value, keeping the caret.
 *
 * slate-history is deliberately not used: undo works on model operations so
 * that one history covers text, frames, styles and pages alike.
 */
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import {
  createEditor,
  Editor,
  Element,
  Range,
  Text,
  Transforms,
  type NodeEntry,
  type Operation,
} from 'slate';
import {
  Editable,
  ReactEditor,
  Slate,
  withReact,
  type RenderElementProps,
  type RenderLeafProps,
} from 'slate-react';
import type { StoryPoint } from '../../shared/layout/display-list';
import type { BlockRole, Id, StoryBlock } from '../../shared/model/types';
import { BLOCK_ROLES } from '../../shared/model/types';
import { toLeafPoint, toStoryPoint } from '../../shared/editing/story-points';
import { sameStory } from '../../shared/editing/same-story';
import { followPoint } from '../../shared/editing/follow-point';
import { ROLE_SHORTCUTS, roleAfterBreak, roleStyle, shortcutOf } from './roles';
import { pasteFragment } from './paste';
import { syncSelectionFromDom } from './sync-selection';
import type { StoryDecoration } from './story-decorations';
import './slate-types';

export interface EditInfo {
  /** Text typed by this change when it only inserted text (for undo grouping). */
  typed: string | null;
  /** True when the change commits an input-method composition. */
  composition: boolean;
  /** A label for the undo menu. */
  label: string;
}

export interface StoryEditorProps {
  storyId: Id;
  storyName: string;
  blocks: StoryBlock[];
  language: 'zh-Hans' | 'en';
  /** Slate's operations for one change, in order; the session applies them to the model. */
  onOperations(storyId: Id, operations: Operation[], info: EditInfo): void;
  /** The editor's selection as story points (for the caret on the page). */
  onSelect?(storyId: Id, anchor: StoryPoint, focus: StoryPoint): void;
  /** Undo and redo go to the document's history, not Slate's. */
  onCommand?(command: 'undo' | 'redo'): void;
  /** A caret placed from the page canvas; a new object moves the caret. */
  caretRequest?: { point: StoryPoint; focus?: StoryPoint } | null;
  /** A line under the editor: character count and copyfit. */
  status?: string;
  /** True when the status shows text over (the overset marker). */
  overset?: boolean;
  /** CSS font stack for the galley text. */
  fontFamily?: string;
  /** Bumped when the model refused an edit: the editor goes back to `blocks`. */
  resync?: number;
  /** Ranges other parts mark over the text (notes), from story-decorations. */
  decorations?: readonly StoryDecoration[];
}

/** Leaf property under which a decoration rides on the text Slate splits for it. */
const DECORATION = 'decoration:';

/** Slate ranges for the decorations over one text leaf (path [block, leaf]). */
function decorateLeaf(
  editor: Editor,
  [node, path]: NodeEntry,
  decorations: readonly StoryDecoration[],
): Range[] {
  if (!Text.isText(node) || path.length !== 2 || decorations.length === 0) return [];
  const [block, leaf] = path;
  const children = (editor.children[block] as StoryBlock | undefined)?.children ?? [];
  let start = 0;
  for (let i = 0; i < leaf; i++) start += children[i]?.text.length ?? 0;
  const end = start + node.text.length;
  const ranges: Range[] = [];
  for (const d of decorations) {
    // The part of the decoration within this block, in block offsets.
    if (block < d.from.block || block > d.to.block) continue;
    const from = Math.max(start, block === d.from.block ? d.from.offset : 0);
    const to = Math.min(end, block === d.to.block ? d.to.offset : Infinity);
    if (to <= from) continue;
    ranges.push({
      anchor: { path, offset: from - start },
      focus: { path, offset: to - start },
      [DECORATION + d.key]: d,
    } as Range);
  }
  return ranges;
}

const isMod = (e: KeyboardEvent) => e.ctrlKey || e.metaKey;

/** Slate needs at least one block with one leaf. */
function editable(blocks: StoryBlock[]): StoryBlock[] {
  return blocks.length > 0 ? blocks : [{ type: 'body', children: [{ text: '' }] }];
}

/** The undo step's name, as a message key (shown in the UI language). */
function labelFor(ops: Operation[]): string {
  if (ops.every((op) => op.type === 'insert_text')) return 'step.typing';
  if (ops.some((op) => op.type === 'set_node' && 'type' in op.newProperties)) return 'step.setRole';
  if (ops.every((op) => op.type === 'remove_text' || op.type === 'merge_node' || op.type === 'remove_node'))
    return 'step.deleteText';
  return 'step.editText';
}

export function StoryEditor(props: StoryEditorProps) {
  const { storyId, blocks, language, onOperations, onSelect, onCommand } = props;
  const { t } = useTranslation();
  const pending = useRef<Operation[]>([]);
  const external = useRef(false);
  const plainPaste = useRef(false);
  /** Set when an input method commits, so the next change is reported as a composition. */
  const composed = useRef(false);
  const [currentRole, setCurrentRole] = useState<BlockRole | null>(null);

  const editor = useMemo(() => {
    const e = withReact(createEditor());
    const { apply } = e;
    e.apply = (op) => {
      apply(op);
      if (!external.current && op.type !== 'set_selection') pending.current.push(op);
    };
    const { insertBreak } = e;
    // Enter after a headline, kicker, byline … starts a body paragraph.
    e.insertBreak = () => {
      const entry = Editor.above(e, { match: (n) => Element.isElement(n) });
      insertBreak();
      if (entry) {
        const next = roleAfterBreak(entry[0].type);
        if (next !== entry[0].type) Transforms.setNodes(e, { type: next, styleId: undefined });
      }
    };
    return e;
    // One editor per story: a different story gets a fresh editor (key on the component).
  }, []);

  const initialValue = useMemo(() => editable(blocks), []); // the first value only: later ones arrive through `blocks`

  // Changes from elsewhere (undo, styles, another view) replace the value,
  // unless an input method is composing: replacing the DOM under a
  // composition loses or doubles characters, so wait for it to end.
  const [deferred, setDeferred] = useState(0);
  useLayoutEffect(() => {
    const next = editable(blocks);
    if (sameStory(editor.children as StoryBlock[], next)) return;
    if (ReactEditor.isComposing(editor)) return;
    const selection = editor.selection;
    const shown = editor.children as StoryBlock[];
    // The caret follows text others inserted or removed before it (shared editions, undo elsewhere).
    const anchor = selection ? followPoint(shown, next, toStoryPoint(shown, selection.anchor)) : null;
    const focus = selection ? followPoint(shown, next, toStoryPoint(shown, selection.focus)) : null;
    external.current = true;
    try {
      editor.children = next;
      if (anchor && focus) {
        editor.selection = { anchor: toLeafPoint(next, anchor), focus: toLeafPoint(next, focus) };
      } else {
        editor.selection = null;
      }
      editor.onChange();
    } finally {
      external.current = false;
    }
  }, [blocks, editor, deferred, props.resync]);

  useEffect(() => {
    if (!props.caretRequest) return;
    const doc = editor.children as StoryBlock[];
    const anchor = toLeafPoint(doc, props.caretRequest.point);
    const focus = toLeafPoint(doc, props.caretRequest.focus ?? props.caretRequest.point);
    try {
      ReactEditor.focus(editor);
    } catch {
      // Not yet in the DOM: the selection still moves.
    }
    Transforms.select(editor, { anchor, focus });
  }, [props.caretRequest, editor]);

  const handleChange = useCallback(() => {
    const ops = pending.current;
    pending.current = [];
    const doc = editor.children as StoryBlock[];
    if (editor.selection) {
      const block = doc[editor.selection.focus.path[0]];
      setCurrentRole(block ? block.type : null);
      onSelect?.(
        storyId,
        toStoryPoint(doc, editor.selection.anchor),
        toStoryPoint(doc, editor.selection.focus),
      );
    }
    if (ops.length === 0) return;
    const typed = ops.every((op) => op.type === 'insert_text')
      ? ops.map((op) => (op as { text: string }).text).join('')
      : null;
    const composition = composed.current;
    composed.current = false;
    onOperations(storyId, ops, { typed, composition, label: labelFor(ops) });
  }, [editor, onOperations, onSelect, storyId]);

  const setRole = useCallback(
    (role: BlockRole) => {
      Transforms.setNodes(editor, { type: role, styleId: undefined }, { match: (n) => Element.isElement(n) });
      setCurrentRole(role);
    },
    [editor],
  );

  const toggleMark = useCallback(
    (mark: 'bold' | 'italic') => {
      const marks = Editor.marks(editor);
      if (marks?.[mark]) Editor.removeMark(editor, mark);
      else Editor.addMark(editor, mark, true);
    },
    [editor],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      if (event.nativeEvent.isComposing) return;
      const key = event.key.toLowerCase();
      if (isMod(event) && !event.altKey && (key === 'z' || key === 'y')) {
        event.preventDefault();
        onCommand?.(key === 'y' || event.shiftKey ? 'redo' : 'undo');
        return;
      }
      if (isMod(event) && !event.altKey && (key === 'b' || key === 'i')) {
        event.preventDefault();
        syncSelectionFromDom(editor);
        toggleMark(key === 'b' ? 'bold' : 'italic');
        return;
      }
      if (isMod(event) && event.altKey) {
        // event.code survives the Alt layer on macOS, where Alt+1 types "¡".
        const digit = /^Digit(\d)$/.exec(event.code)?.[1] ?? (/^\d$/.test(event.key) ? event.key : null);
        const role = digit ? ROLE_SHORTCUTS[digit] : undefined;
        if (role) {
          event.preventDefault();
          syncSelectionFromDom(editor);
          setRole(role);
          return;
        }
      }
      if (isMod(event) && event.shiftKey && key === 'v') plainPaste.current = true;
      if (event.key === 'Enter' && event.shiftKey) {
        // No soft line breaks in news copy: Shift+Enter is a new paragraph too.
        event.preventDefault();
        editor.insertBreak();
      }
    },
    [editor, onCommand, setRole, toggleMark],
  );

  const onPaste = useCallback(
    (event: React.ClipboardEvent<HTMLDivElement>) => {
      const plain = plainPaste.current;
      plainPaste.current = false;
      // A Slate fragment (copied from a Folio story) keeps its roles: Slate's own paste handles it.
      if (!plain && event.clipboardData.types.includes('application/x-slate-fragment')) return;
      const text = event.clipboardData.getData('text/plain');
      if (!text) return;
      event.preventDefault();
      if (editor.selection && !Range.isCollapsed(editor.selection)) Editor.deleteFragment(editor);
      const here = Editor.above(editor, { match: (n) => Element.isElement(n) });
      pasteFragment(editor, text, { withRoles: !plain, currentRole: here ? here[0].type : 'body' });
    },
    [editor],
  );

  const renderElement = useCallback(
    ({ attributes, children, element }: RenderElementProps) => (
      <p {...attributes} data-role={element.type} style={roleStyle(element.type)}>
        {children}
      </p>
    ),
    [],
  );

  const decorations = props.decorations;
  const decorate = useCallback(
    (entry: NodeEntry) => (decorations ? decorateLeaf(editor, entry, decorations) : []),
    [editor, decorations],
  );

  const renderLeaf = useCallback(({ attributes, children, leaf }: RenderLeafProps) => {
    let content = children;
    if (leaf.bold) content = <strong>{content}</strong>;
    if (leaf.italic) content = <em>{content}</em>;
    // Decorations nest, innermost last, each a span with its class and colour.
    for (const [key, value] of Object.entries(leaf))
      if (key.startsWith(DECORATION)) {
        const d = value as StoryDecoration;
        content = (
          <span
            className={d.className}
            title={d.title}
            data-decoration={d.key}
            data-label={d.label}
            style={d.color ? ({ '--mark-color': d.color } as React.CSSProperties) : undefined}
          >
            {content}
          </span>
        );
      }
    return (
      <span {...attributes} data-field={leaf.field}>
        {content}
      </span>
    );
  }, []);

  return (
    <section className="story-editor" data-testid="story-editor" data-story-id={storyId} lang={language}>
      <header
        className="story-editor-toolbar"
        style={{ display: 'flex', gap: 6, alignItems: 'center', padding: 4 }}
      >
        <strong style={{ flex: 1, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
          {props.storyName}
        </strong>
        <select
          data-testid="role-menu"
          aria-label={t('story.roleMenu')}
          title={t('story.roleMenu')}
          value={currentRole ?? ''}
          onMouseDown={(e) => e.stopPropagation()}
          onChange={(e) => setRole(e.target.value as BlockRole)}
        >
          {currentRole === null && <option value="">—</option>}
          {BLOCK_ROLES.map((role) => {
            const shortcut = shortcutOf(role);
            return (
              <option key={role} value={role}>
                {t(`role.${role}`)}
                {shortcut ? `  (Ctrl+Alt+${shortcut})` : ''}
              </option>
            );
          })}
        </select>
        <button
          type="button"
          data-testid="mark-bold"
          title={`${t('story.bold')} (Ctrl/Cmd+B)`}
          aria-label={t('story.bold')}
          onMouseDown={(e) => {
            e.preventDefault();
            syncSelectionFromDom(editor);
            toggleMark('bold');
          }}
        >
          <b>B</b>
        </button>
        <button
          type="button"
          data-testid="mark-italic"
          title={`${t('story.italic')} (Ctrl/Cmd+I)`}
          aria-label={t('story.italic')}
          onMouseDown={(e) => {
            e.preventDefault();
            syncSelectionFromDom(editor);
            toggleMark('italic');
          }}
        >
          <i>I</i>
        </button>
      </header>
      <Slate editor={editor} initialValue={initialValue} onChange={handleChange}>
        <Editable
          data-testid="story-editor-text"
          className="story-editor-text"
          renderElement={renderElement}
          renderLeaf={renderLeaf}
          decorate={decorate}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          onCompositionEnd={() => {
            composed.current = true;
            setDeferred((n) => n + 1);
          }}
          spellCheck={false}
          style={{
            padding: '8px 12px',
            minHeight: 200,
            outline: 'none',
            fontFamily: props.fontFamily ?? 'serif',
            maxHeight: '45vh',
            overflowY: 'auto',
            whiteSpace: 'pre-wrap',
          }}
        />
      </Slate>
      <footer
        className="story-editor-status"
        data-testid="story-status"
        data-overset={props.overset ? 'true' : 'false'}
        style={{ padding: 4, fontSize: 12, color: props.overset ? '#c00' : '#555' }}
      >
        {props.overset ? '⊞ ' : ''}
        {props.status ?? ''}
      </footer>
    </section>
  );
}

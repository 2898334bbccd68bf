/**
 * Paragraph and character style sheets and CMYK swatches: create (based on
 * the selected style), edit every property (renderer/editor/styles), apply
 * to the paragraphs or text selected in the story editor. Every change is
 * one model operation and one undo step; a change to a style recomposes
 * every story that uses it, since the composer resolves styles as it sets
 * the text. Labels come from the shared locales (styles.*).
 */
import { memo, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Id } from '../../shared/model/types';
import type { Operation } from '../../shared/model/ops/types';
import { newId } from '../../shared/model/ids';
import {
  applyParagraphStyle,
  createCharacterStyle,
  createParagraphStyle,
  createSwatch,
  updateCharacterStyle,
  updateParagraphStyle,
} from '../../shared/editing/style-edits';
import type { RightPanelProps } from '../shell/extensions';
import { useEditorDeferred } from '../state/use-editor';
import { sessionOf } from '../actions/session';
import { ParagraphStyleEditor, type ParagraphPatch } from './styles/ParagraphStyleEditor';
import { CharacterStyleEditor, type CharacterPatch } from './styles/CharacterStyleEditor';
import { SwatchesSection } from './styles/SwatchesSection';
import { DeleteStyleForm } from './styles/DeleteStyleForm';
import { characterStyleUsage, paragraphStyleUsage } from '../../shared/editing/style-usage';

/** Memoised: the story panel around it renders on every keystroke, this panel only when what it shows changes. */
export const StylesPanel = memo(function StylesPanel({ store }: RightPanelProps) {
  const { t } = useTranslation();
  const session = sessionOf(store);
  const styles = useEditorDeferred((s) => s.edition?.styles ?? null);
  const language = useEditorDeferred((s) => s.edition?.meta.language ?? 'zh-Hans');
  const units = useEditorDeferred((s) => s.view.units);
  // The story and blocks the selection spans: typing moves the caret within a block, which
  // renders nothing here again. Handlers read the selection as it is when clicked.
  const span = useSyncExternalStore(session.subscribe, () => {
    const selection = session.getTextSelection();
    return selection
      ? `${selection.storyId}\u0000${selection.anchor.block}\u0000${selection.focus.block}`
      : '';
  });
  const [spanStory, , spanFocus] = span.split('\u0000');
  const hasSelection = span !== '';
  // The paragraph style in use where the caret is (its own style, else its role's), marked in the list.
  const styleAtCaret = useEditorDeferred((s) => {
    if (!hasSelection || !s.edition) return null;
    const block = s.edition.stories[spanStory]?.blocks[Number(spanFocus)];
    return block ? (block.styleId ?? s.edition.styles.roleStyles[block.type] ?? null) : null;
  });
  const [selected, setSelected] = useState<Id | null>(null);
  const [selectedChar, setSelectedChar] = useState<Id | null>(null);
  // Which list's "delete — replace with" form is open.
  const [deleting, setDeleting] = useState<'paragraph' | 'character' | null>(null);
  if (!styles) return null;

  const run = (label: string, build: () => Operation[]) => {
    try {
      const ops = build();
      if (ops.length) session.apply(ops, { label });
    } catch (error) {
      session.notify(error as Error);
    }
  };
  const edition = () => store.getState().edition!;
  const styleId = selected && styles.paragraph[selected] ? selected : null;
  const charId = selectedChar && styles.character[selectedChar] ? selectedChar : null;

  const selectedBlocks = (): number[] => {
    const textSelection = session.getTextSelection();
    if (!textSelection) return [];
    const a = Math.min(textSelection.anchor.block, textSelection.focus.block);
    const b = Math.max(textSelection.anchor.block, textSelection.focus.block);
    return Array.from({ length: b - a + 1 }, (_, i) => a + i);
  };
  const setCharStyle = (id: Id | null) => {
    const textSelection = session.getTextSelection();
    if (!textSelection) return;
    const forward = before(textSelection.anchor, textSelection.focus);
    run(t('styles.step.applyChar'), () => [
      {
        type: 'set_marks',
        storyId: textSelection.storyId,
        from: forward ? textSelection.anchor : textSelection.focus,
        to: forward ? textSelection.focus : textSelection.anchor,
        marks: { charStyleId: id },
      },
    ]);
  };

  return (
    <details
      className="styles-panel"
      data-testid="styles-panel"
      style={{ padding: 4, borderTop: '1px solid #ddd', fontSize: 12 }}
    >
      <summary data-testid="styles-panel-toggle" style={{ fontWeight: 600, cursor: 'pointer' }}>
        {t('styles.panel')}
      </summary>
      <h3 style={{ margin: '4px 0' }}>{t('styles.paragraph')}</h3>
      <StyleList
        items={Object.values(styles.paragraph)}
        selected={styleId}
        current={styleAtCaret}
        testPrefix="style-item-"
        onSelect={setSelected}
      />
      <div style={{ display: 'flex', gap: 4, flexWrap: 'wrap', margin: '4px 0' }}>
        <button
          type="button"
          data-testid="style-new"
          onClick={() => {
            const name = t('styles.newName', { n: Object.keys(styles.paragraph).length + 1 });
            const created = createParagraphStyle(edition(), name, styleId, {}, newId);
            run(t('styles.step.new'), () => created.ops);
            setSelected(created.styleId);
          }}
        >
          {t('styles.new')}
        </button>
        <button
          type="button"
          data-testid="style-apply"
          disabled={!styleId || !hasSelection}
          onClick={() => {
            const textSelection = session.getTextSelection();
            if (styleId && textSelection)
              run(t('styles.step.apply'), () =>
                applyParagraphStyle(textSelection.storyId, selectedBlocks(), styleId),
              );
          }}
        >
          {t('styles.apply')}
        </button>
        <button
          type="button"
          data-testid="style-clear"
          disabled={!hasSelection}
          onClick={() => {
            const textSelection = session.getTextSelection();
            if (textSelection)
              run(t('styles.step.clear'), () =>
                applyParagraphStyle(textSelection.storyId, selectedBlocks(), null),
              );
          }}
        >
          {t('styles.roleDefault')}
        </button>
        <button
          type="button"
          data-testid="style-delete"
          disabled={!styleId}
          onClick={() => setDeleting(deleting === 'paragraph' ? null : 'paragraph')}
        >
          {t('styles.delete.open')}
        </button>
      </div>
      {styleId && deleting === 'paragraph' ? (
        <DeleteStyleForm
          // Siblings are matched by key: the style editor below already uses the bare style id.
          key={`delete-${styleId}`}
          kind="paragraph"
          styleId={styleId}
          table={styles.paragraph}
          usage={paragraphStyleUsage(edition(), styleId)}
          onCancel={() => setDeleting(null)}
          onDelete={(replaceWith) => {
            run(t('styles.step.delete'), () => [{ type: 'delete_paragraph_style', styleId, replaceWith }]);
            setDeleting(null);
            setSelected(replaceWith);
          }}
        />
      ) : null}
      {styleId ? (
        <ParagraphStyleEditor
          key={styleId}
          styles={styles}
          styleId={styleId}
          units={units}
          notify={(message) => session.notify(message)}
          change={(patch: ParagraphPatch) =>
            run(t('styles.step.edit'), () => updateParagraphStyle(edition(), styleId, patch))
          }
        />
      ) : null}

      <h3 style={{ margin: '8px 0 4px' }}>{t('styles.character')}</h3>
      <StyleList
        items={Object.values(styles.character)}
        selected={charId}
        testPrefix="char-style-"
        onSelect={setSelectedChar}
      />
      <div style={{ display: 'flex', gap: 4, flexWrap: 'wrap', margin: '4px 0' }}>
        <button
          type="button"
          data-testid="char-style-new"
          onClick={() => {
            const name = t('styles.newCharName', { n: Object.keys(styles.character).length + 1 });
            const created = createCharacterStyle(edition(), name, charId, {}, newId);
            run(t('styles.newChar'), () => created.ops);
            setSelectedChar(created.styleId);
          }}
        >
          {t('styles.newChar')}
        </button>
        <button
          type="button"
          data-testid="char-style-apply"
          disabled={!charId || !hasSelection}
          onClick={() => charId && setCharStyle(charId)}
        >
          {t('styles.applyChar')}
        </button>
        <button
          type="button"
          data-testid="char-style-remove"
          disabled={!hasSelection}
          onClick={() => setCharStyle(null)}
        >
          {t('styles.removeChar')}
        </button>
        <button
          type="button"
          data-testid="char-style-delete"
          disabled={!charId}
          onClick={() => setDeleting(deleting === 'character' ? null : 'character')}
        >
          {t('styles.delete.open')}
        </button>
      </div>
      {charId && deleting === 'character' ? (
        <DeleteStyleForm
          key={`delete-${charId}`}
          kind="character"
          styleId={charId}
          table={styles.character}
          usage={characterStyleUsage(edition(), charId)}
          onCancel={() => setDeleting(null)}
          onDelete={(replaceWith) => {
            run(t('styles.step.delete'), () => [
              { type: 'delete_character_style', styleId: charId, replaceWith },
            ]);
            setDeleting(null);
            setSelectedChar(replaceWith);
          }}
        />
      ) : null}
      {charId ? (
        <CharacterStyleEditor
          key={charId}
          styles={styles}
          styleId={charId}
          language={language}
          notify={(message) => session.notify(message)}
          change={(patch: CharacterPatch) =>
            run(t('styles.step.edit'), () => updateCharacterStyle(edition(), charId, patch))
          }
        />
      ) : null}

      <SwatchesSection
        swatches={styles.swatches}
        add={(name, cmyk) => run(t('styles.step.newSwatch'), () => createSwatch(name, cmyk, newId).ops)}
      />
    </details>
  );
});

function StyleList(props: {
  items: { id: Id; name: string; basedOn: Id | null }[];
  selected: Id | null;
  /** The style in use at the caret. */
  current?: Id | null;
  testPrefix: string;
  onSelect: (id: Id) => void;
}) {
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0, maxHeight: 160, overflow: 'auto' }}>
      {props.items.map((s) => (
        <li key={s.id}>
          <button
            type="button"
            data-testid={`${props.testPrefix}${s.id}`}
            aria-pressed={s.id === props.selected}
            aria-current={s.id === props.current ? 'true' : undefined}
            onClick={() => props.onSelect(s.id)}
            style={{
              width: '100%',
              textAlign: 'left',
              background: s.id === props.selected ? '#dbeafe' : undefined,
            }}
          >
            {s.id === props.current ? '▸ ' : ''}
            {s.name}
          </button>
        </li>
      ))}
    </ul>
  );
}

function before(a: { block: number; offset: number }, b: { block: number; offset: number }): boolean {
  return a.block < b.block || (a.block === b.block && a.offset <= b.offset);
}

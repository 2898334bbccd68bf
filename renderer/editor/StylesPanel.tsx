/**
 * Paragraph and character style sheets and CMYK swatches: create (based on
 * the selected style), edit size (pt or 号), leading, alignment, font and
 * colour, apply to the paragraphs or text selected in the story editor.
 * Every change is one undo step; a change to a style recomposes every story
 * that uses it, since the composer resolves styles as it sets the text.
 */
import { useState, useSyncExternalStore } from 'react';
import type { Alignment, Id, ParagraphStyleProps } from '../../shared/model/types';
import { resolveParagraphStyleById } from '../../shared/model/styles';
import { formatLength, parseLength } from '../../shared/model/units';
import { newId } from '../../shared/model/ids';
import { SANS_FAMILY, SERIF_FAMILY } from '../../shared/model/defaults';
import {
  applyParagraphStyle,
  createCharacterStyle,
  createParagraphStyle,
  createSwatch,
  updateParagraphStyle,
} from '../../shared/editing/style-edits';
import type { RightPanelProps } from '../shell/extensions';
import { useEditor } from '../state/use-editor';
import { sessionOf } from '../actions/session';

const ALIGNMENTS: Alignment[] = ['left', 'center', 'right', 'justify'];

export function StylesPanel({ store }: RightPanelProps) {
  const session = sessionOf(store);
  const styles = useEditor((s) => s.edition?.styles ?? null);
  const language = useEditor((s) => s.edition?.meta.language ?? 'zh-Hans');
  const textSelection = useSyncExternalStore(session.subscribe, () => session.getTextSelection());
  const [selected, setSelected] = useState<Id | null>(null);
  const [sizeText, setSizeText] = useState<string | null>(null);
  const [swatch, setSwatch] = useState({ name: '', c: 0, m: 100, y: 100, k: 0 });
  const zh = language === 'zh-Hans';
  if (!styles) return null;

  const run = (label: string, build: () => Parameters<typeof session.apply>[0]) => {
    try {
      session.apply(build(), { label });
    } catch (error) {
      session.notify((error as Error).message);
    }
  };

  const styleId = selected && styles.paragraph[selected] ? selected : null;
  const style = styleId ? styles.paragraph[styleId] : null;
  const resolved: ParagraphStyleProps | null = styleId ? resolveParagraphStyleById(styles, styleId) : null;
  const edition = () => store.getState().edition!;
  const change = (patch: Partial<ParagraphStyleProps> & { name?: string; basedOn?: Id | null }) =>
    styleId && run(zh ? '修改样式' : 'Edit style', () => updateParagraphStyle(edition(), styleId, patch));

  const selectedBlocks = (): number[] => {
    if (!textSelection) return [];
    const a = Math.min(textSelection.anchor.block, textSelection.focus.block);
    const b = Math.max(textSelection.anchor.block, textSelection.focus.block);
    return Array.from({ length: b - a + 1 }, (_, i) => a + i);
  };

  const commitSize = () => {
    if (sizeText === null || !resolved) return;
    const parsed = parseLength(sizeText, { defaultUnit: 'pt' });
    setSizeText(null);
    if (!parsed.ok) {
      session.notify(parsed.error);
      return;
    }
    change({ fontSize: parsed.pt, sizeUnit: parsed.unit === 'hao' ? 'hao' : 'pt' });
  };

  return (
    <details
      className="styles-panel"
      data-testid="styles-panel"
      style={{ padding: 4, borderTop: '1px solid #ddd', fontSize: 12 }}
    >
      <summary data-testid="styles-panel-toggle" style={{ fontWeight: 600, cursor: 'pointer' }}>
        {zh ? '样式与色板' : 'Styles and swatches'}
      </summary>
      <h3 style={{ margin: '4px 0' }}>{zh ? '段落样式' : 'Paragraph styles'}</h3>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0, maxHeight: 160, overflow: 'auto' }}>
        {Object.values(styles.paragraph).map((s) => (
          <li key={s.id}>
            <button
              type="button"
              data-testid={`style-item-${s.id}`}
              aria-pressed={s.id === styleId}
              onClick={() => setSelected(s.id)}
              style={{
                width: '100%',
                textAlign: 'left',
                background: s.id === styleId ? '#dbeafe' : undefined,
              }}
            >
              {s.name}
            </button>
          </li>
        ))}
      </ul>
      <div style={{ display: 'flex', gap: 4, flexWrap: 'wrap', margin: '4px 0' }}>
        <button
          type="button"
          data-testid="style-new"
          onClick={() => {
            const name = zh
              ? `新样式 ${Object.keys(styles.paragraph).length + 1}`
              : `Style ${Object.keys(styles.paragraph).length + 1}`;
            const created = createParagraphStyle(edition(), name, styleId, {}, newId);
            run(zh ? '新建样式' : 'New style', () => created.ops);
            setSelected(created.styleId);
          }}
        >
          {zh ? '新建（基于所选）' : 'New (based on selected)'}
        </button>
        <button
          type="button"
          data-testid="style-apply"
          disabled={!styleId || !textSelection}
          onClick={() =>
            styleId &&
            textSelection &&
            run(zh ? '应用样式' : 'Apply style', () =>
              applyParagraphStyle(textSelection.storyId, selectedBlocks(), styleId),
            )
          }
        >
          {zh ? '应用到段落' : 'Apply to paragraph'}
        </button>
        <button
          type="button"
          data-testid="style-clear"
          disabled={!textSelection}
          onClick={() =>
            textSelection &&
            run(zh ? '清除样式' : 'Clear style', () =>
              applyParagraphStyle(textSelection.storyId, selectedBlocks(), null),
            )
          }
        >
          {zh ? '恢复角色样式' : 'Role default'}
        </button>
      </div>
      {style && resolved ? (
        <div
          className="style-editor"
          data-testid="style-editor"
          style={{ display: 'grid', gridTemplateColumns: 'auto 1fr', gap: 4 }}
        >
          <span>{zh ? '名称' : 'Name'}</span>
          <input
            data-testid="style-name"
            defaultValue={style.name}
            key={`n-${style.id}`}
            onBlur={(e) => e.target.value !== style.name && change({ name: e.target.value })}
          />
          <span>{zh ? '基于' : 'Based on'}</span>
          <select
            data-testid="style-based-on"
            value={style.basedOn ?? ''}
            onChange={(e) => change({ basedOn: e.target.value || null })}
          >
            <option value="">—</option>
            {Object.values(styles.paragraph)
              .filter((s) => s.id !== style.id)
              .map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
          </select>
          <span>{zh ? '字号' : 'Size'}</span>
          <input
            data-testid="style-size"
            value={sizeText ?? formatLength(resolved.fontSize, resolved.sizeUnit === 'hao' ? 'hao' : 'pt')}
            onChange={(e) => setSizeText(e.target.value)}
            onBlur={commitSize}
            onKeyDown={(e) => e.key === 'Enter' && commitSize()}
            title={zh ? '点数（10.5pt）或号数（五号）' : 'Points (10.5pt) or a 号 size (五号)'}
          />
          <span>{zh ? '行距' : 'Leading'}</span>
          <input
            data-testid="style-leading"
            key={`l-${style.id}-${resolved.leading}`}
            defaultValue={formatLength(resolved.leading, 'pt')}
            onBlur={(e) => {
              const parsed = parseLength(e.target.value, { defaultUnit: 'pt', bodySize: resolved.fontSize });
              if (parsed.ok && Math.abs(parsed.pt - resolved.leading) > 1e-6) change({ leading: parsed.pt });
            }}
          />
          <span>{zh ? '字体' : 'Font'}</span>
          <select
            data-testid="style-font"
            value={resolved.fontFamily}
            onChange={(e) => change({ fontFamily: e.target.value })}
          >
            <option value={SERIF_FAMILY}>{zh ? '宋体（Noto Serif SC）' : 'Serif (Noto Serif SC)'}</option>
            <option value={SANS_FAMILY}>{zh ? '黑体（Noto Sans SC）' : 'Sans (Noto Sans SC)'}</option>
          </select>
          <span>{zh ? '字重' : 'Weight'}</span>
          <select
            data-testid="style-weight"
            value={resolved.fontWeight}
            onChange={(e) => change({ fontWeight: Number(e.target.value) })}
          >
            {[300, 400, 500, 600, 700, 900].map((w) => (
              <option key={w} value={w}>
                {w}
              </option>
            ))}
          </select>
          <span>{zh ? '对齐' : 'Align'}</span>
          <select
            data-testid="style-align"
            value={resolved.align}
            onChange={(e) => change({ align: e.target.value as Alignment })}
          >
            {ALIGNMENTS.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
          <span>{zh ? '颜色' : 'Colour'}</span>
          <select
            data-testid="style-color"
            value={resolved.color.swatchId}
            onChange={(e) => change({ color: { swatchId: e.target.value, tint: resolved.color.tint } })}
          >
            {Object.values(styles.swatches).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.cmyk.join('/')})
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <h3 style={{ margin: '8px 0 4px' }}>{zh ? '字符样式' : 'Character styles'}</h3>
      <div style={{ display: 'flex', gap: 4, flexWrap: 'wrap' }}>
        {Object.values(styles.character).map((s) => (
          <button
            type="button"
            key={s.id}
            data-testid={`char-style-${s.id}`}
            disabled={!textSelection}
            onClick={() =>
              textSelection &&
              run(zh ? '应用字符样式' : 'Apply character style', () => [
                {
                  type: 'set_marks',
                  storyId: textSelection.storyId,
                  from: before(textSelection.anchor, textSelection.focus)
                    ? textSelection.anchor
                    : textSelection.focus,
                  to: before(textSelection.anchor, textSelection.focus)
                    ? textSelection.focus
                    : textSelection.anchor,
                  marks: { charStyleId: s.id },
                },
              ])
            }
          >
            {s.name}
          </button>
        ))}
        <button
          type="button"
          data-testid="char-style-new"
          onClick={() =>
            run(
              zh ? '新建字符样式' : 'New character style',
              () =>
                createCharacterStyle(edition(), zh ? '新字符样式' : 'New character style', null, {}, newId)
                  .ops,
            )
          }
        >
          +
        </button>
      </div>
      <h3 style={{ margin: '8px 0 4px' }}>{zh ? '色板（CMYK）' : 'Swatches (CMYK)'}</h3>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {Object.values(styles.swatches).map((s) => (
          <li key={s.id} data-testid={`swatch-${s.id}`}>
            <span
              style={{
                display: 'inline-block',
                width: 10,
                height: 10,
                background: cmykToCss(s.cmyk),
                border: '1px solid #999',
              }}
            />{' '}
            {s.name}{' '}
            <small>
              C{s.cmyk[0]} M{s.cmyk[1]} Y{s.cmyk[2]} K{s.cmyk[3]}
              {s.spot ? ` · ${s.spot}` : ''}
            </small>
          </li>
        ))}
      </ul>
      <div style={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center' }}>
        <input
          data-testid="swatch-name"
          placeholder={zh ? '名称' : 'Name'}
          value={swatch.name}
          onChange={(e) => setSwatch({ ...swatch, name: e.target.value })}
          style={{ width: 70 }}
        />
        {(['c', 'm', 'y', 'k'] as const).map((ch) => (
          <input
            key={ch}
            data-testid={`swatch-${ch}`}
            type="number"
            min={0}
            max={100}
            value={swatch[ch]}
            onChange={(e) => setSwatch({ ...swatch, [ch]: Number(e.target.value) })}
            style={{ width: 42 }}
            aria-label={ch.toUpperCase()}
          />
        ))}
        <button
          type="button"
          data-testid="swatch-add"
          disabled={!swatch.name.trim()}
          onClick={() =>
            run(
              zh ? '新建色板' : 'New swatch',
              () => createSwatch(swatch.name.trim(), [swatch.c, swatch.m, swatch.y, swatch.k], newId).ops,
            )
          }
        >
          {zh ? '添加' : 'Add'}
        </button>
      </div>
    </details>
  );
}

function before(a: { block: number; offset: number }, b: { block: number; offset: number }): boolean {
  return a.block < b.block || (a.block === b.block && a.offset <= b.offset);
}

/** A rough screen preview of a CMYK swatch (the painters use their own conversion). */
function cmykToCss([c, m, y, k]: [number, number, number, number]): string {
  const f = (v: number) => Math.round(255 * (1 - v / 100) * (1 - k / 100));
  return `rgb(${f(c)}, ${f(m)}, ${f(y)})`;
}

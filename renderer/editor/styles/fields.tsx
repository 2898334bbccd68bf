/**
 * The building blocks of the style editors: a labelled row that greys a
 * value the style inherits (and says from where) and offers "clear
 * override" (×) on a value the style sets itself; a text field that commits
 * on Enter or when it loses focus (Escape puts the shown value back); a
 * select and an on/off box.
 */
import { useEffect, useState, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const INHERITED_COLOUR = '#8a8a8a';

export interface OverrideInfo {
  overridden: boolean;
  /** Where the inherited value comes from, already translated. */
  source: string;
  /** The inherited value as text, for the tooltip of an override. */
  inheritedText: string;
}

export function FieldRow(props: {
  fieldKey: string;
  label: string;
  info: OverrideInfo;
  onClear: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { info } = props;
  return (
    <>
      <label
        htmlFor={`style-field-${props.fieldKey}`}
        data-testid={`style-row-${props.fieldKey}`}
        data-overridden={info.overridden ? 'true' : 'false'}
        title={
          info.overridden
            ? t('styles.overridden', { value: info.inheritedText })
            : t('styles.inheritedFrom', { name: info.source })
        }
        style={{
          color: info.overridden ? undefined : INHERITED_COLOUR,
          fontWeight: info.overridden ? 600 : 400,
          overflowWrap: 'anywhere',
        }}
      >
        {props.label}
      </label>
      <span style={{ display: 'flex', gap: 2, alignItems: 'center', minWidth: 0 }}>
        <span
          style={{ flex: 1, minWidth: 0, color: info.overridden ? undefined : INHERITED_COLOUR }}
          data-inherited={info.overridden ? undefined : 'true'}
        >
          {props.children}
        </span>
        <button
          type="button"
          data-testid={`style-clear-${props.fieldKey}`}
          aria-label={t('styles.clearOverride')}
          title={`${t('styles.clearOverride')} → ${info.inheritedText}`}
          disabled={!info.overridden}
          onClick={props.onClear}
          style={{ visibility: info.overridden ? 'visible' : 'hidden', padding: '0 4px' }}
        >
          ×
        </button>
      </span>
    </>
  );
}

/** Text that commits on Enter or blur; the shown value follows the model while the field is not being edited. */
export function CommitField(props: {
  id: string;
  testId: string;
  value: string;
  placeholder?: string;
  title?: string;
  inherited: boolean;
  onCommit: (text: string) => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  // A new value from the model (undo, another style selected) replaces a stale draft.
  useEffect(() => setDraft(null), [props.value]);
  const commit = () => {
    if (draft === null) return;
    setDraft(null);
    if (draft.trim() !== props.value.trim()) props.onCommit(draft);
  };
  return (
    <input
      id={props.id}
      data-testid={props.testId}
      value={draft ?? props.value}
      placeholder={props.placeholder}
      title={props.title}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        // Enter commits by leaving the field (onBlur commits once), so Ctrl/Cmd+Z that follows
        // undoes the change in the document instead of the field's own typing.
        if (e.key === 'Enter') e.currentTarget.blur();
        if (e.key === 'Escape') setDraft(null);
      }}
      style={{
        width: '100%',
        boxSizing: 'border-box',
        color: props.inherited ? INHERITED_COLOUR : undefined,
      }}
    />
  );
}

export function SelectField<V extends string>(props: {
  id: string;
  testId: string;
  value: V;
  options: readonly { value: V; label: string }[];
  inherited: boolean;
  onChange: (value: V) => void;
}) {
  return (
    <select
      id={props.id}
      data-testid={props.testId}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value as V)}
      style={{ width: '100%', color: props.inherited ? INHERITED_COLOUR : undefined }}
    >
      {props.options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

export function CheckField(props: {
  id: string;
  testId: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <input
      id={props.id}
      type="checkbox"
      data-testid={props.testId}
      checked={props.checked}
      onChange={(e) => props.onChange(e.target.checked)}
    />
  );
}

/** The two-column grid both style editors lay their rows in. */
export const STYLE_EDITOR_GRID: CSSProperties = {
  display: 'grid',
  // Labels wrap (English ones are long); the controls keep a usable width.
  gridTemplateColumns: 'minmax(0, 1fr) minmax(120px, 1.4fr)',
  gap: '3px 6px',
  alignItems: 'center',
};

/**
 * The name and based-on rows, the same for paragraph and character styles.
 * `idPrefix`/`testIdPrefix` keep each editor's element ids and test ids apart.
 */
export function NameAndBasedOnFields(props: {
  idPrefix: string;
  testIdPrefix: string;
  style: { id: string; name: string; basedOn: string | null };
  /** The styles of the same kind, the edited one included (it is left out of the list). */
  siblings: Record<string, { id: string; name: string }>;
  onChange: (change: { name: string } | { basedOn: string | null }) => void;
}) {
  const { t } = useTranslation();
  const { idPrefix, testIdPrefix, style, siblings, onChange } = props;
  return (
    <>
      <label htmlFor={`${idPrefix}name`}>{t('styles.name')}</label>
      <CommitField
        id={`${idPrefix}name`}
        testId={`${testIdPrefix}name`}
        value={style.name}
        inherited={false}
        onCommit={(text) => text.trim() && onChange({ name: text.trim() })}
      />
      <label htmlFor={`${idPrefix}basedOn`}>{t('styles.basedOn')}</label>
      <SelectField
        id={`${idPrefix}basedOn`}
        testId={`${testIdPrefix}based-on`}
        value={style.basedOn ?? ''}
        inherited={false}
        options={[
          { value: '', label: t('styles.noParent') },
          ...Object.values(siblings)
            .filter((s) => s.id !== style.id)
            .map((s) => ({ value: s.id, label: s.name })),
        ]}
        onChange={(value) => onChange({ basedOn: value || null })}
      />
    </>
  );
}

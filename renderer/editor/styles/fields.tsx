/**
 * The building blocks of the style editors: a labelled row that greys a
 * value the style inherits (and says from where) and offers "clear
 * override" (×) on a value the style sets itself; a text field that commits
 * on Enter or when it loses focus (Escape puts the shown value back); a
 * select and an on/off box.
 */
import { useEffect, useState, type ReactNode } from 'react';
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

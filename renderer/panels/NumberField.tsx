/** A number field in the user's units; commits on Enter or blur, reverts on Escape. */
import { useEffect, useState } from 'react';

interface NumberFieldProps {
  label: string;
  /** Value shown, already in display units. */
  value: string;
  testId: string;
  disabled?: boolean;
  disabledReason?: string;
  /** Called with the typed number (display units) when it is valid and changed. */
  onCommit(value: number): void;
  integer?: boolean;
}

export function NumberField({
  label,
  value,
  testId,
  disabled,
  disabledReason,
  onCommit,
  integer,
}: NumberFieldProps) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const commit = () => {
    const number = Number(text.replace(',', '.'));
    if (text.trim() === '' || !Number.isFinite(number) || (integer && !Number.isInteger(number))) {
      setText(value);
      return;
    }
    if (String(number) !== value) onCommit(number);
  };
  return (
    <label className="field" title={disabled ? disabledReason : undefined}>
      <span>{label}</span>
      <input
        data-testid={testId}
        inputMode="decimal"
        value={text}
        disabled={disabled}
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
          if (event.key === 'Escape') setText(value);
        }}
      />
    </label>
  );
}

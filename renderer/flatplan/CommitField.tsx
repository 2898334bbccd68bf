/** A text or number field that changes the document when the user is done (Enter or leaving it), not per keystroke. */
import { useState } from 'react';

interface CommitFieldProps {
  value: string;
  onCommit(value: string): void;
  label: string;
  testId?: string;
  className?: string;
  type?: 'text' | 'number';
  size?: number;
}

export function CommitField({
  value,
  onCommit,
  label,
  testId,
  className,
  type = 'text',
  size,
}: CommitFieldProps) {
  const [draft, setDraft] = useState(value);
  const [shown, setShown] = useState(value);
  // The document changed under the field (undo, another window): show it.
  if (shown !== value) {
    setShown(value);
    setDraft(value);
  }
  const commit = () => {
    if (draft !== value) onCommit(draft);
  };
  return (
    <input
      type={type}
      className={className}
      aria-label={label}
      title={label}
      data-testid={testId}
      value={draft}
      size={size}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit();
        if (event.key === 'Escape') setDraft(value);
      }}
    />
  );
}

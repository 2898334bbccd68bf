/** A text box for a note, a reply or an edit: Ctrl/Cmd+Enter submits, Escape cancels; empty text cannot be sent. */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface WriteBoxProps {
  testId: string;
  placeholder: string;
  submitLabel: string;
  initial?: string;
  /** Bumped to take the focus again. */
  focusKey?: number;
  onSubmit(text: string): void;
  onCancel(): void;
}

export function WriteBox({
  testId,
  placeholder,
  submitLabel,
  initial = '',
  focusKey,
  onSubmit,
  onCancel,
}: WriteBoxProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    field.current?.focus({ preventScroll: true });
    field.current?.scrollIntoView?.({ block: 'nearest' });
  }, [focusKey]);
  const submit = () => {
    if (text.trim()) onSubmit(text.trim());
  };
  return (
    <div className="note-write">
      <textarea
        ref={field}
        data-testid={testId}
        value={text}
        rows={3}
        placeholder={placeholder}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            submit();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            onCancel();
          }
        }}
      />
      <div className="note-actions">
        <button type="button" data-testid={`${testId}-submit`} disabled={!text.trim()} onClick={submit}>
          {submitLabel}
        </button>
        <button type="button" data-testid={`${testId}-cancel`} onClick={onCancel}>
          {t('notes.cancel')}
        </button>
      </div>
    </div>
  );
}

/**
 * In-app dialogs for hosts without native ones (the browser host): a path
 * prompt, and short notices. Electron uses its native dialogs instead.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { renderUiText, type UiText } from '../i18n/ui-text';

interface PathRequest {
  title: UiText;
  defaultPath: string;
  resolve(path: string | null): void;
}

type Listener = () => void;

/** A tiny store for the open prompt and the notices, so commands outside React can ask. */
export class Prompts {
  request: PathRequest | null = null;
  notices: { id: number; text: UiText; kind: 'info' | 'error' }[] = [];
  private readonly listeners = new Set<Listener>();
  private nextId = 1;

  /** Asks for a path; the title is put into words when shown, so it follows the UI language. */
  askPath(title: UiText, defaultPath: string): Promise<string | null> {
    return new Promise((resolve) => {
      this.request?.resolve(null);
      this.request = {
        title,
        defaultPath,
        resolve: (path) => {
          this.request = null;
          this.emit();
          resolve(path);
        },
      };
      this.emit();
    });
  }

  notify(text: UiText, kind: 'info' | 'error' = 'info'): void {
    const id = this.nextId++;
    this.notices = [...this.notices, { id, text, kind }];
    this.emit();
    setTimeout(
      () => {
        this.notices = this.notices.filter((notice) => notice.id !== id);
        this.emit();
      },
      kind === 'error' ? 10_000 : 5_000,
    );
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

function usePrompts(prompts: Prompts) {
  const [, setVersion] = useState(0);
  useEffect(() => prompts.subscribe(() => setVersion((version) => version + 1)), [prompts]);
  return prompts;
}

export function PromptLayer({ prompts }: { prompts: Prompts }) {
  const { t, i18n } = useTranslation();
  usePrompts(prompts);
  const input = useRef<HTMLInputElement>(null);
  const request = prompts.request;
  useEffect(() => input.current?.select(), [request]);
  return (
    <>
      {request ? (
        <div className="modal-backdrop">
          <form
            className="modal"
            role="dialog"
            aria-label={renderUiText(request.title, i18n)}
            data-testid="path-dialog"
            onSubmit={(event) => {
              event.preventDefault();
              const value = input.current?.value.trim() ?? '';
              request.resolve(value || null);
            }}
          >
            <h2>{renderUiText(request.title, i18n)}</h2>
            <label>
              {t('dialog.path')}
              <input
                ref={input}
                data-testid="path-input"
                defaultValue={request.defaultPath}
                autoFocus
                spellCheck={false}
              />
            </label>
            <div className="modal-buttons">
              <button type="button" onClick={() => request.resolve(null)}>
                {t('dialog.cancel')}
              </button>
              <button type="submit" data-testid="path-ok">
                {t('dialog.ok')}
              </button>
            </div>
          </form>
        </div>
      ) : null}
      <div className="notices" role="status" aria-live="polite">
        {prompts.notices.map((notice) => (
          <div key={notice.id} className={`notice notice-${notice.kind}`} data-testid="notice">
            {renderUiText(notice.text, i18n)}
          </div>
        ))}
      </div>
    </>
  );
}

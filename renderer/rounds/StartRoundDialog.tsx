/**
 * Review ▸ Start Proof Round…: asks for the round's name, offering the next
 * default one (一校, 二校 … in a Chinese edition, Proof 1, 2 … in an
 * English one), and starts it: a snapshot of the edition kept in the file.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reviewOf } from '../../shared/model/review';
import { defaultRoundName } from '../../shared/review';
import type { EditorStore } from '../state/editor-store';
import { useEditor } from '../state/use-editor';
import { startRound } from './round-actions';
import { roundsOf } from './rounds-state';

export function StartRoundDialog({ store }: { store: EditorStore }) {
  const { t } = useTranslation();
  const rounds = roundsOf(store);
  const edition = useEditor((s) => s.edition);
  const number = edition ? (reviewOf(edition).rounds.at(-1)?.number ?? 0) + 1 : 1;
  const suggested = edition ? defaultRoundName(edition.meta.language, number) : '';
  const [name, setName] = useState(suggested);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.select(), []);
  const close = () => rounds.set({ starting: null });
  return (
    <div className="modal-backdrop" onKeyDown={(event) => event.key === 'Escape' && close()}>
      <form
        className="modal"
        role="dialog"
        aria-labelledby="start-round-title"
        data-testid="start-round-dialog"
        onSubmit={(event) => {
          event.preventDefault();
          if (!name.trim() || busy) return;
          setBusy(true);
          void startRound(store, name).then((started) => {
            setBusy(false);
            if (!started) return;
            close();
            rounds.set({ open: true });
            rounds.prompts?.notify({ key: 'rounds.started', values: { name: started } });
          });
        }}
      >
        <h2 id="start-round-title">{t('rounds.dialog.title')}</h2>
        <label>
          <span>{t('rounds.dialog.name')}</span>
          <input
            ref={input}
            data-testid="start-round-name"
            value={name}
            lang={edition?.meta.language}
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        <p className="modal-hint">{t('rounds.dialog.hint')}</p>
        {!name.trim() ? (
          <p className="modal-error" role="alert">
            {t('rounds.nameEmpty')}
          </p>
        ) : null}
        <div className="modal-buttons">
          <button type="button" data-testid="start-round-cancel" onClick={close}>
            {t('rounds.cancel')}
          </button>
          <button type="submit" data-testid="start-round-ok" disabled={!name.trim() || busy}>
            {t('rounds.dialog.start')}
          </button>
        </div>
      </form>
    </div>
  );
}

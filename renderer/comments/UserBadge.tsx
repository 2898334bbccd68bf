/**
 * The user on the status bar: a swatch of their colour and their name; a
 * click (or Review ▸ Your Name and Colour…) opens a small form to change
 * both, kept in preferences for every edition.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { RightPanelProps } from '../shell/extensions';
import { userOf } from './user-state';

const COLOR = /^#[0-9a-fA-F]{6}$/;

export function UserBadge({ store }: RightPanelProps) {
  const { t } = useTranslation();
  const user = userOf(store);
  const state = useSyncExternalStore(user.subscribe, user.get);
  if (!state.loaded) return null;
  return (
    <>
      <button
        type="button"
        className="user-badge"
        data-testid="user-badge"
        title={t('user.status', { name: state.name })}
        onClick={() => user.set({ editing: true })}
      >
        <span className="user-swatch" style={{ background: state.color }} aria-hidden="true" />
        {state.name}
      </button>
      {state.editing ? <UserForm store={store} /> : null}
    </>
  );
}

function UserForm({ store }: RightPanelProps) {
  const { t } = useTranslation();
  const user = userOf(store);
  const state = user.get();
  const [name, setName] = useState(state.name);
  const [color, setColor] = useState(state.color);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') user.set({ editing: false });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [user]);
  return (
    <div className="modal-backdrop">
      <form
        className="modal user-form"
        role="dialog"
        aria-label={t('user.title')}
        data-testid="user-form"
        onSubmit={(event) => {
          event.preventDefault();
          const trimmed = name.trim();
          if (!trimmed || trimmed.length > 100) return setProblem(t('user.nameMissing'));
          void user
            .save(trimmed, COLOR.test(color) ? color : state.color)
            .catch((error: Error) => setProblem(error.message));
        }}
      >
        <h2>{t('user.title')}</h2>
        <p className="hint">{t('user.hint')}</p>
        <label>
          {t('user.name')}
          <input
            data-testid="user-name"
            value={name}
            maxLength={100}
            autoFocus
            onChange={(event) => {
              setName(event.target.value);
              setProblem(null);
            }}
          />
        </label>
        <label>
          {t('user.color')}
          <input
            type="color"
            data-testid="user-color"
            value={color}
            onChange={(event) => setColor(event.target.value)}
          />
        </label>
        {problem ? (
          <p className="form-problem" role="alert" data-testid="user-problem">
            {problem}
          </p>
        ) : null}
        <div className="modal-buttons">
          <button type="button" onClick={() => user.set({ editing: false })}>
            {t('user.cancel')}
          </button>
          <button type="submit" data-testid="user-save">
            {t('user.save')}
          </button>
        </div>
      </form>
    </div>
  );
}

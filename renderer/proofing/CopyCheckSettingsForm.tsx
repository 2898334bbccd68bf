/**
 * The edition's copy-check settings under the preflight list: a switch per
 * check, the house list of preferred forms (add, remove) and the words the
 * edition accepts. Each change is one set_copy_checks operation (one undo
 * step), saved with the edition.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COPY_CHECK_IDS, copyCheckOn, houseListOf } from '../../shared/model/copy-check-settings';
import type { CopyCheckSettings } from '../../shared/model/types';
import { sessionOf } from '../actions/session';
import type { EditorStore } from '../state/editor-store';
import { useEditorDeferred } from '../state/use-editor';

export function CopyCheckSettingsForm({ store }: { store: EditorStore }) {
  const { t } = useTranslation();
  const settings = useEditorDeferred((s) => s.edition?.copyChecks);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const save = (next: CopyCheckSettings) =>
    sessionOf(store).apply({ type: 'set_copy_checks', settings: next }, { label: 'preflight.step.settings' });
  const current: CopyCheckSettings = settings ?? {};
  const house = houseListOf(settings);

  return (
    <details className="copy-settings" data-testid="copy-settings">
      <summary>{t('preflight.settings')}</summary>
      {COPY_CHECK_IDS.map((id) => (
        <label key={id} className="copy-check-switch">
          <input
            type="checkbox"
            data-testid={`copy-check-${id}`}
            checked={copyCheckOn(settings, id)}
            onChange={(e) => {
              const off = new Set(current.off ?? []);
              if (e.target.checked) off.delete(id);
              else off.add(id);
              save({ ...current, off: COPY_CHECK_IDS.filter((x) => off.has(x)) });
            }}
          />
          {t(`copy.check.${id}`)}
        </label>
      ))}
      <h3>{t('preflight.houseList')}</h3>
      <table className="house-list" data-testid="house-list">
        <thead>
          <tr>
            <th>{t('preflight.houseFrom')}</th>
            <th>{t('preflight.housePreferred')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {house.map((rule, i) => (
            <tr key={`${rule.from}:${i}`}>
              <td translate="no">{rule.from}</td>
              <td translate="no">{rule.to}</td>
              <td>
                <button
                  type="button"
                  data-testid="house-remove"
                  title={t('preflight.houseRemove')}
                  aria-label={t('preflight.houseRemove')}
                  onClick={() => save({ ...current, houseList: house.filter((_, k) => k !== i) })}
                >
                  ×
                </button>
              </td>
            </tr>
          ))}
          <tr>
            <td>
              <input data-testid="house-from" value={from} onChange={(e) => setFrom(e.target.value)} />
            </td>
            <td>
              <input data-testid="house-to" value={to} onChange={(e) => setTo(e.target.value)} />
            </td>
            <td>
              <button
                type="button"
                data-testid="house-add"
                disabled={!from.trim() || from.trim() === to.trim()}
                onClick={() => {
                  save({ ...current, houseList: [...house, { from: from.trim(), to: to.trim() }] });
                  setFrom('');
                  setTo('');
                }}
              >
                {t('preflight.houseAdd')}
              </button>
            </td>
          </tr>
        </tbody>
      </table>
      <h3>{t('preflight.dictionary')}</h3>
      <p className="dictionary-words" data-testid="edition-dictionary">
        {current.dictionary?.length ? current.dictionary.join(', ') : t('preflight.dictionaryEmpty')}
      </p>
    </details>
  );
}

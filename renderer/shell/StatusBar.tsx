/** The bottom bar: zoom controls, units, language, page count and composition time. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandRegistry } from './command-registry';
import { useEditorDeferred, useEditorStore } from '../state/use-editor';
import { ACTUAL_SIZE, type Units } from '../state/view';

interface StatusBarProps {
  commands: CommandRegistry;
  language: 'system' | 'zh-Hans' | 'en';
  onLanguage(language: 'system' | 'zh-Hans' | 'en'): void;
  onUnits(units: Units): void;
  /** Items extensions add (a shared edition's connection and collaborators). */
  children?: ReactNode;
}

export function StatusBar({ commands, language, onLanguage, onUnits, children }: StatusBarProps) {
  const { t } = useTranslation();
  const store = useEditorStore();
  const scale = useEditorDeferred((state) => state.view.scale);
  const units = useEditorDeferred((state) => state.view.units);
  const pages = useEditorDeferred((state) => state.displayList?.pages.length ?? 0);
  const pageIndex = useEditorDeferred((state) => state.selection.pageIndex);
  const composeMs = useEditorDeferred((state) => state.composeMs);
  const dirty = useEditorDeferred((state) => state.dirty);
  return (
    <footer className="statusbar" data-testid="statusbar">
      <button
        data-testid="zoom-out"
        title={t('command.view.zoomOut')}
        onClick={() => void commands.run('view.zoomOut')}
      >
        −
      </button>
      <span className="zoom" data-testid="zoom-level" aria-label={t('status.zoom')}>
        {Math.round((scale / ACTUAL_SIZE) * 100)}%
      </span>
      <button
        data-testid="zoom-in"
        title={t('command.view.zoomIn')}
        onClick={() => void commands.run('view.zoomIn')}
      >
        +
      </button>
      <button data-testid="zoom-fit" onClick={() => void commands.run('view.fitPage')}>
        {t('command.view.fitPage')}
      </button>
      <button data-testid="zoom-actual" onClick={() => void commands.run('view.actualSize')}>
        {t('command.view.actualSize')}
      </button>
      <label>
        {t('status.units')}
        <select
          data-testid="units-select"
          value={units}
          onChange={(event) => {
            store.setView({ units: event.target.value as Units });
            onUnits(event.target.value as Units);
          }}
        >
          {(['mm', 'pt', 'zi'] as const).map((unit) => (
            <option key={unit} value={unit}>
              {t(`units.${unit}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('status.language')}
        <select
          data-testid="language-select"
          value={language}
          onChange={(event) => onLanguage(event.target.value as StatusBarProps['language'])}
        >
          {(['system', 'zh-Hans', 'en'] as const).map((choice) => (
            <option key={choice} value={choice}>
              {t(`language.${choice}`)}
            </option>
          ))}
        </select>
      </label>
      <span className="spacer" />
      {children}
      {dirty ? <span className="dirty">{t('app.unsaved')}</span> : null}
      <span data-testid="page-status">
        {pages ? t('status.page', { n: pageIndex + 1, total: pages }) : ''}
      </span>
      <span className="compose-time" data-testid="compose-ms">
        {composeMs ? t('status.composeTime', { ms: composeMs.toFixed(1) }) : ''}
      </span>
    </footer>
  );
}

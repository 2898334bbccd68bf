/**
 * The in-app menu bar for the browser host (Electron shows the native menu
 * built from the same APP_MENU). Disabled items say why in their tooltip.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  APP_MENU,
  formatAccelerator,
  matchesAccelerator,
  type CommandItem,
} from '../../shared/services/commands';
import type { CommandRegistry } from './command-registry';

interface MenuBarProps {
  commands: CommandRegistry;
  platform: string;
  recent: string[];
  onOpenRecent(path: string): void;
}

function useCommandStates(commands: CommandRegistry) {
  const [snapshot, setSnapshot] = useState(() => commands.snapshot());
  useEffect(() => commands.subscribe(() => setSnapshot(commands.snapshot())), [commands]);
  return snapshot;
}

/** Runs menu shortcuts in the browser (Electron's native menu handles its own). */
export function useMenuShortcuts(commands: CommandRegistry, platform: string): void {
  useEffect(() => {
    const items = APP_MENU.flatMap((menu) => menu.items).filter(
      (item): item is CommandItem => typeof item === 'object',
    );
    const onKey = (event: KeyboardEvent) => {
      for (const item of items) {
        // Text editing keys stay with text fields and the story editor.
        if (!item.accelerator || item.role) continue;
        if (matchesAccelerator(item.accelerator, event, platform)) {
          const editing =
            event.target instanceof HTMLElement &&
            (event.target.isContentEditable || event.target.tagName === 'INPUT');
          if (editing && (item.command === 'edit.undo' || item.command === 'edit.redo')) return;
          event.preventDefault();
          void commands.run(item.command);
          return;
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [commands, platform]);
}

export function MenuBar({ commands, platform, recent, onOpenRecent }: MenuBarProps) {
  const { t } = useTranslation();
  const states = useCommandStates(commands);
  const [open, setOpen] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    const close = () => setOpen(null);
    window.addEventListener('pointerdown', close);
    return () => window.removeEventListener('pointerdown', close);
  }, [open]);

  return (
    <nav className="menubar" role="menubar" data-testid="menubar">
      {APP_MENU.filter((menu) => menu.items.length > 0).map((menu) => (
        <div key={menu.id} className="menu" onPointerDown={(event) => event.stopPropagation()}>
          <button
            role="menuitem"
            data-testid={`menu-${menu.id}`}
            className={open === menu.id ? 'menu-title open' : 'menu-title'}
            onClick={() => setOpen(open === menu.id ? null : menu.id)}
            onPointerEnter={() => open && setOpen(menu.id)}
          >
            {t(`menu.${menu.id}`)}
          </button>
          {open === menu.id ? (
            <div className="menu-items" role="menu">
              {menu.items.map((item, index) => {
                if (item === 'separator') return <hr key={index} />;
                if (item === 'recent') {
                  return (
                    <div key="recent" className="submenu">
                      <span className="submenu-title">{t('menu.openRecent')}</span>
                      {recent.length === 0 ? <span className="menu-note">{t('menu.noRecent')}</span> : null}
                      {recent.map((path) => (
                        <button
                          key={path}
                          role="menuitem"
                          title={path}
                          onClick={() => {
                            setOpen(null);
                            onOpenRecent(path);
                          }}
                        >
                          {path.split(/[\\/]/).pop()}
                        </button>
                      ))}
                    </div>
                  );
                }
                const state = states[item.command];
                return (
                  <button
                    key={item.command}
                    role={item.toggle ? 'menuitemcheckbox' : 'menuitem'}
                    aria-checked={item.toggle ? Boolean(state.checked) : undefined}
                    data-testid={`command-${item.command}`}
                    disabled={!state.enabled}
                    title={!state.enabled && state.reason ? t(state.reason) : undefined}
                    onClick={() => {
                      setOpen(null);
                      void commands.run(item.command);
                    }}
                  >
                    <span className="check">{item.toggle && state.checked ? '✓' : ''}</span>
                    <span className="label">{t(`command.${item.command}`)}</span>
                    {!state.enabled && state.reason ? (
                      <span className="reason">{t(state.reason)}</span>
                    ) : null}
                    <span className="accelerator">
                      {item.accelerator ? formatAccelerator(item.accelerator, platform) : ''}
                    </span>
                  </button>
                );
              })}
            </div>
          ) : null}
        </div>
      ))}
    </nav>
  );
}

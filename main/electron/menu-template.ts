/**
 * The native application menu, built from the shared APP_MENU so it matches
 * the browser host's menu bar. Items the renderer reports as unavailable are
 * greyed out with the reason as sublabel and tooltip. Pure: it returns a
 * template, so tests can check it without Electron.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { CommandState } from '../../shared/services/api';
import { APP_MENU, UNAVAILABLE, type CommandId } from '../../shared/services/commands';
import { translate, type MessageKey } from '../../shared/services/locales';

export interface MenuInputs {
  language: 'zh-Hans' | 'en';
  platform: NodeJS.Platform;
  recent: string[];
  /** The focused window's command states; absent commands use the static availability. */
  states: Record<string, CommandState>;
  /** True when a window is open (its renderer can run commands). */
  hasWindow: boolean;
  run(command: CommandId): void;
  openRecent(path: string): void;
  clearRecent(): void;
}

/** Commands main handles itself, so they work with no window open. */
const MAIN_COMMANDS: CommandId[] = ['file.open', 'file.new', 'file.import', 'help.about'];

export function buildMenuTemplate(inputs: MenuInputs): MenuItemConstructorOptions[] {
  const t = (key: MessageKey) => translate(inputs.language, key);
  const template: MenuItemConstructorOptions[] = [];
  if (inputs.platform === 'darwin') template.push({ role: 'appMenu' });

  for (const menu of APP_MENU) {
    if (menu.id === 'window') {
      template.push({ role: 'windowMenu', label: t('menu.window') });
      continue;
    }
    const submenu: MenuItemConstructorOptions[] = menu.items.map((item): MenuItemConstructorOptions => {
      if (item === 'separator') return { type: 'separator' };
      if (item === 'recent') {
        return {
          label: t('menu.openRecent'),
          submenu: [
            ...(inputs.recent.length === 0
              ? [{ label: t('menu.noRecent'), enabled: false }]
              : inputs.recent.map((path) => ({ label: path, click: () => inputs.openRecent(path) }))),
            { type: 'separator' as const },
            {
              label: t('menu.clearRecent'),
              enabled: inputs.recent.length > 0,
              click: () => inputs.clearRecent(),
            },
          ],
        };
      }
      const label = t(`command.${item.command}` as MessageKey);
      // Text editing commands keep Electron's roles so they work in every text field.
      if (item.role) return { role: item.role, label, accelerator: item.accelerator };
      const staticReason = UNAVAILABLE[item.command];
      const state: CommandState | undefined = staticReason
        ? { enabled: false, reason: t(`reason.${staticReason}` as MessageKey) }
        : (inputs.states[item.command] ??
          (MAIN_COMMANDS.includes(item.command) || inputs.hasWindow
            ? { enabled: true }
            : { enabled: false, reason: t('reason.noDocument') }));
      const options: MenuItemConstructorOptions = {
        id: item.command,
        label,
        accelerator: item.accelerator,
        enabled: state.enabled,
        click: () => inputs.run(item.command),
      };
      if (item.toggle) Object.assign(options, { type: 'checkbox', checked: Boolean(state.checked) });
      if (!state.enabled && state.reason)
        Object.assign(options, { sublabel: state.reason, toolTip: state.reason });
      return options;
    });
    template.push({ label: t(`menu.${menu.id}` as MessageKey), submenu });
  }
  return template;
}

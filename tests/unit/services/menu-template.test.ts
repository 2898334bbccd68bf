import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate } from '../../../main/electron/menu-template';
import { APP_MENU, COMMAND_IDS, type CommandId } from '../../../shared/services/commands';

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

const base = {
  platform: 'linux' as NodeJS.Platform,
  recent: ['/news/a.folio'],
  hasWindow: true,
  run: () => undefined,
  openRecent: () => undefined,
  clearRecent: () => undefined,
};

describe('the native menu', () => {
  it('has File, Edit, View, Layout, Review, Window and Help with every command of the shared menu', () => {
    const template = buildMenuTemplate({ ...base, language: 'en', states: {} });
    expect(template.map((menu) => menu.label ?? menu.role)).toEqual(
      ['File', 'Edit', 'View', 'Layout', 'Review', 'windowMenu', 'Help'].map((l) =>
        l === 'windowMenu' ? 'Window' : l,
      ),
    );
    const all = items(template);
    const inMenu = APP_MENU.flatMap((menu) => menu.items).filter((item) => typeof item === 'object').length;
    expect(
      all.filter((item) => item.id && (COMMAND_IDS as readonly string[]).includes(item.id)).length + 4,
    ).toBe(inMenu);
    expect(all.find((item) => item.label === 'Open Recent')).toBeTruthy();
    expect(all.some((item) => item.label === '/news/a.folio')).toBe(true);
  });

  it('greys out what cannot work, with the reason as sublabel', () => {
    const template = buildMenuTemplate({
      ...base,
      language: 'en',
      states: {
        'edit.undo': { enabled: false, reason: 'Nothing to undo' },
        'view.guides': { enabled: true, checked: true },
        'edit.find': { enabled: true },
      },
    });
    const byId = (id: CommandId) => items(template).find((item) => item.id === id)!;
    expect(byId('edit.find')).toMatchObject({ enabled: true, accelerator: 'CmdOrCtrl+F' });
    expect(byId('edit.undo')).toMatchObject({ enabled: false, sublabel: 'Nothing to undo' });
    expect(byId('view.guides')).toMatchObject({ type: 'checkbox', checked: true, enabled: true });
    expect(byId('file.save').accelerator).toBe('CmdOrCtrl+S');
  });

  it('speaks Chinese when the language is zh-Hans', () => {
    const template = buildMenuTemplate({ ...base, language: 'zh-Hans', states: {} });
    expect(template[0].label).toBe('文件');
    expect(items(template).find((item) => item.id === 'file.exportPdf')!.label).toBe('导出 PDF…');
  });

  it('puts the app menu first on macOS', () => {
    const template = buildMenuTemplate({ ...base, platform: 'darwin', language: 'en', states: {} });
    expect(template[0].role).toBe('appMenu');
  });
});

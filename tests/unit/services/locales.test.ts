import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locales, resolveLanguage, translate, type MessageKey } from '../../../shared/services/locales';
import { ACTIONS } from '../../../renderer/actions/registry';
import { PAGE_PRESET_IDS } from '../../../shared/model/presets';
import { BLOCK_ROLES } from '../../../shared/model/types';
import { foreignPieces } from '../../support/ui-language';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const keys = Object.keys(locales.en) as MessageKey[];

/** Keys whose text is a language's own name, shown in the language picker. */
const ENDONYM_KEYS = new Set<MessageKey>(['language.zh-Hans', 'language.en']);

/** The text without its {{placeholders}}, which are filled in at run time. */
const fixed = (text: string) => text.replace(/\{\{\w+\}\}/g, ' ');
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

describe('the UI strings', () => {
  it('give every key a non-empty text in both languages', () => {
    expect(keys.length).toBeGreaterThan(200);
    expect(Object.keys(locales['zh-Hans']).sort()).toEqual([...keys].sort());
    const empty = keys.filter((key) => !locales.en[key].trim() || !locales['zh-Hans'][key].trim());
    expect(empty).toEqual([]);
  });

  it('have no Han characters in English', () => {
    const bad = keys
      .filter((key) => !ENDONYM_KEYS.has(key))
      .map((key) => ({ key, text: locales.en[key], foreign: foreignPieces(fixed(locales.en[key]), 'en') }))
      .filter((entry) => entry.foreign.length > 0);
    expect(bad).toEqual([]);
  });

  it('have no untranslated English in Chinese', () => {
    const bad = keys
      .filter((key) => !ENDONYM_KEYS.has(key))
      .map((key) => ({
        key,
        text: locales['zh-Hans'][key],
        foreign: foreignPieces(fixed(locales['zh-Hans'][key]), 'zh-Hans'),
      }))
      .filter((entry) => entry.foreign.length > 0);
    expect(bad).toEqual([]);
  });

  it('fill the same placeholders in both languages', () => {
    const bad = keys.filter(
      (key) => placeholders(locales.en[key]).join() !== placeholders(locales['zh-Hans'][key]).join(),
    );
    expect(bad).toEqual([]);
  });

  it('has every key the renderer and main process look up by name', () => {
    // Literal keys only: t('panel.pages'), translate(language, 'menu.file'). Built keys
    // (t(`tools.tool.${id}`)) are checked by the end-to-end test, which sees their text.
    const missing: string[] = [];
    let found = 0;
    for (const file of [...sourceFiles(join(ROOT, 'renderer')), ...sourceFiles(join(ROOT, 'main'))]) {
      const source = readFileSync(file, 'utf8');
      // Undo-step names are keys wherever they are written (label: 'step.nudge', apply('step.move', …)).
      for (const match of source.matchAll(/'(step\.[\w.-]+)'/g)) {
        found++;
        if (!(match[1] in locales.en)) missing.push(`${relative(ROOT, file)}: ${match[1]}`);
      }
      for (const match of source.matchAll(
        /\b(?:t|translate\(\s*\w+\s*,)\(?\s*'([a-z][\w-]*(?:\.[\w -]+)+)'/g,
      )) {
        found++;
        if (!(match[1] in locales.en)) missing.push(`${relative(ROOT, file)}: ${match[1]}`);
      }
    }
    expect(found).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });

  it('names every action’s undo step with a key of both languages', () => {
    const unknown = ACTIONS.filter((action) => !(action.label in locales.en)).map((action) => action.name);
    expect(ACTIONS.length).toBeGreaterThan(10);
    expect(unknown).toEqual([]);
  });

  it('has the keys the UI builds from the model’s lists: roles, page presets, frame kinds, tools, languages', () => {
    const built = [
      ...BLOCK_ROLES.map((role) => `role.${role}`),
      ...PAGE_PRESET_IDS.map((id) => `preset.${id}`),
      ...(['text', 'image', 'rule', 'box'] as const).map((kind) => `prop.kind.${kind}`),
      ...(['select', 'direct', 'text', 'frame', 'rule'] as const).map((tool) => `tools.tool.${tool}`),
      ...(['zh-Hans', 'en'] as const).map((language) => `textLanguage.${language}`),
      ...(['front', 'forward', 'backward', 'back'] as const).map((move) => `step.zOrder.${move}`),
    ];
    expect(built.filter((key) => !(key in locales.en))).toEqual([]);
  });

  it('fills placeholders for the main process', () => {
    expect(translate('zh-Hans', 'status.page', { n: 2, total: 4 })).toBe('第 2 版，共 4 版');
    expect(translate('en', 'status.page', { n: 2, total: 4 })).toBe('Page 2 of 4');
  });
});

describe('the UI language', () => {
  it('follows the system when the preference is System, and the preference otherwise', () => {
    expect(resolveLanguage('system', 'zh-CN')).toBe('zh-Hans');
    expect(resolveLanguage('system', 'zh-TW')).toBe('zh-Hans');
    expect(resolveLanguage('system', 'en-US')).toBe('en');
    expect(resolveLanguage('system', 'de-DE')).toBe('en');
    expect(resolveLanguage('en', 'zh-CN')).toBe('en');
    expect(resolveLanguage('zh-Hans', 'en-US')).toBe('zh-Hans');
  });
});

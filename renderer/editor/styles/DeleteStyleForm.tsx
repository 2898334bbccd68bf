/**
 * "Delete style — replace with" (InDesign's dialog, inline in the styles
 * panel): says what uses the style (paragraphs or runs, styles based on it,
 * role defaults), lets the user choose the style that takes over, and
 * deletes with one `delete_paragraph_style` / `delete_character_style`
 * operation — one undo step. A role default cannot be replaced by "none".
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Id } from '../../../shared/model/types';
import { proposedReplacement, type StyleUsage } from '../../../shared/editing/style-usage';

export function DeleteStyleForm(props: {
  kind: 'paragraph' | 'character';
  styleId: Id;
  table: Record<Id, { id: Id; name: string; basedOn: Id | null }>;
  usage: StyleUsage;
  onDelete: (replaceWith: Id | null) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { kind, styleId, table, usage } = props;
  const [choice, setChoice] = useState<Id | ''>(proposedReplacement(table, styleId, usage) ?? '');
  const zh = i18n.language.startsWith('zh');
  const testPrefix = kind === 'paragraph' ? 'style-delete' : 'char-style-delete';
  const noneAllowed = usage.roles.length === 0;
  const usedBy = [
    usage.uses > 0
      ? t(kind === 'paragraph' ? 'styles.delete.paragraphs' : 'styles.delete.runs', { count: usage.uses })
      : null,
    usage.children.length > 0 ? t('styles.delete.children', { count: usage.children.length }) : null,
    usage.roles.length > 0
      ? t('styles.delete.roles', {
          roles: usage.roles.map((r) => t(`role.${r}`)).join(zh ? '、' : ', '),
        })
      : null,
  ].filter((s): s is string => s !== null);

  return (
    <div
      role="group"
      aria-label={t('styles.delete.title', { name: table[styleId]?.name ?? styleId })}
      data-testid={`${testPrefix}-form`}
      style={{
        border: '1px solid #e5a0a0',
        borderRadius: 3,
        padding: 4,
        margin: '4px 0',
        display: 'grid',
        gap: 4,
      }}
    >
      <strong>{t('styles.delete.title', { name: table[styleId]?.name ?? styleId })}</strong>
      <span data-testid={`${testPrefix}-usage`}>
        {usedBy.length > 0 ? usedBy.join(zh ? '；' : '; ') : t('styles.delete.unused')}
      </span>
      <label style={{ display: 'grid', gap: 2 }}>
        {t('styles.delete.replaceWith')}
        <select
          data-testid={`${testPrefix}-replace`}
          value={choice}
          onChange={(e) => setChoice(e.target.value)}
        >
          {noneAllowed ? (
            <option value="">
              {t(kind === 'paragraph' ? 'styles.delete.noneParagraph' : 'styles.delete.noneCharacter')}
            </option>
          ) : null}
          {Object.values(table)
            .filter((s) => s.id !== styleId)
            .map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
        </select>
      </label>
      {usage.children.length > 0 ? <small>{t('styles.delete.childrenKeep')}</small> : null}
      <span style={{ display: 'flex', gap: 4 }}>
        <button
          type="button"
          data-testid={`${testPrefix}-confirm`}
          disabled={!noneAllowed && choice === ''}
          onClick={() => props.onDelete(choice === '' ? null : choice)}
        >
          {t('styles.delete.confirm')}
        </button>
        <button type="button" data-testid={`${testPrefix}-cancel`} onClick={props.onCancel}>
          {t('styles.delete.cancel')}
        </button>
      </span>
    </div>
  );
}

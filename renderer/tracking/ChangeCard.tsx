/**
 * One tracked change in the Changes panel: what (inserted, deleted,
 * formatting, paragraph), who in their colour, when, on which page, the
 * words (inserted ones underlined, deleted ones struck through) or what the
 * formatting became, and Accept / Reject. A click on it goes to the text.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Edition, FormatChange, ParagraphChange } from '../../shared/model/types';
import { useTimeFormat } from '../notes/NoteCard';
import type { ChangeView } from './change-views';

type Translate = (key: string, values?: Record<string, unknown>) => string;

function formatDetail(t: Translate, edition: Edition, change: FormatChange): string {
  const parts: string[] = [];
  const { bold, italic, charStyleId } = change.marks;
  if (bold !== undefined) parts.push(t(bold ? 'tracking.format.bold' : 'tracking.format.notBold'));
  if (italic !== undefined) parts.push(t(italic ? 'tracking.format.italic' : 'tracking.format.notItalic'));
  if (charStyleId !== undefined)
    parts.push(
      charStyleId === null
        ? t('tracking.format.noCharStyle')
        : t('tracking.format.charStyle', {
            name: edition.styles.character[charStyleId]?.name ?? charStyleId,
          }),
    );
  return parts.join(t('tracking.listSeparator'));
}

function paragraphDetail(t: Translate, edition: Edition, change: ParagraphChange): string {
  const parts: string[] = [];
  const role = (r: unknown) => (typeof r === 'string' ? t(`role.${r}`) : '—');
  const style = (id: unknown) =>
    typeof id === 'string' ? (edition.styles.paragraph[id]?.name ?? id) : t('tracking.paragraph.roleStyle');
  if (change.before.type !== change.after.type && ('type' in change.before || 'type' in change.after))
    parts.push(t('tracking.paragraph.role', { from: role(change.before.type), to: role(change.after.type) }));
  if ((change.before.styleId ?? null) !== (change.after.styleId ?? null))
    parts.push(
      t('tracking.paragraph.style', { from: style(change.before.styleId), to: style(change.after.styleId) }),
    );
  return parts.length ? parts.join(t('tracking.listSeparator')) : t('tracking.paragraph.other');
}

interface ChangeCardProps {
  view: ChangeView;
  edition: Edition;
  pageLabels: string[];
  focused: boolean;
  onPick(): void;
  onAccept(): void;
  onReject(): void;
}

export function ChangeCard({
  view,
  edition,
  pageLabels,
  focused,
  onPick,
  onAccept,
  onReject,
}: ChangeCardProps) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const item = useRef<HTMLLIElement>(null);
  const { change } = view;

  useEffect(() => {
    if (focused) item.current?.scrollIntoView?.({ block: 'nearest' });
  }, [focused]);

  const where =
    view.pageIndex !== null
      ? t('tracking.where.page', { page: pageLabels[view.pageIndex] ?? view.pageIndex + 1 })
      : t('tracking.where.overset');
  const short = view.text.length > 60 ? `${view.text.slice(0, 59)}…` : view.text;
  return (
    <li
      ref={item}
      id={`change-${change.id}`}
      role="option"
      aria-selected={focused}
      className={`change-card${focused ? ' focused' : ''}`}
      data-testid="change"
      data-change-id={change.id}
      data-kind={change.kind}
      style={{ '--mark-color': change.color } as React.CSSProperties}
      onClick={onPick}
    >
      <div className="change-head">
        <span className={`change-kind ${change.kind}`}>{t(`tracking.kind.${change.kind}`)}</span>
        <span className="change-author">{change.author}</span>
        <span className="change-time">{time(change.time)}</span>
        <span className="change-where">{where}</span>
      </div>
      <div className="change-words" lang={edition.meta.language}>
        {change.kind === 'insert' ? (
          <ins data-testid="change-text">{short}</ins>
        ) : change.kind === 'delete' ? (
          <del data-testid="change-text">{short}</del>
        ) : change.kind === 'format' ? (
          <>
            <span data-testid="change-text">{short}</span>
            <span className="change-detail" lang={undefined}>
              {' → '}
              {formatDetail(t, edition, change)}
            </span>
          </>
        ) : (
          <span className="change-detail" data-testid="change-text">
            {paragraphDetail(t, edition, change)}
          </span>
        )}
      </div>
      <div className="change-actions">
        <button
          type="button"
          data-testid="change-accept"
          title={t('tracking.acceptHint')}
          onClick={(e) => {
            e.stopPropagation();
            onAccept();
          }}
        >
          ✓ {t('tracking.accept')}
        </button>
        <button
          type="button"
          data-testid="change-reject"
          title={t('tracking.rejectHint')}
          onClick={(e) => {
            e.stopPropagation();
            onReject();
          }}
        >
          ✗ {t('tracking.reject')}
        </button>
      </div>
    </li>
  );
}

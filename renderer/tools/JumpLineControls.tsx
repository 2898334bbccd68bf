/**
 * Jump lines (转版) in the tools panel, under a text frame's thread: send
 * the rest of the story to another page ("Continue on page 5"), and the
 * plan's jump-line settings — on or off, none between consecutive pages,
 * the desk's own wording with {page}. The lines themselves are set by the
 * composer; this only changes the thread and the plan.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Operation } from '../../shared/model/operations';
import { pageLabels, planOf } from '../../shared/model/plan';
import type { Edition, JumpLineSettings, TextFrame } from '../../shared/model/types';
import { JUMP_PAGE_FIELD } from '../../shared/planning/jump-text';

interface Props {
  edition: Edition;
  frame: TextFrame;
  /** The page the frame is on. */
  pageIndex: number;
  act: (name: string, value?: unknown) => void;
  apply: (label: string, ops: Operation[]) => void;
}

export function JumpLineControls({ edition, frame, pageIndex, act, apply }: Props) {
  const { t } = useTranslation();
  const labels = pageLabels(edition);
  const others = edition.pages.map((_, i) => i).filter((i) => i !== pageIndex);
  const [target, setTarget] = useState<number>(others[0] ?? -1);
  const settings = planOf(edition).settings.jumpLines;
  const [on, setOn] = useState(settings.continuedOn);
  const [from, setFrom] = useState(settings.continuedFrom);
  useEffect(() => setOn(settings.continuedOn), [settings.continuedOn]);
  useEffect(() => setFrom(settings.continuedFrom), [settings.continuedFrom]);
  const chosen = others.includes(target) ? target : (others[0] ?? -1);

  const change = (props: Partial<JumpLineSettings>) => {
    const next = { ...settings, ...props };
    if (next.skipConsecutive === false) delete next.skipConsecutive;
    apply('step.jumpLines', [{ type: 'set_plan_settings', props: { jumpLines: next } }]);
  };

  return (
    <div data-testid="jump-line-controls" style={{ marginTop: 4 }}>
      {others.length > 0 ? (
        <div>
          <label>
            {t('jumpLines.continueOn')}{' '}
            <select
              data-testid="continue-page"
              value={chosen}
              onChange={(e) => setTarget(Number(e.target.value))}
            >
              {others.map((i) => (
                <option key={i} value={i}>
                  {t('jumpLines.pageOption', { label: labels[i] })}
                </option>
              ))}
            </select>
          </label>{' '}
          <button
            type="button"
            data-testid="continue-on-page"
            title={t('jumpLines.continueHint')}
            onClick={() => act('continueOnPage', { frameId: frame.id, pageIndex: chosen })}
          >
            {t('jumpLines.continue')}
          </button>
        </div>
      ) : null}
      <label style={{ display: 'block' }}>
        <input
          type="checkbox"
          data-testid="jump-lines-enabled"
          checked={settings.enabled}
          onChange={(e) => change({ enabled: e.target.checked })}
        />{' '}
        {t('jumpLines.enabled')}
      </label>
      {settings.enabled ? (
        <>
          <label style={{ display: 'block' }}>
            <input
              type="checkbox"
              data-testid="jump-lines-skip-consecutive"
              checked={settings.skipConsecutive === true}
              onChange={(e) => change({ skipConsecutive: e.target.checked })}
            />{' '}
            {t('jumpLines.skipConsecutive')}
          </label>
          <label style={{ display: 'block' }}>
            {t('jumpLines.continuedOn')}{' '}
            <input
              data-testid="jump-lines-continued-on"
              value={on}
              maxLength={200}
              style={{ width: 120 }}
              onChange={(e) => setOn(e.target.value)}
              onBlur={() => on !== settings.continuedOn && change({ continuedOn: on })}
            />
          </label>
          <label style={{ display: 'block' }}>
            {t('jumpLines.continuedFrom')}{' '}
            <input
              data-testid="jump-lines-continued-from"
              value={from}
              maxLength={200}
              style={{ width: 120 }}
              onChange={(e) => setFrom(e.target.value)}
              onBlur={() => from !== settings.continuedFrom && change({ continuedFrom: from })}
            />
          </label>
          <div style={{ color: '#666' }}>{t('jumpLines.wordingHint', { field: JUMP_PAGE_FIELD })}</div>
        </>
      ) : null}
    </div>
  );
}

/**
 * Properties of the selected frame, or of the current page when no frame is
 * selected: position, size, columns, gutter, inset, margins — in the user's
 * units. Changes go through the store as operations, like every other edit.
 */
import { useTranslation } from 'react-i18next';
import type { DisplayTextFrame } from '../../shared/layout/display-list';
import type { Edition, Frame, Id, Page } from '../../shared/model/types';
import { formatUnits, fromUnits } from '../canvas/units';
import type { EditorState } from '../state/editor-store';
import { useEditorDeferred, useEditorStore } from '../state/use-editor';
import { NumberField } from './NumberField';
import { frameOperation, pageOperation, type FrameChange } from './property-operations';

/** Finds a frame on a page (or on its master) by id. */
function findFrame(
  edition: Pick<Edition, 'pages' | 'masters'>,
  pageIndex: number,
  frameId: Id,
): { page: Page; frame: Frame } | null {
  const page = edition.pages[pageIndex];
  if (!page) return null;
  const own = page.frames.find((frame) => frame.id === frameId);
  if (own) return { page, frame: own };
  const master = edition.masters.find((candidate) => candidate.id === page.masterId);
  const fromMaster = master?.frames.find((frame) => frame.id === frameId);
  return fromMaster ? { page, frame: fromMaster } : null;
}

/** Characters of the selected frame's story that do not fit (0 when none or not a text frame). */
function oversetOfSelection(state: EditorState): number {
  const { displayList, selection } = state;
  const frameId = selection.frameIds[0];
  if (!displayList || !frameId) return 0;
  const displayed = displayList.pages[selection.pageIndex]?.items.find((item) => item.frameId === frameId);
  const storyId = displayed?.kind === 'text' ? (displayed as DisplayTextFrame).storyId : null;
  return storyId ? (displayList.stories[storyId]?.oversetCharacters ?? 0) : 0;
}

/** Columns and gutter, the same two fields for a text frame and for a page; a column count below 1 is ignored. */
function ColumnsAndGutterFields(props: {
  columns: number;
  /** The gutter already formatted in the user's units. */
  gutter: string;
  disabled: boolean;
  disabledReason: string | undefined;
  onColumns: (columns: number) => void;
  /** The gutter as typed, in the user's units. */
  onGutter: (value: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <NumberField
        label={t('prop.columns')}
        testId="prop-columns"
        integer
        value={String(props.columns)}
        disabled={props.disabled}
        disabledReason={props.disabledReason}
        onCommit={(value) => value >= 1 && props.onColumns(value)}
      />
      <NumberField
        label={t('prop.gutter')}
        testId="prop-gutter"
        value={props.gutter}
        disabled={props.disabled}
        disabledReason={props.disabledReason}
        onCommit={props.onGutter}
      />
    </>
  );
}

export function PropertiesPanel({ bodySize }: { bodySize: number }) {
  const { t } = useTranslation();
  const store = useEditorStore();
  // Narrow slices: a text edit replaces the stories, not the pages or masters,
  // so typing re-renders this panel only when the overset count changes.
  const pages = useEditorDeferred((state) => state.edition?.pages);
  const masters = useEditorDeferred((state) => state.edition?.masters);
  const selection = useEditorDeferred((state) => state.selection);
  const units = useEditorDeferred((state) => state.view.units);
  const oversetCharacters = useEditorDeferred(oversetOfSelection);
  if (!pages || !masters) return null;
  const edition = { pages, masters };

  const editable = store.canApply;
  const reason = editable ? undefined : t('prop.readOnly');
  const show = (points: number) => formatUnits(points, units, bodySize);
  const points = (value: number) => fromUnits(value, units, bodySize);
  const apply = (operation: Parameters<typeof store.apply>[0]) => {
    try {
      store.apply(operation);
    } catch (error) {
      console.error(error);
    }
  };

  const found = selection.frameIds[0] ? findFrame(edition, selection.pageIndex, selection.frameIds[0]) : null;
  if (found) {
    const { page, frame } = found;
    const change = (patch: FrameChange) => apply(frameOperation(page.id, frame.id, patch));
    return (
      <section
        className="panel properties-panel"
        data-testid="properties-panel"
        aria-label={t('panel.properties')}
      >
        <h2>
          {t('panel.properties')} · {t(`prop.kind.${frame.kind}`)}
        </h2>
        <p className="frame-name" data-testid="properties-frame-name">
          {frame.name || frame.id}
        </p>
        <div className="field-grid">
          {(['x', 'y', 'width', 'height'] as const).map((key) => (
            <NumberField
              key={key}
              label={t(`prop.${key}`)}
              testId={`prop-${key}`}
              value={show(frame[key])}
              disabled={!editable || frame.locked}
              disabledReason={reason}
              onCommit={(value) => change({ [key]: points(value) })}
            />
          ))}
          {frame.kind === 'text' ? (
            <>
              <ColumnsAndGutterFields
                columns={frame.columns}
                gutter={show(frame.gutter)}
                disabled={!editable}
                disabledReason={reason}
                onColumns={(columns) => change({ columns })}
                onGutter={(value) => change({ gutter: points(value) })}
              />
              <NumberField
                label={t('prop.inset')}
                testId="prop-inset"
                value={show(frame.inset.top)}
                disabled={!editable}
                disabledReason={reason}
                onCommit={(value) => {
                  const inset = points(value);
                  change({ inset: { top: inset, right: inset, bottom: inset, left: inset } });
                }}
              />
            </>
          ) : null}
        </div>
        {frame.kind === 'text' && frame.columns > 1 ? (
          <label className="check-row" title={t('prop.balanceColumns.hint')}>
            <input
              type="checkbox"
              data-testid="prop-balance-columns"
              checked={frame.balanceColumns !== false}
              disabled={!editable}
              onChange={(event) => change({ balanceColumns: event.target.checked })}
            />
            {t('prop.balanceColumns')}
          </label>
        ) : null}
        {oversetCharacters > 0 ? (
          <p className="overset-note" data-testid="properties-overset">
            {t('prop.overset', { n: oversetCharacters })}
          </p>
        ) : null}
      </section>
    );
  }

  const page = edition.pages[selection.pageIndex];
  if (!page) return null;
  const changePage = (patch: Parameters<typeof pageOperation>[1]) => apply(pageOperation(page.id, patch));
  return (
    <section
      className="panel properties-panel"
      data-testid="properties-panel"
      aria-label={t('panel.properties')}
    >
      <h2>
        {t('panel.properties')} · {t('panel.page', { n: selection.pageIndex + 1 })}
      </h2>
      <div className="field-grid">
        <NumberField
          label={t('prop.width')}
          testId="prop-page-width"
          value={show(page.size.width)}
          disabled
          onCommit={() => undefined}
        />
        <NumberField
          label={t('prop.height')}
          testId="prop-page-height"
          value={show(page.size.height)}
          disabled
          onCommit={() => undefined}
        />
        <ColumnsAndGutterFields
          columns={page.columns}
          gutter={show(page.gutter)}
          disabled={!editable}
          disabledReason={reason}
          onColumns={(columns) => changePage({ columns })}
          onGutter={(value) => changePage({ gutter: points(value) })}
        />
        {(['top', 'right', 'bottom', 'left'] as const).map((side) => (
          <NumberField
            key={side}
            label={`${t('prop.margins')} · ${t(`prop.side.${side}`)}`}
            testId={`prop-margin-${side}`}
            value={show(page.margins[side])}
            disabled={!editable}
            disabledReason={reason}
            onCommit={(value) => changePage({ margins: { ...page.margins, [side]: points(value) } })}
          />
        ))}
      </div>
    </section>
  );
}

/**
 * The tools panel: the tool palette (V, A, T, F, \), and for the selection
 * what the page designer adjusts beyond position and size — text wrap and
 * its offset, frame columns, paint order, threads, photo fitting with its
 * effective resolution, the caption link — and the page commands (add,
 * duplicate, delete, reorder, master, preset).
 */
import { useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Id, ImageFrame, TextFrame } from '../../shared/model/types';
import { PAGE_PRESET_IDS, type PagePresetId } from '../../shared/model/presets';
import { newId } from '../../shared/model/ids';
import { threadOwner } from '../../shared/model/operations';
import { findFrame, setFrameColumns } from '../../shared/editing/frame-edits';
import { MIN_PRINT_PPI, ppiReport } from '../../shared/editing/image-fit';
import { addPageFromPreset, applyMaster, createMasterWithFolioLine } from '../../shared/editing/page-edits';
import type { RightPanelProps } from '../shell/extensions';
import { useEditorDeferred } from '../state/use-editor';
import { sessionOf, type ToolId } from '../actions/session';
import { runAction } from '../actions/action';
import { actionNamed } from '../actions/registry';
import { choosePhotos } from './place';
import { JumpLineControls } from './JumpLineControls';

/** The palette, with each tool's single-key shortcut. */
const TOOLS: { id: ToolId; key: string }[] = [
  { id: 'select', key: 'V' },
  { id: 'direct', key: 'A' },
  { id: 'text', key: 'T' },
  { id: 'frame', key: 'F' },
  { id: 'rule', key: '\\' },
];

export function ToolsPanel({ store }: RightPanelProps) {
  const session = sessionOf(store);
  const tool = useSyncExternalStore(session.subscribe, () => session.getTool());
  const edition = useEditorDeferred((s) => s.edition);
  const selection = useEditorDeferred((s) => s.selection);
  const [offset, setOffset] = useState('6');
  const { t } = useTranslation();
  if (!edition) return null;
  const act = (name: string, value?: unknown) => {
    const error = runAction(actionNamed(name), store, session, value);
    if (error) session.notify(error);
  };
  const apply = (label: string, ops: Parameters<typeof session.apply>[0]) => {
    try {
      session.apply(ops, { label });
    } catch (error) {
      session.notify(error as Error);
    }
  };

  const frameId: Id | undefined = selection.frameIds[0];
  const found = frameId ? findFrame(edition, frameId) : undefined;
  const frame = found?.frame;
  const page = edition.pages[selection.pageIndex] ?? edition.pages[0];
  const storyId = frame ? threadOwner(edition, frame.id) : undefined;
  const story = storyId ? edition.stories[storyId] : undefined;
  const image = frame?.kind === 'image' ? (frame as ImageFrame) : null;
  const asset = image?.assetId ? edition.assets[image.assetId] : undefined;
  const ppi = image && asset ? ppiReport(image.content.scale) : null;

  return (
    <section
      className="tools-panel"
      data-testid="tools-panel"
      style={{ padding: 4, fontSize: 12, borderTop: '1px solid #ddd' }}
    >
      <div
        role="toolbar"
        aria-label={t('tools.toolbar')}
        style={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}
      >
        {TOOLS.map((item) => (
          <button
            key={item.id}
            type="button"
            data-testid={`tool-${item.id}`}
            aria-pressed={tool === item.id}
            title={t('tools.toolWithKey', { tool: t(`tools.tool.${item.id}`), key: item.key })}
            onClick={() => session.setTool(item.id)}
            style={{ background: tool === item.id ? '#dbeafe' : undefined }}
          >
            {t(`tools.tool.${item.id}`)}
          </button>
        ))}
        <button
          type="button"
          data-testid="place-image"
          title={`${t('tools.place')} (Ctrl/Cmd+D)`}
          onClick={() => choosePhotos(store, session)}
        >
          {t('tools.place')}
        </button>
      </div>

      {frame ? (
        <div data-testid="frame-tools" style={{ marginTop: 6 }}>
          <div>
            <strong>{frame.name || frame.id}</strong> · {t(`prop.kind.${frame.kind}`)}
          </div>
          <div style={{ display: 'flex', gap: 2, flexWrap: 'wrap', marginTop: 4 }}>
            <button type="button" data-testid="z-front" onClick={() => act('zOrder-front')}>
              {t('tools.frame.toFront')}
            </button>
            <button type="button" data-testid="z-forward" onClick={() => act('zOrder-forward')}>
              {t('tools.frame.forward')}
            </button>
            <button type="button" data-testid="z-backward" onClick={() => act('zOrder-backward')}>
              {t('tools.frame.backward')}
            </button>
            <button type="button" data-testid="z-back" onClick={() => act('zOrder-back')}>
              {t('tools.frame.toBack')}
            </button>
            <button type="button" data-testid="frame-duplicate" onClick={() => act('duplicateFrames')}>
              {t('tools.frame.duplicate')}
            </button>
            <button type="button" data-testid="frame-delete" onClick={() => act('deleteFrames')}>
              {t('tools.frame.delete')}
            </button>
          </div>
          <label style={{ display: 'flex', gap: 4, alignItems: 'center', marginTop: 4 }}>
            <input
              type="checkbox"
              data-testid="wrap-toggle"
              checked={frame.wrap.mode === 'box'}
              onChange={(e) => {
                const v = Number(offset) || 0;
                act('textWrap', {
                  mode: e.target.checked ? 'box' : 'none',
                  offsets: { top: v, right: v, bottom: v, left: v },
                });
              }}
            />
            {t('tools.wrap')}
            <input
              data-testid="wrap-offset"
              value={offset}
              style={{ width: 40 }}
              onChange={(e) => setOffset(e.target.value)}
              onBlur={() => {
                const v = Number(offset);
                if (frame.wrap.mode === 'box' && Number.isFinite(v))
                  act('textWrap', { mode: 'box', offsets: { top: v, right: v, bottom: v, left: v } });
              }}
            />
          </label>
          {frame.kind === 'text' ? (
            <div style={{ marginTop: 4 }}>
              <label>
                {t('tools.columns')}{' '}
                <input
                  type="number"
                  min={1}
                  max={20}
                  data-testid="frame-columns"
                  value={(frame as TextFrame).columns}
                  style={{ width: 44 }}
                  onChange={(e) =>
                    apply('step.columns', setFrameColumns(edition, frame.id, Number(e.target.value)))
                  }
                />
              </label>{' '}
              <button
                type="button"
                data-testid="span-page-columns"
                title={t('tools.matchPageColumnsHint')}
                onClick={() => {
                  const colWidth =
                    (page.size.width -
                      page.margins.left -
                      page.margins.right -
                      (page.columns - 1) * page.gutter) /
                    page.columns;
                  const n = Math.max(1, Math.round((frame.width + page.gutter) / (colWidth + page.gutter)));
                  apply('step.spanColumns', setFrameColumns(edition, frame.id, n, page.gutter));
                }}
              >
                {t('tools.matchPageColumns')}
              </button>
              <div data-testid="thread-info" style={{ marginTop: 4 }}>
                {story
                  ? t('tools.thread.info', {
                      story: story.name,
                      n: story.thread.indexOf(frame.id) + 1,
                      total: story.thread.length,
                    })
                  : t('tools.thread.empty')}
                {story && story.thread.indexOf(frame.id) < story.thread.length - 1 ? (
                  <button
                    type="button"
                    data-testid="unthread"
                    onClick={() => act('unthreadFrame', frame.id)}
                    style={{ marginLeft: 4 }}
                  >
                    {t('tools.thread.breakAfter')}
                  </button>
                ) : null}
                {selection.frameIds.length === 2 ? (
                  <button
                    type="button"
                    data-testid="thread-selected"
                    onClick={() => act('threadFrames')}
                    style={{ marginLeft: 4 }}
                  >
                    {t('tools.thread.these')}
                  </button>
                ) : null}
              </div>
              <div style={{ color: '#666' }}>{t('tools.thread.hint')}</div>
              {found && 'pageId' in found.container ? (
                <JumpLineControls
                  edition={edition}
                  frame={frame as TextFrame}
                  pageIndex={edition.pages.findIndex(
                    (p) => 'pageId' in found.container && p.id === found.container.pageId,
                  )}
                  act={act}
                  apply={apply}
                />
              ) : null}
            </div>
          ) : null}
          {image ? (
            <div style={{ marginTop: 4 }}>
              <div style={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
                <button type="button" data-testid="fit-fill" onClick={() => act('fit-fill')}>
                  {t('tools.fit.fill')}
                </button>
                <button type="button" data-testid="fit-fit" onClick={() => act('fit-fit')}>
                  {t('tools.fit.fit')}
                </button>
                <button type="button" data-testid="fit-frame" onClick={() => act('fit-frame-to-content')}>
                  {t('tools.fit.frame')}
                </button>
              </div>
              {asset && ppi ? (
                <div
                  data-testid="image-ppi"
                  data-warn={ppi.warn ? 'true' : 'false'}
                  style={{ color: ppi.warn ? '#b91c1c' : '#166534' }}
                >
                  {asset.name} · {asset.widthPx}×{asset.heightPx} px · {asset.colorSpace.toUpperCase()} ·{' '}
                  {ppi.warn
                    ? `⚠ ${t('tools.image.ppiLow', { ppi: ppi.ppi, min: MIN_PRINT_PPI })}`
                    : t('tools.image.ppi', { ppi: ppi.ppi })}
                </div>
              ) : (
                <div>{t('tools.image.empty')}</div>
              )}
              <label style={{ display: 'block', marginTop: 4 }}>
                {t('tools.caption')}{' '}
                <select
                  data-testid="caption-link"
                  value={image.captionStoryId ?? ''}
                  onChange={(e) =>
                    apply('step.linkCaption', [
                      {
                        type: 'update_frame',
                        frameId: image.id,
                        props: { captionStoryId: e.target.value || null },
                      },
                    ])
                  }
                >
                  <option value="">—</option>
                  {Object.values(edition.stories).map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </select>
              </label>
            </div>
          ) : null}
        </div>
      ) : null}

      <div data-testid="page-tools" style={{ marginTop: 8 }}>
        <strong>{t('tools.page', { n: selection.pageIndex + 1, total: edition.pages.length })}</strong>
        <div style={{ display: 'flex', gap: 2, flexWrap: 'wrap', marginTop: 4 }}>
          <button type="button" data-testid="page-add" onClick={() => act('addPage')}>
            {t('tools.page.add')}
          </button>
          <button type="button" data-testid="page-duplicate" onClick={() => act('duplicatePage')}>
            {t('tools.page.duplicate')}
          </button>
          <button
            type="button"
            data-testid="page-delete"
            disabled={edition.pages.length < 2}
            onClick={() => act('deletePage')}
          >
            {t('tools.page.delete')}
          </button>
          <button
            type="button"
            data-testid="page-up"
            title={t('tools.page.up')}
            aria-label={t('tools.page.up')}
            disabled={selection.pageIndex === 0}
            onClick={() => act('movePage', { pageId: page.id, index: selection.pageIndex - 1 })}
          >
            ↑
          </button>
          <button
            type="button"
            data-testid="page-down"
            title={t('tools.page.down')}
            aria-label={t('tools.page.down')}
            disabled={selection.pageIndex >= edition.pages.length - 1}
            onClick={() => act('movePage', { pageId: page.id, index: selection.pageIndex + 1 })}
          >
            ↓
          </button>
        </div>
        <label style={{ display: 'block', marginTop: 4 }}>
          {t('tools.master')}{' '}
          <select
            data-testid="page-master"
            value={page.masterId ?? ''}
            onChange={(e) =>
              apply('step.applyMaster', applyMaster(edition, [page.id], e.target.value || null))
            }
          >
            <option value="">{t('tools.master.none')}</option>
            {edition.masters.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>{' '}
          <button
            type="button"
            data-testid="master-new"
            onClick={() => {
              const made = createMasterWithFolioLine(
                edition,
                `${String.fromCharCode(65 + edition.masters.length)}-${t('tools.master.folio')}`,
                page,
                newId,
              );
              apply('step.newMaster', [
                ...made.ops,
                ...applyMaster({ ...edition, masters: edition.masters }, [page.id], made.masterId),
              ]);
            }}
          >
            {t('tools.master.new')}
          </button>
        </label>
        <label style={{ display: 'block', marginTop: 4 }}>
          {t('tools.preset')}{' '}
          <select
            data-testid="page-preset"
            value=""
            onChange={(e) => {
              if (!e.target.value) return;
              const made = addPageFromPreset(
                edition,
                selection.pageIndex + 1,
                e.target.value as PagePresetId,
                newId,
                page.masterId,
              );
              apply('step.addPage', made.ops);
              store.select({ pageIndex: selection.pageIndex + 1, frameIds: [] });
            }}
          >
            <option value="">{t('tools.preset.choose')}</option>
            {PAGE_PRESET_IDS.map((id) => (
              <option key={id} value={id}>
                {t(`preset.${id}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
    </section>
  );
}

/**
 * The tools panel: the tool palette (V, A, T, F, \), and for the selection
 * what the page designer adjusts beyond position and size — text wrap and
 * its offset, frame columns, paint order, threads, photo fitting with its
 * effective resolution, the caption link — and the page commands (add,
 * duplicate, delete, reorder, master, preset).
 */
import { useState, useSyncExternalStore } from 'react';
import type { Id, ImageFrame, TextFrame } from '../../shared/model/types';
import { PAGE_PRESET_IDS, getPagePreset, type PagePresetId } from '../../shared/model/presets';
import { newId } from '../../shared/model/ids';
import { threadOwner } from '../../shared/model/operations';
import { findFrame, setFrameColumns } from '../../shared/editing/frame-edits';
import { ppiReport } from '../../shared/editing/image-fit';
import { addPageFromPreset, applyMaster, createMasterWithFolioLine } from '../../shared/editing/page-edits';
import type { RightPanelProps } from '../shell/extensions';
import { useEditor } from '../state/use-editor';
import { sessionOf, type ToolId } from '../actions/session';
import { runAction } from '../actions/action';
import { actionNamed } from '../actions/registry';
import { choosePhotos } from './place';

const TOOLS: { id: ToolId; key: string; en: string; zh: string }[] = [
  { id: 'select', key: 'V', en: 'Select', zh: '选择' },
  { id: 'direct', key: 'A', en: 'Direct select (crop)', zh: '直接选择（裁切）' },
  { id: 'text', key: 'T', en: 'Text', zh: '文字' },
  { id: 'frame', key: 'F', en: 'Frame', zh: '图框' },
  { id: 'rule', key: '\\', en: 'Rule', zh: '线条' },
];

export function ToolsPanel({ store }: RightPanelProps) {
  const session = sessionOf(store);
  const tool = useSyncExternalStore(session.subscribe, () => session.getTool());
  const edition = useEditor((s) => s.edition);
  const selection = useEditor((s) => s.selection);
  const [offset, setOffset] = useState('6');
  if (!edition) return null;
  const zh = edition.meta.language === 'zh-Hans';
  const t = (en: string, cn: string) => (zh ? cn : en);
  const act = (name: string, value?: unknown) => {
    const error = runAction(actionNamed(name), store, session, value);
    if (error) session.notify(error);
  };
  const apply = (label: string, ops: Parameters<typeof session.apply>[0]) => {
    try {
      session.apply(ops, { label });
    } catch (error) {
      session.notify((error as Error).message);
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
        aria-label={t('Tools', '工具')}
        style={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}
      >
        {TOOLS.map((item) => (
          <button
            key={item.id}
            type="button"
            data-testid={`tool-${item.id}`}
            aria-pressed={tool === item.id}
            title={`${zh ? item.zh : item.en} (${item.key})`}
            onClick={() => session.setTool(item.id)}
            style={{ background: tool === item.id ? '#dbeafe' : undefined }}
          >
            {zh ? item.zh : item.en}
          </button>
        ))}
        <button
          type="button"
          data-testid="place-image"
          title="Ctrl/Cmd+D"
          onClick={() => choosePhotos(store, session)}
        >
          {t('Place…', '置入…')}
        </button>
      </div>

      {frame ? (
        <div data-testid="frame-tools" style={{ marginTop: 6 }}>
          <div>
            <strong>{frame.name || frame.id}</strong> · {frame.kind}
          </div>
          <div style={{ display: 'flex', gap: 2, flexWrap: 'wrap', marginTop: 4 }}>
            <button type="button" data-testid="z-front" onClick={() => act('zOrder-front')}>
              {t('To front', '置顶')}
            </button>
            <button type="button" data-testid="z-forward" onClick={() => act('zOrder-forward')}>
              {t('Forward', '前移')}
            </button>
            <button type="button" data-testid="z-backward" onClick={() => act('zOrder-backward')}>
              {t('Backward', '后移')}
            </button>
            <button type="button" data-testid="z-back" onClick={() => act('zOrder-back')}>
              {t('To back', '置底')}
            </button>
            <button type="button" data-testid="frame-duplicate" onClick={() => act('duplicateFrames')}>
              {t('Duplicate', '复制')}
            </button>
            <button type="button" data-testid="frame-delete" onClick={() => act('deleteFrames')}>
              {t('Delete', '删除')}
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
            {t('Text wrap, offset (pt)', '文本绕排，间距（点）')}
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
                {t('Columns', '栏数')}{' '}
                <input
                  type="number"
                  min={1}
                  max={20}
                  data-testid="frame-columns"
                  value={(frame as TextFrame).columns}
                  style={{ width: 44 }}
                  onChange={(e) =>
                    apply(t('Columns', '栏数'), setFrameColumns(edition, frame.id, Number(e.target.value)))
                  }
                />
              </label>{' '}
              <button
                type="button"
                data-testid="span-page-columns"
                title={t('Span the page columns the frame covers', '跨越框所覆盖的页面栏')}
                onClick={() => {
                  const colWidth =
                    (page.size.width -
                      page.margins.left -
                      page.margins.right -
                      (page.columns - 1) * page.gutter) /
                    page.columns;
                  const n = Math.max(1, Math.round((frame.width + page.gutter) / (colWidth + page.gutter)));
                  apply(t('Span columns', '跨栏'), setFrameColumns(edition, frame.id, n, page.gutter));
                }}
              >
                {t('Match page columns', '按页面分栏')}
              </button>
              <div data-testid="thread-info" style={{ marginTop: 4 }}>
                {story
                  ? `${t('Story', '稿件')}: ${story.name} — ${t('frame', '框')} ${story.thread.indexOf(frame.id) + 1}/${story.thread.length}`
                  : t('Empty frame (no story)', '空文本框')}
                {story && story.thread.indexOf(frame.id) < story.thread.length - 1 ? (
                  <button
                    type="button"
                    data-testid="unthread"
                    onClick={() => act('unthreadFrame', frame.id)}
                    style={{ marginLeft: 4 }}
                  >
                    {t('Break thread after', '在此断开')}
                  </button>
                ) : null}
                {selection.frameIds.length === 2 ? (
                  <button
                    type="button"
                    data-testid="thread-selected"
                    onClick={() => act('threadFrames')}
                    style={{ marginLeft: 4 }}
                  >
                    {t('Thread these two', '串接这两个框')}
                  </button>
                ) : null}
              </div>
              <div style={{ color: '#666' }}>
                {t(
                  'Drag from the out-port (bottom right) to another text frame to thread.',
                  '从出口（右下）拖到另一个文本框即可串接。',
                )}
              </div>
            </div>
          ) : null}
          {image ? (
            <div style={{ marginTop: 4 }}>
              <div style={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
                <button type="button" data-testid="fit-fill" onClick={() => act('fit-fill')}>
                  {t('Fill', '填充')}
                </button>
                <button type="button" data-testid="fit-fit" onClick={() => act('fit-fit')}>
                  {t('Fit proportionally', '按比例适合')}
                </button>
                <button type="button" data-testid="fit-frame" onClick={() => act('fit-frame-to-content')}>
                  {t('Frame to photo', '框适合图')}
                </button>
              </div>
              {asset && ppi ? (
                <div
                  data-testid="image-ppi"
                  data-warn={ppi.warn ? 'true' : 'false'}
                  style={{ color: ppi.warn ? '#b91c1c' : '#166534' }}
                >
                  {asset.name} · {asset.widthPx}×{asset.heightPx} px · {asset.colorSpace.toUpperCase()} ·{' '}
                  {ppi.warn ? '⚠ ' : ''}
                  {ppi.text}
                </div>
              ) : (
                <div>
                  {t('Empty photo frame: Place… or drop a photo on it.', '空图框：置入或把图片拖到框上。')}
                </div>
              )}
              <label style={{ display: 'block', marginTop: 4 }}>
                {t('Caption', '图说')}{' '}
                <select
                  data-testid="caption-link"
                  value={image.captionStoryId ?? ''}
                  onChange={(e) =>
                    apply(t('Link caption', '关联图说'), [
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
        <strong>
          {t('Page', '页面')} {selection.pageIndex + 1}/{edition.pages.length}
        </strong>
        <div style={{ display: 'flex', gap: 2, flexWrap: 'wrap', marginTop: 4 }}>
          <button type="button" data-testid="page-add" onClick={() => act('addPage')}>
            {t('Add', '添加')}
          </button>
          <button type="button" data-testid="page-duplicate" onClick={() => act('duplicatePage')}>
            {t('Duplicate', '复制')}
          </button>
          <button
            type="button"
            data-testid="page-delete"
            disabled={edition.pages.length < 2}
            onClick={() => act('deletePage')}
          >
            {t('Delete', '删除')}
          </button>
          <button
            type="button"
            data-testid="page-up"
            disabled={selection.pageIndex === 0}
            onClick={() => act('movePage', { pageId: page.id, index: selection.pageIndex - 1 })}
          >
            ↑
          </button>
          <button
            type="button"
            data-testid="page-down"
            disabled={selection.pageIndex >= edition.pages.length - 1}
            onClick={() => act('movePage', { pageId: page.id, index: selection.pageIndex + 1 })}
          >
            ↓
          </button>
        </div>
        <label style={{ display: 'block', marginTop: 4 }}>
          {t('Master', '主页')}{' '}
          <select
            data-testid="page-master"
            value={page.masterId ?? ''}
            onChange={(e) =>
              apply(t('Apply master', '应用主页'), applyMaster(edition, [page.id], e.target.value || null))
            }
          >
            <option value="">{t('None', '无')}</option>
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
                `${String.fromCharCode(65 + edition.masters.length)}-${t('Folio', '报眉')}`,
                page,
                newId,
              );
              apply(t('New master', '新建主页'), [
                ...made.ops,
                ...applyMaster({ ...edition, masters: edition.masters }, [page.id], made.masterId),
              ]);
            }}
          >
            {t('New master with folio line', '新建带报眉的主页')}
          </button>
        </label>
        <label style={{ display: 'block', marginTop: 4 }}>
          {t('New page from preset', '按模板添加页面')}{' '}
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
              apply(t('Add page', '添加页面'), made.ops);
              store.select({ pageIndex: selection.pageIndex + 1, frameIds: [] });
            }}
          >
            <option value="">…</option>
            {PAGE_PRESET_IDS.map((id) => (
              <option key={id} value={id}>
                {zh ? getPagePreset(id).nameZh : getPagePreset(id).name}
              </option>
            ))}
          </select>
        </label>
      </div>
    </section>
  );
}

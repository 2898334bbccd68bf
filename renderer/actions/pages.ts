import { addPage, deletePage, duplicatePage, movePage } from '../../shared/editing/page-edits';
import { newId } from '../../shared/model/ids';
import type { Action } from './action';
import { currentPage, mod } from './action';

/** Ctrl/Cmd+Shift+P: a page after the current one, shaped like it. */
export const addPageAction: Action = {
  name: 'addPage',
  label: 'step.addPage',
  perform: (ctx) => {
    const index = ctx.state.selection.pageIndex;
    const { ops } = addPage(ctx.edition, index, newId);
    return { ops, select: { pageIndex: index + 1, frameIds: [] } };
  },
  keyTest: (e) => mod(e) && e.shiftKey && !e.altKey && e.code === 'KeyP',
};

export const deletePageAction: Action = {
  name: 'deletePage',
  label: 'step.deletePage',
  predicate: (ctx) => ctx.edition.pages.length > 1,
  perform: (ctx, value) => {
    const pageId = (value as string | undefined) ?? currentPage(ctx).id;
    const index = ctx.edition.pages.findIndex((p) => p.id === pageId);
    return {
      ops: deletePage(ctx.edition, pageId),
      select: { pageIndex: Math.max(0, index - 1), frameIds: [] },
    };
  },
};

export const duplicatePageAction: Action = {
  name: 'duplicatePage',
  label: 'step.duplicatePage',
  perform: (ctx, value) => {
    const pageId = (value as string | undefined) ?? currentPage(ctx).id;
    const { ops } = duplicatePage(ctx.edition, pageId, newId);
    return {
      ops,
      select: { pageIndex: ctx.edition.pages.findIndex((p) => p.id === pageId) + 1, frameIds: [] },
    };
  },
};

/** Moves a page: value { pageId, index }. */
export const movePageAction: Action = {
  name: 'movePage',
  label: 'step.movePage',
  perform: (ctx, value) => {
    const { pageId, index } = value as { pageId: string; index: number };
    return { ops: movePage(ctx.edition, pageId, index), select: { pageIndex: index } };
  },
};

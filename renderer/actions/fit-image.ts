import { fitImage, type FitCommand } from '../../shared/editing/frame-edits';
import type { Action } from './action';
import { mod, selectedFrameIds } from './action';

function fitAction(command: FitCommand, en: string, zh: string, code: string): Action {
  return {
    name: `fit-${command}`,
    label: { en, zh },
    predicate: (ctx) => selectedFrameIds(ctx).length > 0,
    perform: (ctx) => ({ ops: selectedFrameIds(ctx).flatMap((id) => fitImage(ctx.edition, id, command)) }),
    // InDesign: Ctrl/Cmd+Alt+Shift+C fill proportionally, +E fit proportionally, Ctrl/Cmd+Alt+C frame to content.
    keyTest: (e) => mod(e) && e.altKey && e.code === code && e.shiftKey === (command !== 'frame-to-content'),
  };
}

export const fillFrameAction = fitAction('fill', 'Fill frame proportionally', '按比例填充框架', 'KeyC');
export const fitContentAction = fitAction('fit', 'Fit content proportionally', '按比例适合内容', 'KeyE');
export const frameToContentAction = fitAction(
  'frame-to-content',
  'Fit frame to content',
  '使框架适合内容',
  'KeyC',
);

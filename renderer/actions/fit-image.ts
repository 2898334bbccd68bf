import { fitImage, type FitCommand } from '../../shared/editing/frame-edits';
import type { Action } from './action';
import { mod, selectedFrameIds } from './action';

function fitAction(command: FitCommand, label: string, code: string): Action {
  return {
    name: `fit-${command}`,
    label,
    predicate: (ctx) => selectedFrameIds(ctx).length > 0,
    perform: (ctx) => ({ ops: selectedFrameIds(ctx).flatMap((id) => fitImage(ctx.edition, id, command)) }),
    // InDesign: Ctrl/Cmd+Alt+Shift+C fill proportionally, +E fit proportionally, Ctrl/Cmd+Alt+C frame to content.
    keyTest: (e) => mod(e) && e.altKey && e.code === code && e.shiftKey === (command !== 'frame-to-content'),
  };
}

export const fillFrameAction = fitAction('fill', 'step.fit.fill', 'KeyC');
export const fitContentAction = fitAction('fit', 'step.fit.fit', 'KeyE');
export const frameToContentAction = fitAction('frame-to-content', 'step.fit.frame', 'KeyC');

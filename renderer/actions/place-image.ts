import type { Action } from './action';
import { mod } from './action';
import { choosePhotos } from '../tools/place';

/** Ctrl/Cmd+D (InDesign's Place): choose photos; they fill the selected image frame or get new frames. */
export const placeImageAction: Action = {
  name: 'placeImage',
  label: 'step.placeImage',
  perform: (ctx) => {
    choosePhotos(ctx.store, ctx.session);
    return null;
  },
  keyTest: (e) => mod(e) && !e.shiftKey && !e.altKey && e.code === 'KeyD',
};

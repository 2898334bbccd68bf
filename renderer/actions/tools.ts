import type { Action } from './action';
import type { ToolId } from './session';

/** InDesign's single-key tool shortcuts (outside text): V select, A direct select (photo content), T text, F and M frame, backslash rule. */
const TOOL_KEYS: Record<string, ToolId> = {
  v: 'select',
  a: 'direct',
  t: 'text',
  f: 'frame',
  m: 'frame',
  '\\': 'rule',
};

export const toolAction: Action = {
  name: 'tool',
  label: 'step.chooseTool',
  perform: (ctx, value) => {
    const key = (value as { key: string } | undefined)?.key?.toLowerCase();
    const tool = key ? TOOL_KEYS[key] : undefined;
    if (tool) ctx.session.setTool(tool);
    return null;
  },
  keyTest: (e) => !e.ctrlKey && !e.metaKey && !e.altKey && e.key.toLowerCase() in TOOL_KEYS,
};

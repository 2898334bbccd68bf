/**
 * The renderer's typed proxy over a transport (Electron IPC through the
 * preload, or HTTP to the browser host). Calls look like local async
 * functions: `services['edition.save']({ documentId, edition })`.
 */
import { serviceMethods, type FolioServices, type MethodName } from './api';
import { channelOf } from './channels';

/** Sends one message on a channel and resolves with the host's answer. */
export type Transport = (channel: string, payload: unknown) => Promise<unknown>;

export function createServiceClient(transport: Transport): FolioServices {
  const client = {} as Record<MethodName, (args: unknown) => Promise<unknown>>;
  for (const name of Object.keys(serviceMethods) as MethodName[]) {
    client[name] = (args) => transport(channelOf(name), args ?? {});
  }
  return client as unknown as FolioServices;
}

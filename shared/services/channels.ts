/**
 * Every IPC channel and HTTP service path starts with this prefix. The
 * preload refuses to forward anything else, and main registers handlers only
 * for the channels declared in `api.ts`, so a compromised renderer cannot
 * reach Electron's own channels or invent new ones.
 */
export const CHANNEL_PREFIX = 'folio:';

/** Main → renderer: a menu command the user chose (payload: a CommandId). */
export const COMMAND_EVENT = `${CHANNEL_PREFIX}command`;

/** Turns a method name such as `edition.open` into its channel `folio:edition.open`. */
export function channelOf(method: string): string {
  return CHANNEL_PREFIX + method;
}

/** The method name of a channel, or null when the channel lacks the prefix. */
export function methodOf(channel: string): string | null {
  return channel.startsWith(CHANNEL_PREFIX) ? channel.slice(CHANNEL_PREFIX.length) : null;
}

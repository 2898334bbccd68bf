/**
 * The one place a host turns an incoming message into a service call. It
 * rejects channels without the app prefix, unknown methods and arguments
 * that fail their schema, and it checks results too, so a host bug cannot
 * leak an unexpected shape to the renderer.
 */
import { isMethodName, serviceMethods, type ServiceHandlers } from './api';
import { methodOf } from './channels';

/** A message the dispatcher refused, with a reason fit for a log line. */
export class ServiceRejection extends Error {
  constructor(
    message: string,
    /** `channel` (unknown or unprefixed), `args` (failed validation) or `result`. */
    readonly kind: 'channel' | 'args' | 'result',
  ) {
    super(message);
    this.name = 'ServiceRejection';
  }
}

export type Dispatch<Context> = (channel: string, payload: unknown, context: Context) => Promise<unknown>;

export function createDispatcher<Context>(handlers: ServiceHandlers<Context>): Dispatch<Context> {
  return async (channel, payload, context) => {
    const name = methodOf(channel);
    if (name === null || !isMethodName(name)) {
      throw new ServiceRejection(`unknown channel "${channel.slice(0, 80)}"`, 'channel');
    }
    const spec = serviceMethods[name];
    const args = spec.args.safeParse(payload ?? {});
    if (!args.success) {
      const issue = args.error.issues[0];
      const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
      throw new ServiceRejection(
        `${name}: invalid arguments${where}: ${issue?.message ?? 'invalid'}`,
        'args',
      );
    }
    const handler = handlers[name] as (args: unknown, context: Context) => Promise<unknown>;
    const result = spec.result.safeParse(await handler(args.data, context));
    if (!result.success) {
      throw new ServiceRejection(`${name}: the host returned an invalid result`, 'result');
    }
    return result.data;
  };
}

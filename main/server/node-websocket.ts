/**
 * The WebSocket class for Hocuspocus providers in Node (20 has none built
 * in): the `ws` package's, with an error listener, because closing a socket
 * that is still connecting makes ws emit an error that would otherwise be
 * an uncaught exception (the provider watches `onerror`/`close`, not the
 * emitter).
 */
import WebSocket from 'ws';

export class NodeWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args);
    this.on('error', () => undefined);
  }
}

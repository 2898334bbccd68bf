/** Local HTTP servers that benches point Chromium at. */
import type { Server } from 'node:http';

/** Listens on a free port of 127.0.0.1; resolves to the server's base URL, e.g. `http://127.0.0.1:41234`. */
export function listenOnLoopback(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
    }),
  );
}

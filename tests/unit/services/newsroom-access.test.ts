/**
 * What an Electron window may reach: nothing remote by default; after
 * signing in to a newsroom server, that server's WebSocket and HTTP origins
 * (and no other host or port), in the request filter and the page's CSP.
 */
import { describe, expect, it } from 'vitest';
import { ELECTRON_CSP, electronCsp } from '../../../main/electron/csp';
import { allowNewsroomServer, newsroomAllows, newsroomOrigins } from '../../../main/electron/newsroom-access';

describe('Electron’s access to newsroom servers', () => {
  it('admits only the servers signed in to', () => {
    expect(newsroomAllows('ws://127.0.0.1:4400/zk-1221')).toBe(false);
    expect(electronCsp(newsroomOrigins())).toBe(ELECTRON_CSP);

    allowNewsroomServer('ws://127.0.0.1:4400');
    expect(newsroomAllows('ws://127.0.0.1:4400/zk-1221')).toBe(true);
    expect(newsroomAllows('http://127.0.0.1:4400/api/editions')).toBe(true);
    expect(newsroomAllows('ws://127.0.0.1:4401/')).toBe(false);
    expect(newsroomAllows('https://example.com/')).toBe(false);
    expect(newsroomAllows('not a url')).toBe(false);

    allowNewsroomServer('wss://folio.example-paper.cn');
    expect(newsroomAllows('wss://folio.example-paper.cn/zk-1221')).toBe(true);
    // A TLS server is not reachable in the clear.
    expect(newsroomAllows('ws://folio.example-paper.cn/zk-1221')).toBe(false);

    const csp = electronCsp(newsroomOrigins());
    const connect = csp.split('; ').find((part) => part.startsWith('connect-src'))!;
    expect(connect.split(' ').sort()).toEqual(
      [
        'connect-src',
        'folio:',
        'ws://127.0.0.1:4400',
        'http://127.0.0.1:4400',
        'wss://folio.example-paper.cn',
        'https://folio.example-paper.cn',
      ].sort(),
    );
    // Nothing else in the policy moves.
    expect(csp.replace(connect, '')).toBe(ELECTRON_CSP.replace('connect-src folio:', ''));
  });
});

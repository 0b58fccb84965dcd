import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { httpWebhookTransport } from './http-transport.js';

/**
 * A receiver that keeps connections alive and, like one whose idle timeout crossed our reuse, drops a
 * kept-alive connection when the next request comes on it, without answering. Fresh connections answer.
 */
function droppingReceiver(): { server: Server; dropped: () => number; answered: () => number } {
  const used = new WeakSet<Socket>();
  let dropped = 0;
  let answered = 0;
  const server = createServer((req, res) => {
    if (used.has(req.socket)) {
      dropped++;
      req.socket.destroy();
      return;
    }
    used.add(req.socket);
    req.resume();
    req.on('end', () => {
      answered++;
      res.writeHead(204).end();
    });
  });
  return { server, dropped: () => dropped, answered: () => answered };
}

describe('webhook HTTP transport', () => {
  const receiver = droppingReceiver();
  let url = '';
  before(async () => {
    receiver.server.listen(0, '127.0.0.1');
    await once(receiver.server, 'listening');
    url = `http://127.0.0.1:${(receiver.server.address() as AddressInfo).port}/hook`;
  });
  after(() => {
    receiver.server.closeAllConnections();
    receiver.server.close();
  });

  const post = (transport: ReturnType<typeof httpWebhookTransport>) =>
    transport.post({ url, body: '{"type":"folder.created"}', headers: { 'content-type': 'application/json' } });

  it('sends again on a new connection when a kept-alive one is closed under it: no failed attempt', async () => {
    const transport = httpWebhookTransport({ allowLoopback: true, timeoutMs: 60_000 });
    const first = await post(transport);
    assert.equal(first.kind === 'response' && first.status, 204);
    // The next request goes on the kept-alive connection, which the receiver drops.
    const second = await post(transport);
    assert.equal(receiver.dropped(), 1, 'the request went out on the kept-alive connection first');
    assert.deepEqual(second.kind === 'response' ? second.status : second, 204);
    assert.equal(receiver.answered(), 2);
  });

  it('counts a connection dropped before the answer as a failure when the connection was new', async () => {
    const server = createServer((req) => req.socket.destroy());
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const transport = httpWebhookTransport({ allowLoopback: true, timeoutMs: 60_000 });
      const port = (server.address() as AddressInfo).port;
      const result = await transport.post({ url: `http://127.0.0.1:${port}/hook`, body: '{}', headers: {} });
      assert.equal(result.kind, 'error');
      assert.equal(result.kind === 'error' && result.error, 'network');
    } finally {
      server.close();
    }
  });
});

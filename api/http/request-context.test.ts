import assert from 'node:assert/strict';
import { EventEmitter, once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import express from 'express';
import { pino } from 'pino';
import request from 'supertest';
import { requestContext, requestLogger } from './request-context.js';

/** An app behind requestContext whose log lines are kept, parsed, in `lines`. */
function appWithLog(level = 'info') {
  const lines: Array<Record<string, unknown>> = [];
  const arrivals = new EventEmitter();
  const logger = pino({ level }, { write: (line: string) => lines.push(JSON.parse(line)) });
  const app = express();
  app.use(requestContext(logger));
  app.get('/v1/folders', (req, res) => {
    requestLogger(req)?.info({ step: 'handler' }, 'inside the request');
    res.json({ ok: true });
  });
  app.get('/boom', (_req, res) => {
    res.status(500).json({ ok: false });
  });
  app.get('/slow', () => {
    // Never answers: the caller gives up first.
    arrivals.emit('slow');
  });
  return { app, lines, arrivals };
}

describe('requestContext', () => {
  it('echoes a sane X-Request-Id and logs one access line: id, method, path without query, status, no header', async () => {
    const { app, lines } = appWithLog();
    const res = await request(app)
      .get('/v1/folders?q=Quintavalle')
      .set('X-Request-Id', 'vendor-call.42')
      .set('Authorization', 'Bearer lck_secret')
      .expect(200);
    assert.equal(res.headers['x-request-id'], 'vendor-call.42');
    const access = lines.find((line) => line.msg === 'request completed');
    assert.deepEqual(access?.req, { id: 'vendor-call.42', method: 'GET', path: '/v1/folders' });
    assert.deepEqual(access?.res, { statusCode: 200 });
    assert.equal(typeof access?.responseTime, 'number');
    const handlerLine = lines.find((line) => line.msg === 'inside the request');
    assert.equal(handlerLine?.reqId, 'vendor-call.42', "a handler's lines carry the request id");
    const all = JSON.stringify(lines);
    assert.doesNotMatch(all, /Quintavalle|lck_secret|authorization/i, 'no query string, no header');
  });

  it('makes a new random id when the caller sends none or an unsafe one, unique per request', async () => {
    const { app } = appWithLog();
    const ids = new Set<string>();
    for (let i = 0; i < 300; i++) {
      const res = await request(app)
        .get('/v1/folders')
        .set(i % 2 ? { 'X-Request-Id': 'bad id <script>' } : {})
        .expect(200);
      assert.match(res.headers['x-request-id'], /^req_[\w-]{12}$/);
      ids.add(res.headers['x-request-id']);
    }
    assert.equal(ids.size, 300);
  });

  it('logs a server error at error level, and nothing at info when the level is warn', async () => {
    const quiet = appWithLog('warn');
    await request(quiet.app).get('/v1/folders').expect(200);
    await request(quiet.app).get('/boom').expect(500);
    assert.deepEqual(
      quiet.lines.map((line) => [line.level, line.msg, (line.res as { statusCode: number } | undefined)?.statusCode]),
      [[50, 'request completed', 500]],
    );
  });

  it('logs a request the caller cut off as aborted', async () => {
    const { app, lines, arrivals } = appWithLog();
    const server = http.createServer(app).listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const { port } = server.address() as AddressInfo;
      const req = http.get({ port, host: '127.0.0.1', path: '/slow' });
      req.on('error', () => {});
      await once(arrivals, 'slow');
      req.destroy();
      while (!lines.some((line) => line.msg === 'request aborted')) await new Promise((resolve) => setImmediate(resolve));
      const aborted = lines.find((line) => line.msg === 'request aborted');
      assert.equal(aborted?.level, 40);
      const { method, path } = (aborted?.req ?? {}) as { method?: string; path?: string };
      assert.deepEqual([method, path], ['GET', '/slow']);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

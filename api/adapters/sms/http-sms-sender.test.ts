import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { eventually } from '../../../test/support/patience.js';
import { SmsDeliveryError } from '../../ports/sms-sender.js';
import { httpSmsSender } from './http-sms-sender.js';

/**
 * Test double of an SMS provider (named as such): a real HTTP server on loopback that records what it
 * receives and answers as told.
 */
class SmsProviderDouble {
  readonly received: Array<{ method: string; path: string; headers: IncomingMessage['headers']; body: unknown }> = [];
  answer: { status: number; delayMs?: number } = { status: 202 };
  private server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => {
      raw += chunk;
    });
    req.on('end', () => {
      this.received.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: JSON.parse(raw || 'null') });
      setTimeout(() => {
        res.writeHead(this.answer.status, { 'content-type': 'application/json' }).end('{"id":"msg-1"}');
      }, this.answer.delayMs ?? 0);
    });
  });
  url = '';
  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1/sms`;
  }
  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const provider = new SmsProviderDouble();
before(() => provider.start());
after(() => provider.stop());
beforeEach(() => {
  provider.received.length = 0;
  provider.answer = { status: 202 };
});

describe('HTTP SMS sender', () => {
  it('POSTs the message as JSON with the bearer token', async () => {
    await httpSmsSender({ url: provider.url, token: 'sms-secret' }).send({ to: '+33626597292', text: 'Votre code : 123456' });
    assert.equal(provider.received.length, 1);
    const [request] = provider.received;
    assert.equal(request.method, 'POST');
    assert.equal(request.path, '/v1/sms');
    assert.equal(request.headers.authorization, 'Bearer sms-secret');
    assert.match(request.headers['content-type'] ?? '', /^application\/json/);
    assert.deepEqual(request.body, { to: '+33626597292', text: 'Votre code : 123456' });
  });

  it('sends no Authorization header without a token', async () => {
    await httpSmsSender({ url: provider.url, token: undefined }).send({ to: '+33626597292', text: 'x' });
    assert.equal(provider.received[0].headers.authorization, undefined);
  });

  it('rejects with SmsDeliveryError (and the status) when the provider refuses', async () => {
    provider.answer = { status: 503 };
    await assert.rejects(
      httpSmsSender({ url: provider.url, token: 't' }).send({ to: '+33626597292', text: 'x' }),
      (error: unknown) => error instanceof SmsDeliveryError && error.status === 503 && /HTTP 503/.test(error.message),
    );
  });

  it('gives up after its timeout', async () => {
    provider.answer = { status: 202, delayMs: 500 };
    await assert.rejects(
      httpSmsSender({ url: provider.url, token: 't', timeoutMs: 100 }).send({ to: '+33626597292', text: 'x' }),
      (error: unknown) => error instanceof SmsDeliveryError && /no answer within 100 ms/.test(error.message),
    );
  });

  it('rejects when nothing listens', async () => {
    await assert.rejects(
      httpSmsSender({ url: 'http://127.0.0.1:9/sms', token: 't' }).send({ to: '+33626597292', text: 'x' }),
      SmsDeliveryError,
    );
  });
});

describe('wired by the configuration', () => {
  it('sends client login codes through LECOFFRE_SMS_URL with LECOFFRE_SMS_TOKEN', async () => {
    const { createFolderWithClient, createIdentityTestApp } = await import('../../../test/support/test-app.js');
    const t = await createIdentityTestApp({ env: { LECOFFRE_SMS_URL: provider.url, LECOFFRE_SMS_TOKEN: 'from-config' } });
    try {
      const { email, mobile } = await createFolderWithClient(t.db, t.office.id);
      await t.request.post('/v1/client-auth/start').send({ email }).expect(202);
      // Picked by recipient: a request an earlier test gave up on may still reach the double late, on a busy machine.
      const toClient = () => provider.received.filter((r) => (r.body as { to?: string } | null)?.to === mobile);
      const [request] = await eventually('the SMS at the provider', () => toClient().length > 0 && toClient());
      assert.equal(toClient().length, 1);
      assert.equal(request.headers.authorization, 'Bearer from-config');
      assert.match((request.body as { text: string }).text, /^LeCoffre : votre code de connexion est \d{6}\./);
      assert.equal(await t.db.models.DevOutboxMessage.count(), 0, 'nothing in the dev outbox');
    } finally {
      await t.close();
    }
  });
});

/**
 * webhooks.verify on deliveries received over real HTTP, signed by an independent implementation of the
 * Standard Webhooks scheme (node:crypto below), written apart from the SDK's own check.
 */
import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { LeCoffreError, WebhookVerificationError, webhooks } from './node.js';

const secret = `whsec_${randomBytes(24).toString('base64')}`;

/** `v1,<base64 HMAC-SHA256 of "id.timestamp.body">` with the secret's base64 key (Standard Webhooks). */
function sign(id: string, timestamp: number, body: string, key = secret): string {
  const mac = createHmac('sha256', Buffer.from(key.slice('whsec_'.length), 'base64'));
  return `v1,${mac.update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

interface Delivery {
  body: Buffer;
  headers: IncomingHttpHeaders;
}

/** A vendor's receiver: what it got, as its framework would give it (raw body + Node headers). */
let lastDelivery: Delivery | undefined;
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    lastDelivery = { body: Buffer.concat(chunks), headers: req.headers };
    res.end();
  });
});
let deliver: (body: string, headers: Record<string, string>) => Promise<Delivery>;

before(async () => {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/lecoffre-webhooks`;
  deliver = async (body, headers) => {
    lastDelivery = undefined;
    // The receiver answers once it has read the whole body.
    await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });
    assert.ok(lastDelivery);
    return lastDelivery;
  };
});
after(() => server.close());

const event = {
  type: 'document.uploaded',
  timestamp: '2024-06-01T10:00:00Z',
  data: { folderId: 'fld_1', fileName: 'CNI recto verso é.pdf' },
};

function signedHeaders(body: string, { id = 'msg_1', timestamp = Math.floor(Date.now() / 1000), key = secret } = {}) {
  return { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': sign(id, timestamp, body, key) };
}

describe('webhooks.verify', () => {
  it('accepts a genuine delivery (raw Buffer body, Node headers) and returns its event', async () => {
    const body = JSON.stringify(event);
    const got = await deliver(body, signedHeaders(body));
    assert.deepEqual(webhooks.verify(got.body, got.headers, secret), event);
  });

  it('accepts a string body and fetch Headers, and any of several signatures (during a secret rotation)', async () => {
    const body = JSON.stringify(event);
    const headers = signedHeaders(body);
    const oldSecret = `whsec_${randomBytes(24).toString('base64')}`;
    headers['webhook-signature'] =
      `${sign('msg_1', Number(headers['webhook-timestamp']), body, oldSecret)} ${headers['webhook-signature']}`;
    assert.equal(webhooks.verify(body, new Headers(headers), secret).type, 'document.uploaded');
  });

  const forgeries: Array<[string, (body: string) => [string, Record<string, string>]]> = [
    ['an altered body', (body) => [body.replace('fld_1', 'fld_2'), signedHeaders(body)]],
    ['another secret', (body) => [body, signedHeaders(body, { key: `whsec_${randomBytes(24).toString('base64')}` })]],
    ['a replay older than 5 minutes', (body) => [body, signedHeaders(body, { timestamp: Math.floor(Date.now() / 1000) - 600 })]],
    ['a missing signature header', (body) => [body, { 'webhook-id': 'msg_1', 'webhook-timestamp': String(Math.floor(Date.now() / 1000)) }]],
  ];
  for (const [name, forge] of forgeries) {
    it(`rejects ${name} with WebhookVerificationError`, async () => {
      const [body, headers] = forge(JSON.stringify(event));
      const got = await deliver(body, headers);
      assert.throws(
        () => webhooks.verify(got.body, got.headers, secret),
        (error: unknown) =>
          error instanceof WebhookVerificationError && error instanceof LeCoffreError && error.code === 'invalid_webhook_signature',
      );
    });
  }

  it('explains the usual mistake: passing the parsed JSON instead of the raw body', () => {
    const body = JSON.stringify(event);
    assert.throws(() => webhooks.verify(JSON.parse(body), signedHeaders(body), secret), /raw request body/);
  });
});

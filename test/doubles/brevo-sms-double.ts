/**
 * A Brevo transactional SMS DOUBLE: a loopback HTTP server (node:http) speaking Brevo's wire format for the
 * one call LeCoffre makes, `POST /v3/transactionalSMS/send`, and posting Brevo's SMS delivery events to
 * the `webUrl` of a message when a test asks. It is a test double for a boundary we cannot reach offline
 * (an SMS gateway). Like the real API it checks the `api-key` header (401 `unauthorized`), the JSON body
 * (400 `invalid_parameter`: sender of at most 11 alphanumeric characters or 15 digits, recipient as
 * digits with the country code and no `+`, non-empty content, type `transactional` or `marketing`, an
 * absolute webUrl) and answers 201 `{"messageId": …}`. A test can script the next answers (429 with
 * Retry-After, 5xx, 4xx) to exercise the sender's retries.
 */
import { EventEmitter, once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface BrevoSmsRequest {
  sender: string;
  recipient: string;
  content: string;
  type?: string;
  tag?: string;
  webUrl?: string;
  unicodeEnabled?: boolean;
  organisationPrefix?: string;
}

export interface BrevoSentSms extends BrevoSmsRequest {
  messageId: number;
}

export interface ScriptedAnswer {
  status: number;
  body?: { code: string; message: string };
  headers?: Record<string, string>;
}

export interface BrevoSmsDouble {
  /** The API root to configure (`LECOFFRE_BREVO_API_URL`): `http://127.0.0.1:<port>/v3`. */
  apiUrl: string;
  apiKey: string;
  /** Messages Brevo accepted, in order. */
  sent: BrevoSentSms[];
  /** Every POST to the send endpoint, accepted or not (status answered). */
  attempts: Array<{ status: number; body: unknown }>;
  /** The next answers, before the normal ones: `answerNext({ status: 503 })`. */
  answerNext(...answers: ScriptedAnswer[]): void;
  /** Resolves with the first accepted message to `recipient` (digits, as Brevo has it), now or when it comes. */
  waitForSms(recipient: string): Promise<BrevoSentSms>;
  /**
   * Posts a Brevo SMS event about `message` to its webUrl (or `url` to aim elsewhere), as Brevo's
   * transactional webhooks do; resolves with the HTTP status the receiver answered.
   */
  postEvent(message: BrevoSentSms, msgStatus: string, options?: { url?: string; description?: string }): Promise<number>;
  close(): Promise<void>;
}

const SENDER = /^(?=.*[A-Za-z])[A-Za-z0-9]{1,11}$|^\d{1,15}$/;
const KNOWN_FIELDS = new Set(['sender', 'recipient', 'content', 'type', 'tag', 'webUrl', 'unicodeEnabled', 'organisationPrefix']);

function invalid(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'Input must be a JSON object';
  const b = body as Record<string, unknown>;
  const unknown = Object.keys(b).find((key) => !KNOWN_FIELDS.has(key));
  if (unknown) return `${unknown} is not a valid parameter`;
  if (typeof b.sender !== 'string' || !SENDER.test(b.sender)) return 'sender is not valid';
  if (typeof b.recipient !== 'string' || !/^[1-9]\d{6,14}$/.test(b.recipient)) return 'recipient is not valid';
  if (typeof b.content !== 'string' || b.content.length === 0) return 'content is missing';
  if (b.type !== undefined && b.type !== 'transactional' && b.type !== 'marketing') return 'type is not valid';
  if (b.tag !== undefined && typeof b.tag !== 'string') return 'tag is not valid';
  if (b.webUrl !== undefined && (typeof b.webUrl !== 'string' || !URL.canParse(b.webUrl))) return 'webUrl is not valid';
  return null;
}

const readBody = async (request: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(body === undefined ? '' : JSON.stringify(body));
}

export async function startBrevoSmsDouble(apiKey = 'xkeysib-double-0123456789'): Promise<BrevoSmsDouble> {
  const sent: BrevoSentSms[] = [];
  const attempts: BrevoSmsDouble['attempts'] = [];
  const scripted: ScriptedAnswer[] = [];
  const events = new EventEmitter();
  let nextMessageId = 1511882900176220;

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://double');
    if (request.method !== 'POST' || url.pathname !== '/v3/transactionalSMS/send') {
      return send(response, 404, { code: 'not_found', message: 'Invalid route' });
    }
    const raw = await readBody(request);
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      body = undefined;
    }
    const answer = (status: number, payload: unknown, headers?: Record<string, string>) => {
      attempts.push({ status, body });
      send(response, status, payload, headers);
    };
    if (request.headers['api-key'] !== apiKey) return answer(401, { code: 'unauthorized', message: 'Key not found' });
    if (!/^application\/json/.test(request.headers['content-type'] ?? '')) {
      return answer(400, { code: 'invalid_parameter', message: 'Content-Type must be application/json' });
    }
    const script = scripted.shift();
    if (script) return answer(script.status, script.body ?? { code: 'internal_error', message: 'Scripted failure' }, script.headers);
    const problem = invalid(body);
    if (problem) return answer(400, { code: 'invalid_parameter', message: problem });
    const message = { ...(body as BrevoSmsRequest), messageId: nextMessageId++ };
    sent.push(message);
    answer(201, { messageId: message.messageId });
    events.emit('sms', message);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v3`;

  return {
    apiUrl,
    apiKey,
    sent,
    attempts,
    answerNext(...answers) {
      scripted.push(...answers);
    },
    waitForSms(recipient) {
      const already = sent.find((m) => m.recipient === recipient);
      if (already) return Promise.resolve(already);
      return new Promise((resolve) => {
        const listener = (message: BrevoSentSms) => {
          if (message.recipient !== recipient) return;
          events.off('sms', listener);
          resolve(message);
        };
        events.on('sms', listener);
      });
    },
    async postEvent(message, msgStatus, options = {}) {
      const target = options.url ?? message.webUrl;
      if (!target) throw new Error('this message has no webUrl');
      // Brevo's documented transactional SMS event payload.
      const payload = {
        id: 26570,
        to: message.recipient,
        sms_count: 1,
        credits_used: 1,
        messageId: message.messageId,
        remaining_credit: 1000,
        msg_status: msgStatus,
        date: new Date().toISOString().replace('T', ' ').slice(0, 19),
        type: 'transactional',
        reference: `ref${message.messageId}`,
        tag: message.tag ?? '',
        ts_event: Math.floor(Date.now() / 1000),
        ...(options.description ? { description: options.description } : {}),
      };
      const response = await fetch(target, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(payload),
      });
      await response.arrayBuffer();
      return response.status;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

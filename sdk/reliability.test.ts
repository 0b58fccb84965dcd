/**
 * Retries, idempotency keys and rate limits, against the real API behind a small express app that fails
 * chosen requests (a 503, a 429, a cut connection) before letting the next ones through.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { NextFunction, Request, Response } from 'express';
import { ApiError, LeCoffre, RateLimitError } from './index.js';
import { type RunningApi, sendProblem, startApi } from './test-helpers.js';

interface Seen {
  method: string;
  path: string;
  idempotencyKey: string | undefined;
  at: number;
}

/** Every request the API received, and faults to inject into the next ones, in order. */
let seen: Seen[];
let faults: Array<(req: Request, res: Response, next: NextFunction) => void>;
let api: RunningApi;
let lecoffre: LeCoffre;

before(async () => {
  api = await startApi((req, res, next) => {
    seen.push({ method: req.method, path: req.path, idempotencyKey: req.get('idempotency-key'), at: Date.now() });
    const fault = faults.shift();
    if (fault) fault(req, res, next);
    else next();
  });
  lecoffre = new LeCoffre({ apiKey: api.testApp.office.apiKey, baseUrl: api.baseUrl });
});
after(() => api.close());
beforeEach(() => {
  seen = [];
  faults = [];
});

async function folderNumbers(): Promise<string[]> {
  return (await lecoffre.folders.list({ limit: 100 }).toArray()).map((f) => f.number);
}

describe('retries', () => {
  it('retries a POST answered 503 with the same Idempotency-Key, and creates exactly one folder', async () => {
    faults.push((_req, res) => sendProblem(res, 503, 'database_unavailable'));
    const folder = await lecoffre.folders.create({ number: 'R-1', title: 'Vente Martin', deedType: 'vente' });
    assert.equal(folder.number, 'R-1');
    assert.equal(seen.length, 2, 'one failed attempt, one retry');
    assert.match(seen[0].idempotencyKey ?? '', /^[0-9a-f-]{36}$/, 'a generated UUID');
    assert.equal(seen[1].idempotencyKey, seen[0].idempotencyKey);
    assert.ok(seen[1].at - seen[0].at >= 250, 'after a backoff');
    assert.deepEqual(
      (await folderNumbers()).filter((n) => n === 'R-1'),
      ['R-1'],
    );
  });

  it('retries a POST whose answer was lost after the API created the folder, and gets that folder back', async () => {
    // The API runs the request and commits; the connection drops before its 201 reaches the SDK.
    faults.push((req, res, next) => {
      res.end = (() => req.socket.destroy()) as unknown as Response['end'];
      next();
    });
    const folder = await lecoffre.folders.create({ number: 'R-1b', title: 'Vente Durand', deedType: 'vente' });
    assert.equal(seen.length, 2);
    assert.equal(seen[1].idempotencyKey, seen[0].idempotencyKey);
    assert.deepEqual(
      (await folderNumbers()).filter((n) => n === 'R-1b'),
      ['R-1b'],
      'the retry was answered from the first run, not run again',
    );
    assert.equal((await lecoffre.folders.retrieve(folder.id)).number, 'R-1b');
  });

  it("sends the caller's Idempotency-Key, so a repeated call is answered with the first result", async () => {
    const first = await lecoffre.folders.create({ number: 'R-2', title: 'Bail', deedType: 'vente' }, { idempotencyKey: 'order-42' });
    const again = await lecoffre.folders.create({ number: 'R-2', title: 'Bail', deedType: 'vente' }, { idempotencyKey: 'order-42' });
    assert.deepEqual(again, first);
    assert.deepEqual(
      seen.map((s) => s.idempotencyKey),
      ['order-42', 'order-42'],
    );
  });

  it('gives every call its own key, and none to a GET', async () => {
    await lecoffre.folders.create({ number: 'R-3', title: 'A', deedType: 'vente' });
    await lecoffre.folders.create({ number: 'R-4', title: 'B', deedType: 'vente' });
    await lecoffre.folders.list().page();
    assert.notEqual(seen[0].idempotencyKey, seen[1].idempotencyKey);
    assert.equal(seen[2].idempotencyKey, undefined);
  });

  it('retries after the connection is cut before any answer', async () => {
    faults.push((req) => req.socket.destroy());
    const page = await lecoffre.folders.list().page();
    assert.ok(Array.isArray(page.data));
    assert.equal(seen.length, 2);
  });

  it('gives up after maxRetries and throws the last 5xx as an ApiError', async () => {
    for (let i = 0; i < 3; i++) faults.push((_req, res) => sendProblem(res, 502, 'bad_gateway'));
    const started = Date.now();
    const error = await lecoffre.folders
      .list()
      .page()
      .catch((e: unknown) => e);
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 502);
    assert.equal(error.code, 'bad_gateway');
    assert.equal(seen.length, 3, 'the first attempt and 2 retries (the default)');
    assert.ok(Date.now() - started >= 250 + 500, 'backoff grows: >= 250 ms, then >= 500 ms');
  });

  it('does not retry a 4xx: the same request would get the same answer', async () => {
    await lecoffre.folders.create({ number: 'R-5', title: 'A', deedType: 'vente' });
    seen = [];
    await assert.rejects(lecoffre.folders.create({ number: 'R-5', title: 'A', deedType: 'vente' }), { status: 409 });
    assert.equal(seen.length, 1);
  });

  it('maps a real 413 from the API (a body over its limit) to ApiError', async () => {
    const error = await lecoffre.folders
      .create({ number: 'R-6', title: 'A', deedType: 'vente', note: 'x'.repeat(300_000) })
      .catch((e: unknown) => e);
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 413);
    assert.equal(error.code, 'body_too_large');
  });
});

describe('rate limits', () => {
  it('waits for Retry-After on a 429, then succeeds', async () => {
    faults.push((_req, res) => sendProblem(res, 429, 'rate_limited', { 'Retry-After': '1' }));
    const folder = await lecoffre.folders.create({ number: 'L-1', title: 'Vente', deedType: 'vente' });
    assert.equal(folder.number, 'L-1');
    assert.equal(seen.length, 2);
    assert.equal(seen[1].idempotencyKey, seen[0].idempotencyKey);
    assert.ok(seen[1].at - seen[0].at >= 1_000, `waited ${seen[1].at - seen[0].at} ms`);
  });

  it('throws RateLimitError with retryAfter at once when Retry-After is too long to wait for', async () => {
    faults.push((_req, res) => sendProblem(res, 429, 'rate_limited', { 'Retry-After': '120' }));
    const started = Date.now();
    const error = await lecoffre.folders
      .list()
      .page()
      .catch((e: unknown) => e);
    assert.ok(error instanceof RateLimitError);
    assert.equal(error.retryAfter, 120);
    assert.equal(error.code, 'rate_limited');
    assert.equal(error.requestId, 'req_injected');
    assert.equal(seen.length, 1);
    assert.ok(Date.now() - started < 500);
  });

  it('throws RateLimitError once retries run out', async () => {
    for (let i = 0; i < 2; i++) faults.push((_req, res) => sendProblem(res, 429, 'rate_limited', { 'Retry-After': '0' }));
    const error = await lecoffre.folders
      .list({}, { maxRetries: 1 })
      .page()
      .catch((e: unknown) => e);
    assert.ok(error instanceof RateLimitError);
    assert.equal(error.retryAfter, 0);
    assert.equal(seen.length, 2);
  });
});

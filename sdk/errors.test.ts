/** Each error class, from a real error of the real API (or a real network failure). */
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { patience } from '../test/support/patience.js';
import {
  AuthenticationError,
  ConflictError,
  ConnectionError,
  LeCoffre,
  LeCoffreError,
  LeCoffreValidationError,
  NotFoundError,
  PreconditionFailedError,
  TimeoutError,
} from './index.js';
import { type RunningApi, startApi } from './test-helpers.js';

let api: RunningApi;
let lecoffre: LeCoffre;
let slowPaths: Set<string>;
before(async () => {
  slowPaths = new Set();
  // Chosen paths get no answer: a server that accepted the request and stays silent (until the client
  // gives up and closes the connection).
  api = await startApi((req, _res, next) => {
    if (!slowPaths.has(req.path)) next();
  });
  lecoffre = new LeCoffre({ apiKey: api.testApp.office.apiKey, baseUrl: api.baseUrl });
});
after(() => api.close());

/** Runs `call`, expecting it to fail, and returns the error. */
async function failure(call: Promise<unknown>): Promise<LeCoffreError> {
  try {
    await call;
  } catch (error) {
    assert.ok(error instanceof LeCoffreError, `a LeCoffreError, got ${String(error)}`);
    return error;
  }
  assert.fail('the call succeeded');
}

describe('typed errors from the real API', () => {
  it('401: AuthenticationError for an unknown API key', async () => {
    const stranger = new LeCoffre({ apiKey: 'lck_test_notakey', baseUrl: api.baseUrl });
    const error = await failure(stranger.folders.list().page());
    assert.ok(error instanceof AuthenticationError);
    assert.equal(error.status, 401);
    assert.equal(error.code, 'unauthenticated');
    assert.match(error.requestId ?? '', /^req_/);
    assert.equal(error.requestId, error.problem?.requestId);
  });

  it("404: NotFoundError for another office's folder", async () => {
    const theirs = new LeCoffre({ apiKey: api.testApp.otherOffice.apiKey, baseUrl: api.baseUrl });
    const folder = await theirs.folders.create({ number: 'S-1', title: 'Secret', deedType: 'vente' });
    const error = await failure(lecoffre.folders.retrieve(folder.id));
    assert.ok(error instanceof NotFoundError);
    assert.equal(error.status, 404);
    assert.equal(error.code, 'folder_not_found');
  });

  it('409: ConflictError for a folder number already used', async () => {
    await lecoffre.folders.create({ number: 'D-1', title: 'Vente Martin', deedType: 'vente' });
    const error = await failure(lecoffre.folders.create({ number: 'D-1', title: 'Vente Durand', deedType: 'vente' }));
    assert.ok(error instanceof ConflictError);
    assert.ok(!(error instanceof PreconditionFailedError));
    assert.equal(error.status, 409);
    assert.equal(error.code, 'folder_number_taken');
  });

  it('422: LeCoffreValidationError with the field errors', async () => {
    const error = await failure(lecoffre.folders.create({ number: 'x'.repeat(51), title: '   ', deedType: 'vente' }));
    assert.ok(error instanceof LeCoffreValidationError);
    assert.equal(error.status, 422);
    assert.equal(error.code, 'validation_failed');
    assert.ok(
      error.errors.some((e) => e.path === 'number'),
      JSON.stringify(error.errors),
    );
    assert.match(error.message, /number: /, 'the message names the fields, for logs');
  });

  it('412: PreconditionFailedError (a ConflictError) when the folder changed since the version sent', async () => {
    const folder = await lecoffre.folders.create({ number: 'P-1', title: 'Bail', deedType: 'bail-habitation' });
    await lecoffre.folders.update(folder.id, { title: 'Bail Michou' }, { ifMatch: folder.version });
    const error = await failure(lecoffre.folders.update(folder.id, { title: 'Écrase tout' }, { ifMatch: folder.version }));
    assert.ok(error instanceof PreconditionFailedError);
    assert.ok(error instanceof ConflictError);
    assert.equal(error.status, 412);
    assert.equal(error.code, 'folder_modified');
    assert.equal((await lecoffre.folders.retrieve(folder.id)).title, 'Bail Michou');
  });
});

describe('failures without an answer', () => {
  it('ConnectionError when nothing listens, after the retries', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise((resolve) => server.close(resolve));
    const nowhere = new LeCoffre({ apiKey: 'lck_test_x', baseUrl: `http://127.0.0.1:${port}`, maxRetries: 1 });
    const started = Date.now();
    const error = await failure(nowhere.folders.list().page());
    assert.ok(error instanceof ConnectionError);
    assert.equal(error.status, undefined);
    assert.equal(error.code, 'connection_failed');
    assert.ok(Date.now() - started >= 250, 'one retry after a backoff of at least 250 ms');
  });

  it('TimeoutError when the answer takes longer than timeoutMs', async () => {
    slowPaths.add('/v1/deed-types');
    const impatient = new LeCoffre({ apiKey: api.testApp.office.apiKey, baseUrl: api.baseUrl, timeoutMs: 200, maxRetries: 0 });
    const error = await failure(impatient.catalogue.deedTypes.list().page());
    assert.ok(error instanceof TimeoutError);
    assert.equal(error.code, 'timeout');
  });

  it("rejects with the caller's own reason when its AbortSignal fires, without retrying", async () => {
    slowPaths.add('/v1/document-types');
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('user left the page')), 100);
    const started = Date.now();
    await assert.rejects(lecoffre.catalogue.documentTypes.list({ signal: controller.signal }).page(), /user left the page/);
    assert.ok(Date.now() - started < patience(1_000), 'ended by the abort, not by a timeout or a retry');
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import express from 'express';
import supertest from 'supertest';
import { CURRENT_API_VERSION } from '../../../api/domain/api-versions.js';
import { ContractRecorder, contractFindings, withContractCheck } from '../../support/contract.js';

// The check every test app runs (test/support/test-app.ts) must catch an answer that breaks the spec;
// these answers are made up on purpose, the real ones are checked by the whole suite.

const problem = (status: number, code: string) =>
  Buffer.from(JSON.stringify({ type: `https://lecoffre.io/problems/${code}`, title: 'Not Found', status, code, detail: 'x' }));

describe('the contract check of the test suite', () => {
  it('accepts an answer the spec declares', async () => {
    const findings = await contractFindings({
      method: 'GET',
      path: '/v1/folders/fld_x',
      status: 404,
      headers: {
        'content-type': 'application/problem+json; charset=utf-8',
        'x-request-id': 'req_1',
        'lecoffre-version': CURRENT_API_VERSION,
      },
      body: problem(404, 'folder_not_found'),
    });
    assert.deepEqual(findings, []);
  });

  it('reports an undeclared status, a missing header, an undeclared media type and a body off its schema', async () => {
    const teapot = await contractFindings({ method: 'GET', path: '/v1/folders/fld_x', status: 418, headers: {}, body: Buffer.alloc(0) });
    assert.match(teapot[0], /status 418 is not declared/);

    const plainJsonProblem = await contractFindings({
      method: 'GET',
      path: '/v1/folders/fld_x',
      status: 404,
      headers: { 'content-type': 'application/json' },
      body: problem(404, 'folder_not_found'),
    });
    assert.ok(plainJsonProblem.some((finding) => /header X-Request-Id is missing/.test(finding)));
    assert.ok(plainJsonProblem.some((finding) => /Content-Type application\/json is not declared/.test(finding)));

    const wrongFolder = await contractFindings({
      method: 'GET',
      path: '/v1/folders/fld_x',
      status: 200,
      headers: { 'content-type': 'application/json', 'x-request-id': 'req_1', etag: '"v1"' },
      body: Buffer.from(JSON.stringify({ id: 42 })),
    });
    assert.ok(
      wrongFolder.some((finding) => /^body(\/id must be string| must have required property)/.test(finding)),
      wrongFolder.join('\n'),
    );
  });

  it('fails the test file when its app closes, naming the request and what is wrong', async () => {
    const fake = express();
    fake.get('/v1/folders/:id', (_req, res) => {
      res.setHeader('X-Request-Id', 'req_1');
      res.status(200).json({ id: 'fld_1', title: 'Succession Dupont' });
    });
    const recorder = new ContractRecorder();
    await supertest(withContractCheck(fake, recorder)).get('/v1/folders/fld_1').expect(200);
    await assert.rejects(recorder.assertClean(), (error: Error) => {
      assert.match(error.message, /GET \/v1\/folders\/fld_1 -> 200 breaks openapi\/openapi\.json/);
      assert.match(error.message, /header ETag is missing|must have required property/);
      return true;
    });
  });
});

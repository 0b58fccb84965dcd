import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Request } from 'express';
import { expressAuthentication } from './authentication.js';
import { HttpProblem } from './problem.js';

// Deny by default: an operation that names no capability of the table, or several, or an unknown one, is
// refused to every caller, before any credential is even read.
describe('expressAuthentication', () => {
  for (const scopes of [[], ['folders:read', 'files:review'], ['staff'], ['folders:everything']]) {
    it(`refuses an operation declaring ${JSON.stringify(scopes)} with 403 operation_not_declared`, async () => {
      const untouched = new Proxy({} as Request, {
        get: (_target, property) => assert.fail(`the request was read (${String(property)})`),
      });
      await assert.rejects(expressAuthentication(untouched, 'bearer', scopes), (error: unknown) => {
        assert.ok(error instanceof HttpProblem);
        assert.equal(error.status, 403);
        assert.equal(error.code, 'operation_not_declared');
        return true;
      });
    });
  }
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Response } from 'supertest';
import { CAPABILITIES, type Capability, isCapability, reachOf } from '../../../api/domain/capabilities.js';
import { capabilityOf } from '../../../scripts/openapi-security.js';
import { OPERATIONS, type OperationCase } from './operations.js';
import { ACTORS, type ActorName, actorMeta, createWorld, digestState, PDF, type World } from './world.js';

// Every operation of the committed spec, called by every kind of caller, against the answer the
// capability table gives: refused callers get the right status and code, learn nothing of folder F1 and
// change nothing; granted callers in reach succeed; granted callers out of reach get a 404.

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
interface SpecOperation {
  operationId: string;
  method: Method;
  path: string;
  capability: Capability | null;
}

const spec = JSON.parse(readFileSync(new URL('../../../openapi/openapi.json', import.meta.url), 'utf8')) as {
  paths: Record<string, Record<Method, { operationId: string; security?: Array<Record<string, string[]>>; 'x-capability'?: unknown }>>;
};

function specOperations(): SpecOperation[] {
  const operations: SpecOperation[] = [];
  for (const [path, methods] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(methods) as Array<[Method, (typeof methods)[Method]]>) {
      const { operationId, security } = operation;
      assert.ok(security, `${operationId} states no security: say who may call it (a capability, or @NoSecurity for sign-in)`);
      if (security.length === 0) {
        operations.push({ operationId, method, path, capability: null });
        continue;
      }
      // Any credential (bearer, OAuth 2.0 token, session cookie), the same one capability (scripts/openapi-security.ts).
      const capability = capabilityOf(operation);
      assert.ok(capability !== null && isCapability(capability), `${operationId} must declare exactly one capability of the table`);
      assert.deepEqual(
        security,
        [{ bearer: [] }, { oauth2: [capability] }, { session: [] }],
        `${operationId}: its capability, whatever the credential`,
      );
      operations.push({ operationId, method, path, capability });
    }
  }
  return operations;
}

type Expected = { kind: 'refused'; status: 401 | 403 | 404; code: string | RegExp } | { kind: 'granted' } | { kind: 'public' };

/** The capability table's answer for one caller on one operation aimed at F1. */
function expectedOf(operation: SpecOperation, target: OperationCase['target'], actorName: ActorName): Expected {
  if (operation.capability === null) return { kind: 'public' };
  const actor = actorMeta(actorName);
  if (actor.principals === null) return { kind: 'refused', status: 401, code: 'unauthenticated' };
  const reach = reachOf(operation.capability, actor.principals);
  if (reach === null) {
    const code = actor.principals.includes('pending_member') ? 'member_pending' : 'operation_not_allowed';
    return { kind: 'refused', status: 403, code };
  }
  const notFound = { kind: 'refused', status: 404, code: /_not_found$/ } as const;
  if (target === 'none') return { kind: 'granted' };
  if (actor.office !== 'A') return notFound;
  if (target === 'office') return { kind: 'granted' };
  if (target === 'client' && reach === 'office') return { kind: 'granted' };
  return actor.seesF1 ? { kind: 'granted' } : notFound;
}

let world: World;
before(async () => {
  world = await createWorld();
});
after(() => world.close());

async function send(operation: SpecOperation, actor: ActorName, call: Awaited<ReturnType<OperationCase['build']>>): Promise<Response> {
  const req = world.t.request[operation.method](call.path);
  const credential = operation.operationId === 'clientAuth.logout' ? undefined : world.auth[actor];
  if (credential) req.set('Authorization', credential);
  if (call.upload) {
    for (const [name, value] of Object.entries(call.upload)) req.field(name, value);
    return req.attach('file', PDF, { filename: 'piece.pdf' });
  }
  return call.body ? req.send(call.body) : req;
}

const bodyText = (res: Response) => (res.body instanceof Buffer ? res.body.toString('latin1') : JSON.stringify(res.body ?? res.text));

describe('capability matrix: every operation of the spec × every kind of caller', () => {
  const operations = specOperations();

  it('has a row for every operation of the spec, and no row for an operation that is gone', () => {
    const ids = new Set(operations.map((o) => o.operationId));
    assert.deepEqual(
      operations.filter((o) => !OPERATIONS[o.operationId]).map((o) => o.operationId),
      [],
      'operations without a row',
    );
    assert.deepEqual(
      Object.keys(OPERATIONS).filter((id) => !ids.has(id)),
      [],
      'rows of operations the spec no longer has',
    );
  });

  it('uses every capability of the table', () => {
    const used = new Set(operations.map((o) => o.capability));
    assert.deepEqual(
      Object.keys(CAPABILITIES).filter((c) => !used.has(c as Capability)),
      [],
    );
  });

  for (const operation of operations) {
    const row = OPERATIONS[operation.operationId];
    if (!row) continue;
    it(`${operation.operationId} (${operation.method.toUpperCase()} ${operation.path}, ${operation.capability ?? 'public'})`, async () => {
      let anonymousStatus: number | undefined;
      for (const actor of Object.keys(ACTORS) as ActorName[]) {
        const expected = expectedOf(operation, row.target, actor);
        const call = await row.build(world, expected.kind === 'granted');
        const before = await digestState(world);
        const res = await send(operation, actor, call);
        const where = `${actor} -> ${res.status} ${bodyText(res).slice(0, 300)}`;
        if (expected.kind === 'public') {
          anonymousStatus ??= res.status;
          assert.equal(res.status, anonymousStatus, `a public operation answers every caller alike: ${where}`);
          continue;
        }
        if (expected.kind === 'refused') {
          assert.equal(res.status, expected.status, where);
          assert.match(res.headers['content-type'] ?? '', /^application\/problem\+json/, where);
          if (typeof expected.code === 'string') assert.equal(res.body.code, expected.code, where);
          else assert.match(res.body.code, expected.code, where);
          assert.equal(await digestState(world), before, `a refused call changes nothing: ${where}`);
        } else if (row.granted) {
          assert.equal(res.status, row.granted.status, where);
          assert.equal(res.body.code, row.granted.code, where);
        } else {
          assert.ok(res.status >= 200 && res.status < 300, where);
          await row.reset?.(world);
        }
        if (expected.kind === 'refused' || ACTORS[actor].office !== 'A') {
          const text = bodyText(res);
          for (const secret of world.secrets) assert.ok(!text.includes(secret), `${actor} must learn nothing of F1 (${secret}): ${where}`);
        }
      }
    });
  }
});

/**
 * Test fixture, not a test, and Node-side (never bundled): what `<lecoffre-folder>`'s browser tests need
 * from the real API beyond test/support/browser-api.ts's routes. That file routes to these:
 *
 *   POST /__lecoffre/notary-session { role? } -> { memberId, token }  (a member of the test office, signed in)
 *   POST /__lecoffre/anchor-cycle            -> AnchorCycleOutcome    (one batching run, local-dev anchor)
 */
import { generateKeyPairSync } from 'node:crypto';
import { LocalDevAnchor } from '../../api/adapters/anchor/local-dev-anchor.js';
import { type AnchorCycleOutcome, runAnchorCycle } from '../../api/services/anchoring/anchor-cycle.js';
import { createMemberSession, type TestApp } from '../../test/support/test-app.js';

/** A notary (or collaborator) of the test office with an ID.not-like session: its token works as a Bearer. */
export async function notarySessionFixture(
  test: TestApp,
  input: { role?: 'notary' | 'collaborator'; firstName?: string; lastName?: string },
): Promise<{ memberId: string; token: string }> {
  const { memberId, token } = await createMemberSession(test.db, test.office.id, {
    role: input.role ?? 'notary',
    firstName: input.firstName,
    lastName: input.lastName,
  });
  return { memberId, token };
}

// One key for the run: proofs of every folder anchored in it are signed alike, as on a server.
let anchor: LocalDevAnchor | undefined;

/** What the batching job does every few minutes, once, now: every folder waiting is anchored (local-dev). */
export function anchorCycleFixture(test: TestApp): Promise<AnchorCycleOutcome> {
  anchor ??= new LocalDevAnchor({ privateKey: generateKeyPairSync('ed25519').privateKey });
  return runAnchorCycle({ db: test.db, anchor, maxBatch: 100 });
}

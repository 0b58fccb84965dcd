/**
 * Pictures of /verify (see test/visual/README.md): the page empty, then a proof that is valid (anchored
 * on "Tezos ghostnet", i.e. the RPC double, checked from the browser), one with a warning (the committed
 * local-dev test vector) and one invalid (that vector with one document's bytes changed).
 */
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { InMemorySigner } from '@taquito/signer';
import { b58Encode, PrefixV2 } from '@taquito/utils';
import { unzipSync, zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { TezosAnchor } from '../../api/adapters/anchor/tezos-anchor.js';
import { buildProofBundle } from '../../api/services/anchoring/build-proof-bundle.js';
import { anchorRoot, bundleInput, collect, fixtureBatch, fixtureFiles } from '../../api/services/anchoring/proof-bundle.fixture.js';
import { startTezosRpcDouble, type TezosRpcDouble } from '../doubles/tezos-rpc-double.js';
import { Captures } from './support/capture.js';
import { openScene, type Scene } from './support/scene.js';

const VECTOR = new URL('../../docs/proof-vectors/bundle.zip', import.meta.url);

let scene: Scene;
let tezos: TezosRpcDouble;
let warning: Buffer;
let invalid: Buffer;
let valid: Buffer;

before(async () => {
  scene = await openScene();
  warning = await readFile(VECTOR);
  const entries = unzipSync(warning);
  const document = Object.keys(entries).find((name) => name.startsWith('Documents du client/')) as string;
  const altered = new Uint8Array(entries[document]);
  altered[altered.length - 1] ^= 0xff;
  invalid = Buffer.from(zipSync({ ...entries, [document]: altered }));

  tezos = await startTezosRpcDouble();
  const signer = await InMemorySigner.fromSecretKey(b58Encode(new Uint8Array(32).fill(9), PrefixV2.Ed25519Seed));
  tezos.fund(await signer.publicKeyHash(), { publicKey: await signer.publicKey() });
  const contract = 'KT1BEqzn5Wx8uJrZNvuS9DVHmLvG9td3fDLi';
  tezos.deployBytesContract(contract);
  const files = fixtureFiles();
  const roots = fixtureBatch(files);
  const onChain = await anchorRoot(new TezosAnchor({ rpcUrl: tezos.url, network: 'ghostnet', contract, signer }), roots.batch.root, () =>
    tezos.bake(3),
  );
  valid = Buffer.from(await collect((await buildProofBundle(bundleInput(files, onChain, roots))).stream()));
});
after(async () => {
  await tezos?.close();
  await scene?.close();
});

async function drop(page: Page, name: string, bytes: Buffer): Promise<void> {
  await page.locator('lecoffre-verify input[type=file]').setInputFiles({ name, mimeType: 'application/zip', buffer: bytes });
}

describe('screenshots of /verify', () => {
  it('empty, valid, warning, invalid', async () => {
    const shots = new Captures();
    const page = await scene.page(360);
    // Public Tezos nodes answer browsers with CORS headers; the double does not, so the test adds them.
    await page.route(`${tezos.url}/**`, async (route) => {
      const answer = await route.fetch();
      await route.fulfill({ response: answer, headers: { ...answer.headers(), 'access-control-allow-origin': '*' } });
    });
    await page.goto(`${scene.t.baseUrl}/verify`);
    await page.locator('lecoffre-verify input[type=file]').waitFor({ state: 'attached' });
    await shots.shoot(page, 'verify-empty');

    await drop(page, 'preuve-tezos.zip', valid);
    await page.locator('lecoffre-verify [part=anchor][data-anchor-status=not_checked]').waitFor();
    await page.locator('lecoffre-verify input[name=rpc]').fill(tezos.url);
    await page.locator('lecoffre-verify button').getByText('Vérifier à nouveau').click();
    await page.locator('lecoffre-verify [part=verdict][data-verdict=valid]').waitFor();
    // The node's address (a random port) is typed in the field: the field is masked, the verdict is not.
    await shots.shoot(page, 'verify-valid-tezos', { mask: (p) => [p.locator('lecoffre-verify input[name=rpc]')] });

    await page.goto(`${scene.t.baseUrl}/verify`);
    await drop(page, 'preuve-2026-0042.zip', warning);
    await page.locator('lecoffre-verify [part=verdict][data-verdict=warning]').waitFor();
    await shots.shoot(page, 'verify-warning-local-dev');

    await page.goto(`${scene.t.baseUrl}/verify`);
    await drop(page, 'preuve-modifiee.zip', invalid);
    await page.locator('lecoffre-verify [part=verdict][data-verdict=invalid]').waitFor();
    await shots.shoot(page, 'verify-invalid-altered-document');
    shots.assertClean();
  });
});

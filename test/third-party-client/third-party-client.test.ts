import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { LocalDevAnchor } from '../../api/adapters/anchor/local-dev-anchor.js';
import { runAnchorCycle } from '../../api/services/anchoring/anchor-cycle.js';
import { samplePdf } from '../../api/services/documents/sample-files.test-support.js';
import { eventually } from '../support/patience.js';
import { createIdentityTestApp, type IdentityTestApp } from '../support/test-app.js';
import { generateThirdPartyTypes } from './generate-types.js';
import type { GuideFlowOptions, GuideFlowResult } from './guide-flow-contract.js';

// A vendor's typed client without our SDK: openapi-typescript on the committed spec, openapi-fetch on top,
// the quick start's flow over real HTTP (API key, client e-mail + SMS code, multipart upload, review,
// anchoring, binary downloads). The types are checked by the compiler, the bytes by their SHA-256.

const HERE = fileURLToPath(new URL('.', import.meta.url));
const GUIDE_FLOW = './guide-flow.js';
const TSC = fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url));
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let t: IdentityTestApp;
let dataDir: string;
before(async () => {
  t = await createIdentityTestApp({ listen: true });
  dataDir = await mkdtemp(path.join(tmpdir(), 'lecoffre-third-party-'));
  await generateThirdPartyTypes();
});
after(async () => {
  await t?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('a third-party client generated from openapi/openapi.json (openapi-typescript + openapi-fetch)', () => {
  it('type-checks: the flow compiles against the generated types, and wrong calls do not', async () => {
    const result = await promisify(execFile)(process.execPath, [TSC, '-p', path.join(HERE, 'tsconfig.json')]).catch(
      (error: { stdout?: string }) => assert.fail(`tsc refused the vendor's code:\n${error.stdout}`),
    );
    assert.equal(result.stdout, '');
  });

  it('runs the quick start: the downloaded file and the proof bundle carry the uploaded bytes', async () => {
    const pdf = new Uint8Array(await samplePdf('Carte d’identité — Claire Michou'));
    const mobile = '+33626597292';
    // Loaded once the types exist: guide-flow.ts imports what generateThirdPartyTypes writes, and is
    // type-checked by its own tsconfig in this test, not by the repository's program.
    const { runGuideFlow } = (await import(GUIDE_FLOW)) as {
      runGuideFlow(options: GuideFlowOptions): Promise<GuideFlowResult>;
    };
    const result = await runGuideFlow({
      baseUrl: t.baseUrl,
      apiKey: t.office.apiKey,
      client: { firstName: 'Claire', lastName: 'Michou', mobile: '06 26 59 72 92', email: 'claire.michou@example.fr' },
      document: { label: "Carte Nationale d'Identité recto-verso", name: 'cni.pdf', type: 'application/pdf', bytes: pdf },
      smsCode: () =>
        eventually('the sign-in code in the dev outbox', async () => {
          const outbox = (await (await fetch(`${t.baseUrl}/dev/outbox?to=${encodeURIComponent(mobile)}`)).json()) as {
            data: Array<{ text: string }>;
          };
          return outbox.data.map((message) => /code de connexion est (\d{6})/.exec(message.text)?.[1]).find(Boolean);
        }),
      anchorNow: async () => {
        const cycle = await runAnchorCycle({ db: t.db, anchor: await LocalDevAnchor.open(dataDir), maxBatch: 1000 });
        assert.equal(cycle.outcome, 'anchored');
      },
    });

    assert.ok(result.file instanceof ArrayBuffer, 'parseAs arrayBuffer gives an ArrayBuffer');
    assert.equal(sha256(new Uint8Array(result.file)), sha256(pdf), 'the validated file comes back byte for byte');

    assert.ok(result.proof instanceof Blob, 'parseAs blob gives a Blob');
    assert.equal(result.proof.type, 'application/zip');
    const entries = unzipSync(new Uint8Array(await result.proof.arrayBuffer()));
    const documents = Object.entries(entries).filter(([name]) => name.startsWith('Documents du client/'));
    assert.equal(documents.length, 1, Object.keys(entries).join(', '));
    assert.equal(sha256(documents[0][1]), sha256(pdf), 'the proof bundle holds the same bytes');
    assert.ok(entries['Certificat de dépôt.pdf'], 'and the certificate');
  });
});

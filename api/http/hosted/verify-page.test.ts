import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { InMemorySigner } from '@taquito/signer';
import { b58Encode, PrefixV2 } from '@taquito/utils';
import { unzipSync, zipSync } from 'fflate';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { startTezosRpcDouble, type TezosRpcDouble } from '../../../test/doubles/tezos-rpc-double.js';
import { CHROMIUM_ARGS, findChromium } from '../../../test/support/chromium.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { LocalDevAnchor } from '../../adapters/anchor/local-dev-anchor.js';
import { TezosAnchor } from '../../adapters/anchor/tezos-anchor.js';
import { buildProofBundle } from '../../services/anchoring/build-proof-bundle.js';
import { anchorRoot, bundleInput, collect, fixtureBatch, fixtureFiles } from '../../services/anchoring/proof-bundle.fixture.js';

// The /verify page: what the server sends (strict CSP, one external script), then real proof bundles
// dropped into the page in a real Chromium, verified there without a byte going to the server.

let t: TestApp;
let server: Server;
let baseUrl: string;
let browser: Browser;
let dir: string;
let goodZip: string;
let tamperedZip: string;
let tezosZip: string;
let retitledZip: string;
let tezos: TezosRpcDouble;
const TAMPERED = 'Documents du client/Marc Dupont/Titre de propriété/titre.pdf';

before(async () => {
  t = await createTestApp();
  server = createServer(t.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const chromiumPath = findChromium();

  // A bundle as GET /v1/folders/{id}/proof builds it, anchored by the local-dev anchor; then the same
  // bundle with one document's bytes changed (a client or anyone after them "fixing" a scan).
  dir = await mkdtemp(path.join(tmpdir(), 'lecoffre-verify-page-'));
  const files = fixtureFiles();
  const roots = fixtureBatch(files);
  const anchor = await anchorRoot(await LocalDevAnchor.open(dir), roots.batch.root);
  const zip = await collect((await buildProofBundle(bundleInput(files, anchor, roots))).stream());
  const entries = unzipSync(zip);
  const altered = new Uint8Array(entries[TAMPERED]);
  altered[altered.length - 1] ^= 0xff;
  goodZip = path.join(dir, 'preuve-2024-0042.zip');
  tamperedZip = path.join(dir, 'preuve-modifiee.zip');
  await writeFile(goodZip, zip);
  await writeFile(tamperedZip, zipSync({ ...entries, [TAMPERED]: altered }));
  // The certificate's folder title rewritten: the documents are intact, the displayed facts are not.
  const certificate = JSON.parse(Buffer.from(entries['certificate.json']).toString());
  certificate.folder.title = 'Succession Martin';
  retitledZip = path.join(dir, 'preuve-retitree.zip');
  await writeFile(retitledZip, zipSync({ ...entries, 'certificate.json': Buffer.from(JSON.stringify(certificate)) }));

  // The same documents anchored on "Tezos ghostnet", i.e. the RPC double (the one boundary we cannot reach
  // offline), for the page's optional node field.
  tezos = await startTezosRpcDouble();
  const signer = await InMemorySigner.fromSecretKey(b58Encode(new Uint8Array(32).fill(9), PrefixV2.Ed25519Seed));
  tezos.fund(await signer.publicKeyHash(), { publicKey: await signer.publicKey() });
  const contract = 'KT1BEqzn5Wx8uJrZNvuS9DVHmLvG9td3fDLi';
  tezos.deployBytesContract(contract);
  const tezosAnchor = new TezosAnchor({ rpcUrl: tezos.url, network: 'ghostnet', contract, signer });
  const onChain = await anchorRoot(tezosAnchor, roots.batch.root, () => tezos.bake(3));
  tezosZip = path.join(dir, 'preuve-tezos.zip');
  await writeFile(tezosZip, await collect((await buildProofBundle(bundleInput(files, onChain, roots))).stream()));

  browser = await chromium.launch({ executablePath: await chromiumPath, args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  await tezos?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await t?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** What the element shows, as text (its shadow tree's text included). */
const text = async (locator: Locator) => (await locator.textContent()) ?? '';

interface OpenedPage {
  page: Page;
  /** Script errors, CSP refusals and failed loads. */
  problems: string[];
  /** Every request the page made that was not a plain GET (an upload would be one). */
  sent: string[];
}

async function openVerifyPage(query = ''): Promise<OpenedPage> {
  const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  const problems: string[] = [];
  const sent: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('request', (request) => {
    if (request.method() !== 'GET' || request.postData() !== null) sent.push(`${request.method()} ${request.url()}`);
  });
  await page.goto(`${baseUrl}/verify${query}`);
  return { page, problems, sent };
}

describe('/verify (server)', () => {
  it('sends the page with a strict CSP, one module script of this origin and no inline code', async () => {
    const res = await t.request.get('/verify').expect(200).expect('content-type', /html/);
    const csp = res.headers['content-security-policy'];
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/);
    assert.match(csp, /frame-ancestors 'none'/);
    const scripts = [...res.text.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    assert.deepEqual(scripts, ['<script type="module" src="/assets/pages/verify.js">']);
    assert.doesNotMatch(res.text, /<form|\son\w+=/, 'no form to post the bundle, no inline handler');
    assert.match((await t.request.get('/verify?lang=en').expect(200)).text, /<html lang="en">/);
  });

  it('serves the proof format that the certificate PDF names', async () => {
    const res = await t.request
      .get('/verify/proof-format.md')
      .expect(200)
      .expect('content-type', /text\/markdown/);
    assert.match(res.text, /^# LeCoffre proof bundle format/);
    assert.match(res.text, /### RFC 3161 timestamp/);
  });
});

describe('/verify (in Chromium)', () => {
  it('verifies a genuine local-dev bundle in the browser: every document intact, an amber warning, nothing sent', async () => {
    const { page, problems, sent } = await openVerifyPage();
    await page.locator('lecoffre-verify h1').getByText('Vérifier une preuve LeCoffre').waitFor();
    await page.locator('lecoffre-verify input[type=file]').setInputFiles(goodZip);

    const verdict = page.locator('lecoffre-verify [part=verdict]');
    await verdict.waitFor();
    assert.equal(await verdict.getAttribute('data-verdict'), 'warning');
    assert.match(await text(verdict), /Avertissement[\s\S]*serveur de développement[\s\S]*ne prouve rien à un tiers/);
    assert.doesNotMatch(await text(verdict), /VALIDE|VALID:/);
    assert.match(await text(verdict), /2024-0042 — Succession Dupont/);
    // Amber, not the green of a valid proof: the border is the theme's warning colour.
    assert.equal(await verdict.evaluate((box) => getComputedStyle(box).borderTopColor), 'rgb(138, 75, 0)');
    const statuses = await page
      .locator('lecoffre-verify tbody tr')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-status')));
    assert.deepEqual(statuses, ['ok', 'ok', 'ok', 'ok', 'ok']);
    const anchor = page.locator('lecoffre-verify [part=anchor]');
    assert.equal(await anchor.getAttribute('data-anchor-status'), 'local_dev');
    assert.match(await text(anchor), /AUCUN ancrage|hors blockchain/i);
    assert.match(await text(page.locator('lecoffre-verify [role=status]')), /Vérification de preuve-2024-0042\.zip terminée/);

    assert.deepEqual(sent, [], 'the bundle never left the browser');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('names the altered document of a tampered bundle and fails the proof, in French then English', async () => {
    const { page, problems, sent } = await openVerifyPage('?lang=en');
    await page.locator('lecoffre-verify h1').getByText('Verify a LeCoffre proof').waitFor();
    await page.locator('lecoffre-verify input[type=file]').setInputFiles(tamperedZip);

    const verdict = page.locator('lecoffre-verify [part=verdict]');
    await verdict.waitFor();
    assert.equal(await verdict.getAttribute('data-verdict'), 'invalid');
    assert.match(await text(verdict), /ÉCHEC[\s\S]*1 problème ;[\s\S]*FAILED/);
    assert.doesNotMatch(await text(verdict), /\(s\)/);
    const modified = page.locator('lecoffre-verify tbody tr[data-status=modified]');
    assert.equal(await modified.count(), 1);
    const row = await text(modified);
    assert.match(row, /titre\.pdf/);
    assert.match(row, /Modifié \/ Modified/);
    assert.equal(await page.locator('lecoffre-verify tbody tr[data-status=ok]').count(), 4, 'the other documents still verify');

    // The genuine bundle dropped next on the same page replaces the verdict.
    await page.locator('lecoffre-verify input[type=file]').setInputFiles(goodZip);
    await page.locator('lecoffre-verify [part=verdict][data-ok=true]').waitFor();

    // A rewritten folder title: the field is named, in both languages.
    await page.locator('lecoffre-verify input[type=file]').setInputFiles(retitledZip);
    await page.locator('lecoffre-verify [part=verdict][data-verdict=invalid]').waitFor();
    const named = page.locator('lecoffre-verify [part=problems] li[data-code=certificate_field_altered]');
    assert.match(await text(named), /intitulé du dossier[\s\S]*Succession Martin[\s\S]*folder title/);

    assert.deepEqual(sent, []);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('says a file that is not a ZIP is unreadable rather than failing silently', async () => {
    const { page, problems } = await openVerifyPage();
    const notZip = path.join(dir, 'photo.zip');
    await writeFile(notZip, 'not a zip at all');
    await page.locator('lecoffre-verify input[type=file]').setInputFiles(notZip);
    const verdict = page.locator('lecoffre-verify [part=verdict][data-ok=false]');
    await verdict.waitFor();
    assert.equal(await verdict.getAttribute('data-verdict'), 'invalid');
    const shown = await text(verdict);
    assert.match(shown, /Ce fichier n’est pas une preuve LeCoffre : le ZIP est illisible\./);
    assert.doesNotMatch(shown, /Error|invalid zip data|problème\(s\)|en cause : bundle/);
    assert.equal(await page.locator('lecoffre-verify [part=problems]').count(), 0, 'the sentence is said once');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('checks a Tezos anchor against the node typed in the optional field, from the browser', async () => {
    const { page, problems, sent } = await openVerifyPage();
    // Public Tezos nodes answer browsers with CORS headers; the double does not, so the test adds them.
    await page.route(`${tezos.url}/**`, async (route) => {
      const answer = await route.fetch();
      await route.fulfill({ response: answer, headers: { ...answer.headers(), 'access-control-allow-origin': '*' } });
    });
    await page.locator('lecoffre-verify input[type=file]').setInputFiles(tezosZip);
    await page.locator('lecoffre-verify [part=anchor][data-anchor-status=not_checked]').waitFor();
    assert.equal(await page.locator('lecoffre-verify [part=verdict]').getAttribute('data-verdict'), 'warning', 'offline, not yet valid');

    const asked = tezos.requests.length;
    await page.locator('lecoffre-verify input[name=rpc]').fill(tezos.url);
    await page.locator('lecoffre-verify button').getByText('Vérifier à nouveau').click();
    const anchor = page.locator('lecoffre-verify [part=anchor][data-anchor-status=verified]');
    await anchor.waitFor();
    assert.match(await text(anchor), /Ancré sur Tezos ghostnet[\s\S]*Anchored on Tezos ghostnet/);
    const valid = page.locator('lecoffre-verify [part=verdict][data-verdict=valid]');
    assert.match(await text(valid), /^\s*Preuve valide[\s\S]*VALIDE/);
    assert.equal(await valid.evaluate((box) => getComputedStyle(box).borderTopColor), 'rgb(29, 107, 58)');
    assert.match((await anchor.locator('a').getAttribute('href')) ?? '', /^https:\/\/ghostnet\.tzkt\.io\/o/);
    assert.ok(tezos.requests.length > asked, 'the browser asked the node itself');
    assert.deepEqual(sent, []);
    assert.deepEqual(problems, []);
    await page.close();
  });
});

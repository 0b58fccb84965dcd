import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { DEV_TSA_POLICY, verifyTimestamp } from '@lecoffre/proof';
import { parseTimestamp } from '@lecoffre/proof/tsa';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { TimestampUnavailableError } from '../../ports/timestamp-authority.js';
import { DEV_TSA_DIR, type DevTsa, startDevTsa } from './dev-tsa.js';
import { Rfc3161Client } from './rfc3161-client.js';
import { certificatePem, createTsaIdentity } from './tsa-certificates.js';
import { respondToTimestampRequest } from './tsa-responder.js';

const run = promisify(execFile);
const ROOT = randomBytes(32);
const ROOT_HEX = ROOT.toString('hex');
const imprintHex = (root: Uint8Array) => createHash('sha256').update(root).digest('hex');

/** `openssl ts -verify` (Debian's /usr/bin/openssl), the reference any notary's expert can run. */
async function opensslVerify(dir: string, tsr: Uint8Array, digestHex: string, caPem: string, tsaPem: string) {
  await writeFile(path.join(dir, 'token.tsr'), tsr);
  await writeFile(path.join(dir, 'ca.pem'), caPem);
  await writeFile(path.join(dir, 'tsa.pem'), tsaPem);
  const args = ['ts', '-verify', '-digest', digestHex, '-in', 'token.tsr', '-CAfile', 'ca.pem', '-untrusted', 'tsa.pem'];
  try {
    const { stdout, stderr } = await run('/usr/bin/openssl', args, { cwd: dir });
    return `${stdout}${stderr}`;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    return `${stdout}${stderr}`;
  }
}

describe('RFC 3161: the local development TSA, the HTTP client and the verifier', () => {
  let dir: string;
  let tsa: DevTsa;
  let client: Rfc3161Client;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'lecoffre-tsa-'));
    tsa = await startDevTsa({ dataDir: dir });
    client = new Rfc3161Client({ url: tsa.url });
  });
  after(async () => {
    await tsa.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('issues a token on SHA-256 of the root that OpenSSL verifies against the dev CA', async () => {
    const token = await client.timestamp(ROOT);
    assert.equal(token.policy, DEV_TSA_POLICY);
    assert.match(token.tsa, /CN=LeCoffre DEV TSA — non qualifié/);
    const out = await opensslVerify(dir, token.response, imprintHex(ROOT), tsa.caPem, tsa.tsaPem);
    assert.match(out, /Verification: OK/, out);
    // And not for another root: OpenSSL compares the imprint too.
    const other = await opensslVerify(dir, token.response, imprintHex(randomBytes(32)), tsa.caPem, tsa.tsaPem);
    assert.match(other, /Verification: FAILED/, other);
  });

  it('keeps its keys in the data dir: a restarted TSA signs under the same CA, key file 0600', async () => {
    const again = await startDevTsa({ dataDir: dir });
    try {
      assert.equal(again.caPem, tsa.caPem);
      assert.equal((await stat(path.join(dir, DEV_TSA_DIR, 'tsa-key.pem'))).mode & 0o777, 0o600);
      const token = await new Rfc3161Client({ url: again.url }).timestamp(ROOT);
      assert.match(await opensslVerify(dir, token.response, imprintHex(ROOT), tsa.caPem, tsa.tsaPem), /Verification: OK/);
    } finally {
      await again.close();
    }
  });

  it('the verifier: trusted with the dev CA, never qualified, even when the dev CA is passed as qualified', async () => {
    const { response } = await client.timestamp(ROOT);
    const untrusted = await verifyTimestamp(response, ROOT_HEX);
    assert.equal(untrusted.verdict.status, 'untrusted');
    assert.equal(untrusted.verdict.level, 'warning');
    assert.deepEqual(untrusted.problems, []);
    const trusted = await verifyTimestamp(response, ROOT_HEX, { timestampTrustAnchors: [tsa.caPem] });
    assert.equal(trusted.verdict.status, 'trusted');
    const claimed = await verifyTimestamp(response, ROOT_HEX, { qualifiedTimestampAnchors: [tsa.caPem] });
    assert.equal(claimed.verdict.qualified, false);
    assert.equal(claimed.verdict.level, 'warning');
    assert.equal(claimed.verdict.devTsa, true);
    assert.match(claimed.verdict.message.fr, /DÉVELOPPEMENT/);
  });

  it('a TSA other than the dev one, chained to a root the caller calls qualified, is qualified (green)', async () => {
    const identity = await createTsaIdentity({ caName: 'Qualified Root CA (test)', tsaName: 'Qualified TSA (test)' });
    const response = await respondToTimestampRequest(await requestFor(ROOT), { identity, policy: '1.2.3.4.5' });
    const check = await verifyTimestamp(response, ROOT_HEX, { qualifiedTimestampAnchors: [certificatePem(identity.ca)] });
    assert.equal(check.verdict.status, 'qualified');
    assert.equal(check.verdict.level, 'green');
  });

  it('rejects a token on another imprint, an altered signature, and a signer without the timeStamping usage', async () => {
    const { response } = await client.timestamp(ROOT);
    const wrongRoot = await verifyTimestamp(response, randomBytes(32).toString('hex'), { timestampTrustAnchors: [tsa.caPem] });
    assert.deepEqual(
      wrongRoot.problems.map((p) => `${p.code}: ${p.culprit}`),
      ['timestamp_imprint_mismatch: timestamp.tsr'],
    );

    const altered = alterSignature(response);
    const badSignature = await verifyTimestamp(altered, ROOT_HEX, { timestampTrustAnchors: [tsa.caPem] });
    assert.deepEqual(
      badSignature.problems.map((p) => p.code),
      ['timestamp_signature_invalid'],
    );
    assert.match(await opensslVerify(dir, altered, imprintHex(ROOT), tsa.caPem, tsa.tsaPem), /Verification: FAILED/);

    const notTsa = await createTsaIdentity({ caName: 'Some CA', tsaName: 'Not a TSA', timeStampingUsage: false });
    const signedByOther = await respondToTimestampRequest(await requestFor(ROOT), { identity: notTsa, policy: '1.2.3.4.5' });
    const noUsage = await verifyTimestamp(signedByOther, ROOT_HEX, { qualifiedTimestampAnchors: [certificatePem(notTsa.ca)] });
    assert.deepEqual(
      noUsage.problems.map((p) => p.code),
      ['timestamp_signer_not_tsa'],
    );
    assert.equal(noUsage.verdict.status, 'failed');
  });

  it('the client refuses an unusable answer and reports an unreachable TSA as unavailable', async () => {
    tsa.failNext(1);
    await assert.rejects(
      client.timestamp(ROOT),
      (error: unknown) => error instanceof TimestampUnavailableError && /503/.test(error.message),
    );
    const closed = new Rfc3161Client({ url: 'http://127.0.0.1:9/tsa', timeoutMs: 2000 });
    await assert.rejects(closed.timestamp(ROOT), TimestampUnavailableError);
    // A TSA answering for another imprint (here: a replayed answer) is refused on the nonce first.
    const replayed = new Rfc3161Client({
      url: tsa.url,
      fetch: async () => new Response(new Uint8Array(await readFile(path.join(dir, 'token.tsr')))),
    });
    await assert.rejects(replayed.timestamp(ROOT), /another nonce/);
  });
});

async function requestFor(root: Uint8Array): Promise<Uint8Array> {
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: '2.16.840.1.101.3.4.2.1' }),
      hashedMessage: new asn1js.OctetString({ valueHex: new Uint8Array(createHash('sha256').update(root).digest()).buffer }),
    }),
    certReq: true,
  });
  return new Uint8Array(request.toSchema().toBER(false));
}

/** The same answer with one bit of the CMS signature flipped (re-encoded with pkijs, not patched by offset). */
function alterSignature(response: Uint8Array): Uint8Array {
  const parsed = parseTimestamp(response);
  const signerInfo = parsed.signedData.signerInfos[0];
  const signature = new Uint8Array(signerInfo.signature.valueBlock.valueHexView);
  signature[signature.length - 3] ^= 0x01;
  signerInfo.signature = new asn1js.OctetString({ valueHex: signature.buffer });
  const answer = new pkijs.TimeStampResp({
    status: new pkijs.PKIStatusInfo({ status: 0 }),
    timeStampToken: new pkijs.ContentInfo({ contentType: '1.2.840.113549.1.7.2', content: parsed.signedData.toSchema(true) }),
  });
  return new Uint8Array(answer.toSchema().toBER(false));
}

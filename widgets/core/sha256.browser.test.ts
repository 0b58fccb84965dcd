import { expect } from '@open-wc/testing';
import { sha256Hex } from './sha256.js';

// Mocha globals, provided by @web/test-runner in the browser (@types/mocha is not installed).
declare function describe(name: string, body: () => void): void;
declare function it(name: string, body: () => Promise<void>): void;

describe('sha256Hex', () => {
  it('gives the same hash through WebCrypto and through streaming hash-wasm, with progress', async () => {
    // 3 MB of varied bytes: several stream chunks.
    const bytes = new Uint8Array(3_000_000).map((_, i) => (i * 31 + (i >> 8)) & 0xff);
    const blob = new Blob([bytes]);
    const progress: number[] = [];
    const streamed = await sha256Hex(blob, { method: 'streaming', onProgress: (hashed) => progress.push(hashed) });
    const whole = await sha256Hex(blob, { method: 'webcrypto' });
    expect(streamed).to.equal(whole);
    expect(streamed).to.match(/^[0-9a-f]{64}$/);
    expect(progress.length).to.be.greaterThan(1);
    expect(progress.at(-1)).to.equal(3_000_000);
  });

  it('hashes the empty file and a known text as everyone else does', async () => {
    expect(await sha256Hex(new Blob([]), { method: 'streaming' })).to.equal(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(await sha256Hex(new Blob(['abc']))).to.equal('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stopped by the user'));
    let failure: unknown;
    await sha256Hex(new Blob(['x']), { method: 'streaming', signal: controller.signal }).catch((error: unknown) => {
      failure = error;
    });
    expect((failure as Error).message).to.equal('stopped by the user');
  });
});

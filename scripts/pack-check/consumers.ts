/**
 * The consumer projects: for each published package, a small program using its public API, written as an
 * ES module (`consumer.mts`) and, where the package offers CommonJS, as a CommonJS one (`consumer.cts`) from
 * the same body; three tsconfigs check it under the module resolutions vendors use. `nodenext` also emits
 * the JavaScript that is then run, so the program checked is the program run.
 */

export interface Consumer {
  /** The package under test. */
  name: '@lecoffre/proof' | '@lecoffre/sdk' | '@lecoffre/widgets';
  /** The workspace packages installed together from their tarballs (nothing @lecoffre/* from a registry). */
  installs: string[];
  cjs: boolean;
  /** `lib` of the consumer: a Node project has no DOM types, a browser one has. */
  lib: string[];
  imports: string;
  /** Runs inside `async function main(bundlePath: string)`; prints one JSON line. */
  body: string;
  /** What the program must print, as JSON, given the valid proof bundle. */
  expected: (bundle: { files: number }) => unknown;
}

const PROOF_BODY = `
  const report = await verifyProofBundle(new Uint8Array(readFileSync(bundlePath)));
  const lines: string[] = describeReport(report);
  console.log(JSON.stringify({ ok: report.ok, files: report.files.length, described: lines.length > 0, finality: TEZOS_FINALITY_BLOCKS > 0 }));`;

const SDK_BODY = `
  const report = await verifyProofBundle(new Uint8Array(readFileSync(bundlePath)));
  const lecoffre = new LeCoffre({ apiKey: 'sk_pack_check', baseUrl: 'https://lecoffre.example' });
  const secret = 'whsec_' + Buffer.from('a 32-byte pack check secret key!').toString('base64');
  const body = JSON.stringify({ type: 'folder.created', data: { folderId: 'fld_1' } });
  const id = 'msg_1';
  const timestamp = String(Math.floor(Date.now() / 1000));
  const mac = createHmac('sha256', Buffer.from(secret.slice('whsec_'.length), 'base64')).update(id + '.' + timestamp + '.' + body);
  const headers = { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': 'v1,' + mac.digest('base64') };
  const event = webhooks.verify(Buffer.from(body), headers, secret);
  let forged = 'accepted';
  try {
    webhooks.verify(body.replace('fld_1', 'fld_2'), headers, secret);
  } catch (error) {
    forged = error instanceof WebhookVerificationError && error instanceof LeCoffreError ? String(error.code) : 'wrong error';
  }
  console.log(JSON.stringify({ proofOk: report.ok, files: report.files.length, event: event.type, forged, folders: typeof lecoffre.folders.list }));`;

/** Never called: the SDK's types must refuse a folder without its deed type (they are real types, not any). */
const SDK_TYPES = `
export function typed(lecoffre: LeCoffre): Promise<Folder> {
  // @ts-expect-error deedType is required
  void lecoffre.folders.create({ number: '1', title: 'Vente Martin' });
  return lecoffre.folders.create({ number: '1', title: 'Vente Martin', deedType: 'vente' });
}`;

// An element's own entry defines that element only; the package's main entry then defines every one.
const WIDGETS_BODY = `
  void bundlePath;
  const tags = ['lecoffre-folder', 'lecoffre-upload', 'lecoffre-folder-list'];
  const definedFirst = tags.filter((tag) => customElements.get(tag) !== undefined);
  const typed: HTMLElementTagNameMap['lecoffre-upload'] extends LeCoffreUpload ? true : false = true;
  const { connect, LeCoffreElement } = await import('@lecoffre/widgets');
  const defined = tags.filter((tag) => customElements.get(tag) !== undefined);
  const same = customElements.get('lecoffre-upload') === LeCoffreUpload;
  console.log(JSON.stringify({ definedFirst, typed, same, defined, base: typeof LeCoffreElement, connect: typeof connect, client: typeof LeCoffre }));`;

export const CONSUMERS: Consumer[] = [
  {
    name: '@lecoffre/proof',
    installs: ['@lecoffre/proof'],
    cjs: true,
    lib: ['ES2023'],
    imports: `import { readFileSync } from 'node:fs';
import { describeReport, TEZOS_FINALITY_BLOCKS, verifyProofBundle } from '@lecoffre/proof';`,
    body: PROOF_BODY,
    expected: ({ files }) => ({ ok: true, files, described: true, finality: true }),
  },
  {
    name: '@lecoffre/sdk',
    installs: ['@lecoffre/proof', '@lecoffre/sdk'],
    cjs: true,
    lib: ['ES2023'],
    imports: `import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type Folder, LeCoffre, LeCoffreError, verifyProofBundle } from '@lecoffre/sdk';
import { WebhookVerificationError, webhooks } from '@lecoffre/sdk/node';
${SDK_TYPES}`,
    body: SDK_BODY,
    expected: ({ files }) => ({ proofOk: true, files, event: 'folder.created', forged: 'invalid_webhook_signature', folders: 'function' }),
  },
  {
    name: '@lecoffre/widgets',
    installs: ['@lecoffre/proof', '@lecoffre/sdk', '@lecoffre/widgets'],
    cjs: false,
    lib: ['ES2023', 'DOM', 'DOM.Iterable'],
    imports: `import { LeCoffre } from '@lecoffre/sdk';
import { LeCoffreUpload } from '@lecoffre/widgets/upload';`,
    body: WIDGETS_BODY,
    expected: () => ({
      definedFirst: ['lecoffre-upload'],
      typed: true,
      same: true,
      defined: ['lecoffre-folder', 'lecoffre-upload', 'lecoffre-folder-list'],
      base: 'function',
      connect: 'function',
      client: 'function',
    }),
  },
];

/** The module resolutions checked, each with the `module` it goes with. */
const RESOLUTIONS = {
  nodenext: { module: 'nodenext', moduleResolution: 'nodenext' },
  node16: { module: 'node16', moduleResolution: 'node16' },
  bundler: { module: 'preserve', moduleResolution: 'bundler' },
} as const;
export type Resolution = keyof typeof RESOLUTIONS;
export const RESOLUTION_NAMES = Object.keys(RESOLUTIONS) as Resolution[];

/** The consumer project's files: package.json, the programs and one tsconfig per resolution. */
export function consumerFiles(consumer: Consumer, typeRoots: string): Record<string, string> {
  const sources = ['consumer.mts', ...(consumer.cjs ? ['consumer.cts'] : [])];
  const files: Record<string, string> = {
    'package.json': `${JSON.stringify({ name: 'lecoffre-pack-consumer', private: true, type: 'module' }, null, 2)}\n`,
    'consumer.mts': `${consumer.imports}\n\nasync function main(bundlePath: string): Promise<void> {${consumer.body}\n}\n\nawait main(process.argv[2]);\n`,
  };
  if (consumer.cjs) {
    files['consumer.cts'] =
      `${consumer.imports}\n\nasync function main(bundlePath: string): Promise<void> {${consumer.body}\n}\n\n` +
      'main(process.argv[2]).catch((error) => {\n  console.error(error);\n  process.exitCode = 1;\n});\n';
  }
  for (const [name, options] of Object.entries(RESOLUTIONS)) {
    const compilerOptions = {
      ...options,
      target: 'ES2022',
      lib: consumer.lib,
      strict: true,
      // Our declaration files are checked once, in full (a name they use but do not declare would otherwise
      // quietly become `any`); the other two resolutions check what resolves, at a fraction of the time.
      skipLibCheck: name !== 'nodenext',
      typeRoots: [typeRoots],
      types: ['node'],
      ...(name === 'nodenext' ? { outDir: 'out', rootDir: '.' } : { noEmit: true }),
    };
    // A bundler project is ESM; the CommonJS program is checked under the two Node resolutions.
    const include = name === 'bundler' ? ['consumer.mts'] : sources;
    files[`tsconfig.${name}.json`] = `${JSON.stringify({ compilerOptions, include }, null, 2)}\n`;
  }
  return files;
}

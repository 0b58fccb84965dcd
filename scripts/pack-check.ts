/**
 * `npm run pack:check [-- proof sdk widgets] [--no-build]`: the published packages as a vendor installs them.
 * Builds, packs each publishable workspace, lints the tarballs (publint, attw), then for each package makes a
 * fresh project outside the repository, installs the local tarballs together (nothing @lecoffre/* from a
 * registry), checks the install budgets, type-checks a program using the public API under three module
 * resolutions, runs it as ESM and CommonJS, and runs `npx @lecoffre/proof verify` on real proof bundles.
 * Prints a table and the time taken; exits 1 with every violation spelled out.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONSUMERS, type Consumer, consumerFiles, RESOLUTION_NAMES } from './pack-check/consumers.js';
import { lintTarball } from './pack-check/lint.js';
import { diskBytes, formatBytes, installedPackages, table } from './pack-check/measure.js';
import { type ProofBundles, writeProofBundles } from './pack-check/proof-bundles.js';
import { CheckFailed, cleanEnv, mustRun, run, since } from './pack-check/run.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TSC = path.join(ROOT, 'node_modules/typescript/bin/tsc');

/**
 * What installing the SDK may cost a vendor: itself included, its whole node_modules. The proof verifier
 * it carries reads RFC 3161 tokens (CMS, X.509) with pkijs and asn1js (about 3.5 MB with their three
 * small dependencies: @noble/hashes, @peculiar/utils, bytestreamjs): 8 packages, where hand-written ASN.1
 * would weigh less and deserve less trust. The SDK's own declarations carry the documented contract (every
 * operation's description and examples, once for ESM and once for CommonJS): 8 MB in all.
 */
const SDK_BUDGET = { packages: 8, bytes: 8_000_000 };
/** The widgets' direct dependencies, exactly; React only as an optional peer (for the React wrappers). */
const WIDGETS_DEPENDENCIES = ['@lecoffre/sdk', '@lit/context', 'lit'];
const WIDGETS_OPTIONAL_PEERS = ['react'];
const INSTALL_FLAGS = ['--prefer-offline', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error'];

interface Row {
  tarball: string;
  installed: string;
  disk: string;
  cells: Record<string, string>;
}

const failures: string[] = [];

/** Runs one check; a failure is recorded with its package and what went wrong, and the next check runs. */
async function check(row: Row, column: string, what: string, body: () => Promise<string | undefined>): Promise<void> {
  const started = performance.now();
  try {
    row.cells[column] = (await body()) ?? `ok ${since(started)}`;
  } catch (error) {
    row.cells[column] = 'FAIL';
    const message = error instanceof CheckFailed || error instanceof assert.AssertionError ? error.message : String(error);
    failures.push(`${what}: ${message}`);
  }
}

/** "N files, size" of each tarball, for the table. */
const tarballSizes = new Map<string, string>();

async function pack(names: string[], into: string): Promise<Map<string, string>> {
  const workspaces = names.flatMap((name) => ['--workspace', name]);
  const stdout = await mustRun('npm pack', 'npm', ['pack', '--json', '--pack-destination', into, ...workspaces], ROOT);
  const packed = JSON.parse(stdout.slice(stdout.indexOf('['))) as Array<{
    name: string;
    filename: string;
    size: number;
    entryCount: number;
  }>;
  const tarballs = new Map<string, string>();
  for (const entry of packed) {
    tarballs.set(entry.name, path.join(into, entry.filename.replace(/^@/, '').replace('/', '-')));
    tarballSizes.set(entry.name, `${entry.entryCount} files, ${formatBytes(entry.size)}`);
  }
  return tarballs;
}

async function checkConsumer(consumer: Consumer, tarballs: Map<string, string>, bundles: ProofBundles, work: string, row: Row) {
  const dir = path.join(work, `consumer-${consumer.name.split('/')[1]}`);
  await mkdir(dir);
  for (const [file, text] of Object.entries(consumerFiles(consumer, path.join(ROOT, 'node_modules/@types')))) {
    await writeFile(path.join(dir, file), text);
  }
  const env = cleanEnv();
  const installed = await check(row, 'install', `${consumer.name}: npm install of the tarballs`, async () => {
    const files = consumer.installs.map((name) => tarballs.get(name) ?? '');
    await mustRun('npm install', 'npm', ['install', ...INSTALL_FLAGS, ...files], dir, env);
    return undefined;
  }).then(() => row.cells.install !== 'FAIL');
  if (!installed) return;

  await check(row, 'budget', `${consumer.name}: install budget`, async () => {
    const packages = await installedPackages(path.join(dir, 'node_modules'));
    const bytes = await diskBytes(path.join(dir, 'node_modules'));
    row.installed = String(packages.length);
    row.disk = formatBytes(bytes);
    const lock = JSON.parse(await readFile(path.join(dir, 'node_modules/.package-lock.json'), 'utf8')) as {
      packages: Record<string, { resolved?: string }>;
    };
    for (const name of consumer.installs) {
      const resolved = lock.packages[`node_modules/${name}`]?.resolved ?? '';
      assert.ok(resolved.startsWith('file:'), `${name} must come from its local tarball, came from ${resolved || 'nowhere'}`);
    }
    if (consumer.name === '@lecoffre/sdk') {
      const list = packages.map((p) => `${p.name}@${p.version}`).join(', ');
      assert.ok(
        packages.length <= SDK_BUDGET.packages,
        `@lecoffre/sdk installs ${packages.length} packages (budget ${SDK_BUDGET.packages}): ${list}`,
      );
      assert.ok(bytes <= SDK_BUDGET.bytes, `@lecoffre/sdk takes ${formatBytes(bytes)} on disk (budget ${formatBytes(SDK_BUDGET.bytes)})`);
    }
    if (consumer.name === '@lecoffre/widgets') {
      const manifest = JSON.parse(await readFile(path.join(dir, 'node_modules/@lecoffre/widgets/package.json'), 'utf8')) as {
        dependencies?: Record<string, string>;
        peerDependencies?: Record<string, string>;
        peerDependenciesMeta?: Record<string, { optional?: boolean }>;
      };
      assert.deepEqual(Object.keys(manifest.dependencies ?? {}).sort(), WIDGETS_DEPENDENCIES, '@lecoffre/widgets direct dependencies');
      assert.deepEqual(Object.keys(manifest.peerDependencies ?? {}).sort(), WIDGETS_OPTIONAL_PEERS, '@lecoffre/widgets peers');
      for (const peer of WIDGETS_OPTIONAL_PEERS)
        assert.equal(manifest.peerDependenciesMeta?.[peer]?.optional, true, `${peer} is an optional peer`);
    }
    return undefined;
  });

  for (const resolution of RESOLUTION_NAMES) {
    await check(row, resolution, `${consumer.name}: tsc under moduleResolution ${resolution}`, async () => {
      await mustRun('tsc', process.execPath, [TSC, '-p', `tsconfig.${resolution}.json`], dir, env);
      return undefined;
    });
  }
  const programs: Array<['esm' | 'cjs', string]> = [
    ['esm', 'out/consumer.mjs'],
    ...(consumer.cjs ? [['cjs', 'out/consumer.cjs'] as ['cjs', string]] : []),
  ];
  for (const [column, program] of programs) {
    await check(row, column, `${consumer.name}: the ${column.toUpperCase()} program`, async () => {
      const stdout = await mustRun(column, process.execPath, [program, bundles.valid], dir, env);
      assert.deepEqual(JSON.parse(stdout.trim().split('\n').at(-1) ?? ''), consumer.expected({ files: bundles.documents }));
      return undefined;
    });
  }
  if (consumer.name === '@lecoffre/proof') await checkCli(dir, bundles, env, row);
}

/**
 * `npx @lecoffre/proof verify` from the installed package: the intact (local-dev) bundle exits 3, a warning
 * (0 is for a checked public anchor only), 1 naming the culprit, 2 on usage.
 */
async function checkCli(dir: string, bundles: ProofBundles, env: NodeJS.ProcessEnv, row: Row) {
  await check(row, 'cli', '@lecoffre/proof: npx @lecoffre/proof verify', async () => {
    const verify = (bundle: string) => run('npx', ['--no', '@lecoffre/proof', 'verify', bundle], dir, env);
    const valid = await verify(bundles.valid);
    assert.equal(valid.code, 3, `an intact local-dev bundle exits 3 (warning)\n${valid.stdout}${valid.stderr}`);
    assert.match(valid.stdout, /\[OK\]/, 'the valid bundle lists its documents as OK');
    const tampered = await verify(bundles.tampered);
    assert.equal(tampered.code, 1, `a tampered bundle exits 1\n${tampered.stdout}${tampered.stderr}`);
    assert.ok(tampered.stdout.includes(`[MODIFIÉ / MODIFIED] ${bundles.tamperedDocument}`), `the culprit is named\n${tampered.stdout}`);
    const missing = await verify(path.join(dir, 'absent.zip'));
    assert.equal(missing.code, 2, 'an unreadable file exits 2');
    return undefined;
  });
}

async function main(): Promise<number> {
  const started = performance.now();
  const args = process.argv.slice(2).filter((arg) => arg !== '--');
  const wanted = args.filter((arg) => !arg.startsWith('--'));
  const consumers = CONSUMERS.filter((c) => wanted.length === 0 || wanted.some((w) => c.name.endsWith(`/${w}`)));
  if (consumers.length === 0) throw new Error(`No package matches ${wanted.join(', ')} (proof, sdk, widgets).`);
  if (!args.includes('--no-build')) {
    const building = performance.now();
    await mustRun('build', 'npm', ['run', 'build'], ROOT);
    // custom-elements.json is generated, and the widgets' package ships it.
    await mustRun('custom elements manifest', 'npm', ['run', 'analyze'], ROOT);
    console.log(`Built in ${since(building)}.`);
  }
  const work = await mkdtemp(path.join(tmpdir(), 'lecoffre-pack-'));
  try {
    const names = [...new Set(consumers.flatMap((c) => c.installs))];
    const packing = performance.now();
    const tarballs = await pack(names, work);
    const bundles = await writeProofBundles(work);
    console.log(`Packed ${names.join(', ')} and wrote the proof bundles in ${since(packing)}.`);
    const rows = new Map<string, Row>();
    for (const consumer of consumers) {
      const row: Row = { tarball: tarballSizes.get(consumer.name) ?? '', installed: '', disk: '', cells: {} };
      rows.set(consumer.name, row);
      const tarball = tarballs.get(consumer.name) ?? '';
      await check(row, 'lint', `${consumer.name}: publint and attw`, async () => {
        const { publint, attw } = await lintTarball(consumer.name, tarball, work);
        assert.ok(publint === '' && attw === '', [publint && `publint:\n${publint}`, attw].filter(Boolean).join('\n'));
        return undefined;
      });
      await checkConsumer(consumer, tarballs, bundles, work, row);
    }
    const columns = ['lint', 'install', 'budget', ...RESOLUTION_NAMES, 'esm', 'cjs', 'cli'];
    const header = ['package', 'tarball', 'packages', 'on disk', ...columns];
    const body = [...rows].map(([name, row]) => [name, row.tarball, row.installed, row.disk, ...columns.map((c) => row.cells[c] ?? '-')]);
    console.log(`\n${table(header, body)}\n`);
    console.log(
      `Budgets: @lecoffre/sdk <= ${SDK_BUDGET.packages} packages and <= ${formatBytes(SDK_BUDGET.bytes)}; widgets depend on ${WIDGETS_DEPENDENCIES.join(', ')} only.`,
    );
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  for (const failure of failures) console.error(`\n✗ ${failure}`);
  console.log(`\npack:check ${failures.length === 0 ? 'passed' : `FAILED (${failures.length})`} in ${since(started)}`);
  return failures.length === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error instanceof CheckFailed ? error.message : error);
    process.exitCode = 1;
  },
);

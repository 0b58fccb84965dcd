// `npm run build`: the published packages, each into its own dist/, and the widgets' browser bundle the
// API serves under /assets/.
//   proof/dist    index.js (ESM), index.cjs (CommonJS), *.d.ts / *.d.cts, cli.js (`npx @lecoffre/proof verify`)
//   sdk/dist      index.js / node.js (ESM), index.cjs / node.cjs, *.d.ts / *.d.cts, and browser/lecoffre.min.js
//                 (minified ESM with every dependency inlined; the proof verifier is a chunk loaded on demand)
//   widgets/dist  index.js (every element), react.js, and one entry per element: folder.js, upload.js,
//                 folder-list.js, completion-bar.js (ESM for bundlers: lit, @lit/context, the SDK and react
//                 stay imports), each with its .d.ts
//   dist/widgets  self-contained bundles for the API's /assets/: lecoffre-loader.js (each element on first
//                 use), lecoffre-widgets.js (every element at once),
//                 pages/<name>.js (one per hosted page), chunks/ (shared code, what loads on demand)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { dts } from 'rollup-plugin-dts';
import esbuild from 'rollup-plugin-esbuild';
import { widgetEntries } from './scripts/widget-entries.mjs';
import { workspaceSources, workspaceSourcesPlugin } from './scripts/workspace-aliases.mjs';

// Node >= 20 and the browsers of the last few years; async generators and private fields are native there.
const TARGET = 'es2022';

/** A package's dependencies (and peers) stay imports: npm installs them once, deduplicated, for the vendor. */
function externalsOf(dir) {
  const manifest = JSON.parse(readFileSync(new URL(`./${dir}/package.json`, import.meta.url), 'utf8'));
  const names = [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})];
  return (id) => id.startsWith('node:') || names.some((name) => id === name || id.startsWith(`${name}/`));
}

const compile = (dir) => esbuild({ target: TARGET, tsconfig: `${dir}/tsconfig.json` });

/** ESM (.js) and CommonJS (.cjs) of the same entries, shared code in chunks. */
const dual = (dir) => [
  { dir: `${dir}/dist`, format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js', sourcemap: true },
  // Without `exports: 'named'`, CommonJS callers would need `.default` for nothing: every export is named.
  {
    dir: `${dir}/dist`,
    format: 'cjs',
    entryFileNames: '[name].cjs',
    chunkFileNames: 'chunks/[name]-[hash].cjs',
    sourcemap: true,
    exports: 'named',
  },
];

/**
 * A declaration file has no side effects, yet rollup-plugin-dts keeps `import 'pkg';` for a dependency
 * whose types were all shaken out. Such a line would still make a consumer's compiler load that package's
 * declarations (pkijs's need the DOM library): dropped.
 */
function dropBareImports() {
  return {
    name: 'lecoffre-drop-bare-imports',
    renderChunk: (code) => ({ code: code.replace(/^import '[^']+';\n/gm, ''), map: null }),
  };
}

/** Types bundled once, written twice: `.d.ts` next to the ESM files, `.d.cts` next to the CommonJS ones. */
const types = (dir, input) => ({
  input,
  external: externalsOf(dir),
  plugins: [dts({ tsconfig: `${dir}/tsconfig.json` }), dropBareImports()],
  output: ['d.ts', 'd.cts'].map((extension) => ({
    dir: `${dir}/dist`,
    format: 'es',
    entryFileNames: `[name].${extension}`,
    chunkFileNames: `chunks/[name]-[hash].${extension}`,
  })),
});

/**
 * A package's entries, from the workspace aliases (tsconfig.base.json's `paths`): `@lecoffre/widgets` is
 * `index`, `@lecoffre/widgets/upload` is `upload`. Each is an `exports` path of the package's package.json,
 * which test/packages/entries.test.ts holds to the same list.
 */
function entriesOf(name) {
  return Object.fromEntries(
    Object.entries(workspaceSources)
      .filter(([alias]) => alias === name || alias.startsWith(`${name}/`))
      .map(([alias, file]) => [alias === name ? 'index' : alias.slice(name.length + 1), path.relative('.', file)]),
  );
}

const PROOF_ENTRIES = entriesOf('@lecoffre/proof');
const SDK_ENTRIES = entriesOf('@lecoffre/sdk');
// Besides the one registering every element, one entry per element: a bundler then takes only the elements
// a page imports (`@lecoffre/widgets/upload`), the code they share going to common chunks.
const WIDGETS_ENTRIES = entriesOf('@lecoffre/widgets');

/** The widgets and every top-level page script (one list with the API's in-memory bundle: scripts/widget-entries.mjs). */
const HOSTED_ENTRIES = Object.fromEntries(Object.entries(widgetEntries()).map(([name, file]) => [name, path.relative('.', file)]));

const browserBundle = [workspaceSourcesPlugin(), nodeResolve({ browser: true }), terser({ format: { comments: false } })];

export default [
  // canonicalize is published as ESM only: inlined (a few dozen lines) so that the CommonJS build can load it.
  { input: PROOF_ENTRIES, external: externalsOf('proof'), plugins: [compile('proof'), nodeResolve()], output: dual('proof') },
  {
    input: { cli: 'proof/cli.ts' },
    external: externalsOf('proof'),
    plugins: [compile('proof'), nodeResolve()],
    output: { dir: 'proof/dist', format: 'es', banner: '#!/usr/bin/env node', sourcemap: true, chunkFileNames: 'chunks/[name]-[hash].js' },
  },
  // Apart, so that no shared declaration chunk carries the tsa entry's pkijs types into the main entry.
  types('proof', { index: PROOF_ENTRIES.index }),
  types('proof', { tsa: PROOF_ENTRIES.tsa }),
  { input: SDK_ENTRIES, external: externalsOf('sdk'), plugins: [compile('sdk')], output: dual('sdk') },
  {
    input: { 'lecoffre.min': 'sdk/index.ts' },
    plugins: [compile('sdk'), ...browserBundle],
    // A directory: the proof verifier is a chunk of its own, fetched by the page only if it verifies a bundle.
    output: { dir: 'sdk/dist/browser', format: 'es', chunkFileNames: '[name]-[hash].min.js', sourcemap: true },
  },
  types('sdk', SDK_ENTRIES),
  {
    input: WIDGETS_ENTRIES,
    external: externalsOf('widgets'),
    // hash-wasm (streaming SHA-256 above 256 MB) is inlined in a chunk loaded on demand, and @lit/react (a
    // 2 kB factory without state of its own) into react.js: neither is an install for vendors. React is a peer.
    plugins: [compile('widgets'), nodeResolve({ browser: true })],
    output: { dir: 'widgets/dist', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js', sourcemap: true },
  },
  {
    input: WIDGETS_ENTRIES,
    external: externalsOf('widgets'),
    // respectExternal: @lit/react's types (EventName, ReactWebComponent) are inlined like its code.
    plugins: [dts({ tsconfig: 'widgets/tsconfig.json', respectExternal: true })],
    output: { dir: 'widgets/dist', format: 'es', entryFileNames: '[name].d.ts', chunkFileNames: 'chunks/[name]-[hash].d.ts' },
  },
  {
    input: HOSTED_ENTRIES,
    plugins: [compile('widgets'), ...browserBundle],
    output: { dir: 'dist/widgets', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js', sourcemap: true },
  },
];

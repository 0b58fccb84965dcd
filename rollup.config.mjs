// `npm run build`: the publishable bundles. The SDK goes to dist/sdk:
//   index.js / node.js (ESM), index.cjs / node.cjs (CommonJS), *.d.ts / *.d.cts (types),
//   browser/lecoffre.min.js (minified ESM with every dependency inlined, for <script type="module">; the
//   proof verifier is a chunk beside it, loaded on demand).
// The widgets go to dist/widgets: lecoffre-widgets.js (every element), pages/<name>.js (one per hosted page),
// chunks/ (lit, the SDK client and what loads on demand, such as hash-wasm); the API serves them under /assets/
// in production (api/http/hosted/widget-assets.ts bundles the same entries with esbuild elsewhere).
import { readdirSync, readFileSync } from 'node:fs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { dts } from 'rollup-plugin-dts';
import esbuild from 'rollup-plugin-esbuild';

const SDK_OUT = 'dist/sdk';
const SDK_ENTRIES = { index: 'sdk/index.ts', node: 'sdk/node.ts' };
// For Node and bundlers, runtime dependencies (svix, fflate…) stay imports: the package's dependencies
// provide them, once, deduplicated. Only the browser build inlines what it uses.
const { dependencies } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const SDK_EXTERNAL = (id) => Object.keys(dependencies).some((name) => id === name || id.startsWith(`${name}/`));
// Node >= 20 and the browsers of the last few years; async generators and private fields are native there.
const TARGET = 'es2022';

const WIDGETS_OUT = 'dist/widgets';
/** Same entries as widgetEntries() in api/http/hosted/widget-assets.ts: the widgets, and each top-level page script. */
const WIDGET_ENTRIES = {
  'lecoffre-widgets': 'widgets/index.ts',
  ...Object.fromEntries(
    readdirSync('widgets/pages')
      .filter((file) => file.endsWith('.ts') && !file.includes('.test.'))
      .map((file) => [`pages/${file.slice(0, -3)}`, `widgets/pages/${file}`]),
  ),
};

/** Each entry's code once, shared code in chunks, for ESM (.js) or CommonJS (.cjs). */
const sdkOutput = (format, extension) => ({
  dir: SDK_OUT,
  format,
  entryFileNames: `[name].${extension}`,
  chunkFileNames: `chunks/[name]-[hash].${extension}`,
  sourcemap: true,
  // Without it, CommonJS callers would need `.default` for nothing: every export is named.
  ...(format === 'cjs' ? { exports: 'named' } : {}),
});

/** Types bundled once, written twice: `.d.ts` next to the ESM files, `.d.cts` next to the CommonJS ones. */
const sdkTypesOutput = (extension) => ({
  dir: SDK_OUT,
  format: 'es',
  entryFileNames: `[name].${extension}`,
  chunkFileNames: `chunks/[name]-[hash].${extension}`,
});

export default [
  {
    input: SDK_ENTRIES,
    external: SDK_EXTERNAL,
    plugins: [esbuild({ target: TARGET, tsconfig: 'tsconfig.json' })],
    output: [sdkOutput('es', 'js'), sdkOutput('cjs', 'cjs')],
  },
  {
    input: { 'lecoffre.min': 'sdk/index.ts' },
    plugins: [
      nodeResolve({ browser: true }),
      esbuild({ target: TARGET, tsconfig: 'tsconfig.json' }),
      terser({ format: { comments: false } }),
    ],
    // A directory: the proof verifier is a chunk of its own, fetched by the page only if it verifies a bundle.
    output: { dir: `${SDK_OUT}/browser`, format: 'es', chunkFileNames: '[name]-[hash].min.js', sourcemap: true },
  },
  {
    input: WIDGET_ENTRIES,
    plugins: [
      nodeResolve({ browser: true }),
      esbuild({ target: TARGET, tsconfig: 'tsconfig.json' }),
      terser({ format: { comments: false } }),
    ],
    output: { dir: WIDGETS_OUT, format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js', sourcemap: true },
  },
  {
    input: SDK_ENTRIES,
    external: SDK_EXTERNAL,
    plugins: [dts({ tsconfig: 'tsconfig.json' })],
    output: [sdkTypesOutput('d.ts'), sdkTypesOutput('d.cts')],
  },
];

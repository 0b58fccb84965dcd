import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildOptions, Plugin } from 'esbuild';

/**
 * The API reference's browser bundle (`/docs/reference.js`): Redoc, React, MobX and styled-components,
 * built by us with esbuild rather than taken as Redoc's standalone bundle. Why: the standalone bundle
 * carries styled-components 5, whose CSP nonce is webpack's `__webpack_nonce__`, compiled to `void 0`
 * inside it, so its `<style>` elements could only run under `style-src 'unsafe-inline'`. Built here,
 * Redoc's library build (`redoc.browser.lib.js`, its dependencies left as imports) takes our
 * styled-components 6, which reads the nonce from `<meta property="csp-nonce">`: every `<style>` it
 * injects carries the page's per-response nonce; so does the one `<style>` of Redoc's own style loader
 * (edited below).
 *
 * One build for both uses: `npm run build` writes it to dist/reference/ (scripts/build-reference.ts),
 * served in production and by the compiled server; elsewhere the API builds it in memory on the first
 * request, as it does the widgets, so `npm start` needs no build step.
 */
const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REFERENCE_ENTRY = path.join(HERE, 'reference-page.browser.ts');

/**
 * Three edits to Redoc's library build, each for the policy. The replaced texts are Redoc 2.5.4's (pinned
 * exactly in api/package.json): another version fails the build here, loudly, rather than shipping a page
 * that breaks the policy or silently differs.
 */
const EDITS: ReadonlyArray<{ why: string; from: string; to: string }> = [
  {
    // Its own webpack style loader injects the scrollbar's CSS as the module loads, before Redoc's `nonce`
    // option could reach it: webpack's nonce starts as the page's nonce instead of `void 0`.
    why: 'the style loader nonce',
    from: 'r.nc=void 0',
    to: 'r.nc=document.querySelector(\'meta[property="csp-nonce"]\')?.nonce||void 0',
  },
  {
    // The search index runs in a Web Worker made from a `blob:` URL, else on the page. The policy refuses
    // `blob:` workers (`worker-src` falls back to `script-src 'self'`) and the refusal arrives after
    // construction, too late for Redoc's fallback: the bundle takes the in-page index directly (the spec's
    // few dozen operations index in milliseconds).
    why: 'the search worker',
    from: 'if(s)try{e=r(303)}catch(t){e=r(353).Ay}else e=r(353).Ay',
    to: 'e=r(353).Ay',
  },
  {
    // The side menu's attribution shows Redocly's logo from their CDN: the policy loads nothing from other
    // origins, and reading our reference should not tell a third party who reads it. The text link stays.
    why: 'the attribution logo',
    from: 't?e.createElement("img",{alt:"redocly logo",onError:()=>r(!1),src:"https://cdn.redoc.ly/redoc/logo-mini.svg"}):null',
    to: 'null',
  },
];

const editForThePolicy: Plugin = {
  name: 'lecoffre-redoc-for-the-policy',
  setup(build) {
    build.onLoad({ filter: /[\\/]redoc[\\/]bundles[\\/]redoc\.browser\.lib\.js$/ }, async (args) => {
      let source = await readFile(args.path, 'utf8');
      for (const edit of EDITS) {
        if (source.split(edit.from).length !== 2) {
          throw new Error(`${args.path}: ${edit.why} was not found once; check the edits in reference-bundle.ts`);
        }
        source = source.replace(edit.from, edit.to);
      }
      return { contents: source, loader: 'js' };
    });
  },
};

/** esbuild's options; `write: false` for the API's in-memory copy, an `outdir` for `npm run build`. */
export function referenceBuildOptions(): BuildOptions {
  return {
    entryPoints: { reference: REFERENCE_ENTRY },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
    // React, MobX and styled-components choose their production builds (and quiet dev warnings) on this.
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [editForThePolicy],
  };
}

/** The bundle in memory, keyed by its path under /docs (`/reference.js`). */
export async function bundleReference(): Promise<Map<string, Buffer>> {
  // esbuild comes with tsx, a development dependency: loaded only when the API builds the page itself.
  const esbuild = await import('esbuild');
  const result = await esbuild.build({ ...referenceBuildOptions(), write: false, outdir: '/docs' });
  return new Map(result.outputFiles.map((file) => [file.path.slice('/docs'.length), Buffer.from(file.contents)]));
}

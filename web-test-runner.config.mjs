// Browser tests (`*.browser.test.ts`) in a real headless Chromium. `npm test` runs them through
// test/run.ts; `npx wtr` alone works too.
import { writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { tsImport } from 'tsx/esm/api';
import { workspaceSources } from './scripts/workspace-aliases.mjs';

const ROOT_DIR = fileURLToPath(new URL('.', import.meta.url));

// One place decides which Chromium and which flags (shared with the Playwright end-to-end tests).
const { findChromium, CHROMIUM_ARGS } = await tsImport('./test/support/chromium.ts', import.meta.url);
// The real API, started on first use in this process, and the tests' dev-only fixture routes (/__lecoffre/).
const { browserApiPlugin, fixtureMiddleware } = await tsImport('./test/support/browser-api.ts', import.meta.url);

/**
 * Writes `{ passed, failed }` to $LECOFFRE_WTR_RESULTS for test/run.ts: WTR's own summary is not
 * alone on a line. A file that failed to load or threw outside a test counts as one failure.
 */
function countingReporter() {
  return {
    async onTestRunFinished({ sessions }) {
      const destination = process.env.LECOFFRE_WTR_RESULTS;
      if (!destination) return;
      let passed = 0;
      let failed = 0;
      const walk = (suite) => {
        for (const test of suite.tests) {
          if (test.skipped) continue;
          if (test.passed) passed += 1;
          else failed += 1;
        }
        for (const child of suite.suites) walk(child);
      };
      for (const session of sessions) {
        const before = failed;
        if (session.testResults) walk(session.testResults);
        if (!session.passed && failed === before) failed += 1;
      }
      await writeFile(destination, JSON.stringify({ passed, failed }));
    },
  };
}

/**
 * `react` is CommonJS, which a browser cannot import: served as one ES module (esbuild, from the installed
 * package), with its exports named, for the React wrappers' test (widgets/react.browser.test.ts).
 */
function reactAsModule() {
  const PATH = '/__react-as-module.js';
  let bundled;
  return {
    name: 'lecoffre-react-as-module',
    resolveImport: ({ source }) => (source === 'react' ? PATH : undefined),
    async serve(context) {
      if (context.path !== PATH) return undefined;
      bundled ??= (async () => {
        const { createRequire } = await import('node:module');
        // The production build: the development one patches `console`, which the runner has replaced.
        const require = createRequire(import.meta.url);
        const production = new URL('cjs/react.production.js', pathToFileURL(require.resolve('react/package.json')));
        const names = Object.keys(require(fileURLToPath(production))).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name));
        const esbuild = await import('esbuild');
        const result = await esbuild.build({
          stdin: {
            contents: `import React from 'react';\nexport default React;\nexport const { ${names.join(', ')} } = React;`,
            resolveDir: ROOT_DIR,
          },
          bundle: true,
          format: 'esm',
          write: false,
          define: { 'process.env.NODE_ENV': '"production"' },
        });
        return result.outputFiles[0].text;
      })();
      return { body: await bundled, type: 'js' };
    },
  };
}

export default {
  rootDir: ROOT_DIR,
  files: ['widgets/**/*.browser.test.ts', '!**/node_modules/**'],
  nodeResolve: true,
  // Without this, esbuild ignores experimentalDecorators/useDefineForClassFields and lit's
  // reactive properties would be shadowed by class fields.
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./widgets/tsconfig.json', import.meta.url)) }),
    // The widgets import the SDK by its package name: serve its sources, as the build does.
    {
      name: 'lecoffre-workspace-sources',
      resolveImport: ({ source }) => (workspaceSources[source] ? `/${relative(ROOT_DIR, workspaceSources[source])}` : undefined),
    },
    reactAsModule(),
    browserApiPlugin(),
  ],
  middleware: [fixtureMiddleware],
  browsers: [chromeLauncher({ launchOptions: { executablePath: await findChromium(), args: CHROMIUM_ARGS } })],
  reporters: [defaultReporter(), countingReporter()],
  // Dev mode stays on (it adds checks); its banner in every test file is noise.
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  testFramework: { config: { timeout: 8000 } },
  // Each file holds one Chromium page against one API: two at a time suit the 2-core machines.
  concurrency: 2,
};

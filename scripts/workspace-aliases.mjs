// The repository's packages by their published names, mapped to their TypeScript sources: the `paths` of
// tsconfig.base.json (which tsc, tsx and esbuild read themselves), for the tools that do not (rollup, the
// browser test server). One list, read from one file.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = new URL('../', import.meta.url);
const { compilerOptions } = JSON.parse(readFileSync(new URL('tsconfig.base.json', ROOT), 'utf8'));

/** `{ '@lecoffre/sdk': '/abs/sdk/index.ts', … }` */
export const workspaceSources = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([name, [target]]) => [name, fileURLToPath(new URL(target, ROOT))]),
);

/** A rollup plugin that compiles the packages from source instead of resolving their (unbuilt) dist. */
export function workspaceSourcesPlugin() {
  return {
    name: 'lecoffre-workspace-sources',
    resolveId(source) {
      return workspaceSources[source] ?? null;
    },
  };
}

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
// @ts-expect-error a plain JavaScript module without declarations, shared with rollup.config.mjs
import { workspaceSources } from '../../scripts/workspace-aliases.mjs';

/** The first ES module target of an `exports` entry: a string, or under `import` / `default`. */
function moduleTarget(entry: unknown): string | undefined {
  if (typeof entry === 'string') return entry;
  if (entry && typeof entry === 'object') {
    const conditions = entry as Record<string, unknown>;
    return moduleTarget(conditions.import) ?? moduleTarget(conditions.default);
  }
  return undefined;
}

/**
 * The repository imports each package by the names in tsconfig.base.json's `paths`; the build makes one
 * entry per name (rollup.config.mjs); a vendor imports what package.json `exports`. The three must agree, or
 * an entry is built that no vendor can import, or exported and never built.
 */
describe('published entries', () => {
  for (const dir of ['proof', 'sdk', 'widgets']) {
    it(`@lecoffre/${dir}: every workspace name is exported, as the file the build writes, and every built entry is named`, async () => {
      const manifest = JSON.parse(await readFile(new URL(`../../${dir}/package.json`, import.meta.url), 'utf8')) as {
        name: string;
        exports: Record<string, unknown>;
      };
      const aliases = Object.keys(workspaceSources as Record<string, string>)
        .filter((alias) => alias === manifest.name || alias.startsWith(`${manifest.name}/`))
        .map((alias) => {
          const entry = alias === manifest.name ? 'index' : alias.slice(manifest.name.length + 1);
          return `${alias === manifest.name ? '.' : `./${entry}`} -> ./dist/${entry}.js`;
        });
      // Exports of built entries sit at the top of dist/; the others (a self-contained browser bundle,
      // package.json, custom-elements.json) are not entries of that build.
      const exported = Object.entries(manifest.exports)
        .map(([subpath, entry]) => [subpath, moduleTarget(entry)] as const)
        .filter(([, target]) => target !== undefined && /^\.\/dist\/[^/]+\.js$/.test(target))
        .map(([subpath, target]) => `${subpath} -> ${target}`);
      assert.deepEqual(exported.sort(), aliases.sort());
    });
  }
});

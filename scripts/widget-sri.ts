/**
 * `tsx scripts/widget-sri.ts [--check]`: the Subresource Integrity hashes (sha384) of the widgets' entry
 * files as the production build wrote them (dist/widgets), published in widgets/README.md with the
 * versioned URL the API serves them under (`/assets/v<version>/`). Run by `npm run build`, which rewrites
 * the README's block; `--check` only compares and fails if the README is stale. The API test
 * (api/http/hosted/widget-assets-versioned.test.ts) checks the README against the bytes the API serves.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { widgetsVersion } from './widget-entries.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const WIDGETS_README = path.join(ROOT, 'widgets', 'README.md');
/** What a vendor embeds, the documented one first; the pages' scripts are the API's own. */
export const PUBLISHED_ENTRIES = ['lecoffre-loader.js', 'lecoffre-widgets.js'];
const START = '<!-- sri:start (written by scripts/widget-sri.ts from the production build; do not edit) -->';
const END = '<!-- sri:end -->';

export function sri(bytes: Buffer | Uint8Array): string {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

/** The README's block: one script tag per entry, with its versioned URL and hash. */
export function sriBlock(version: string, hashes: Record<string, string>): string {
  const tags = Object.entries(hashes).map(
    ([file, hash]) =>
      `<script type="module" src="https://api.lecoffre.fr/assets/v${version}/${file}"\n        integrity="${hash}"\n        crossorigin="anonymous"></script>`,
  );
  return [START, '```html', ...tags, '```', END].join('\n');
}

/** `{ 'lecoffre-widgets.js': 'sha384-…' }` as the README states it, or undefined without a block. */
export function publishedHashes(readme: string): Record<string, string> | undefined {
  const block = readme.slice(readme.indexOf(START), readme.indexOf(END));
  if (!block.startsWith(START)) return undefined;
  return Object.fromEntries([...block.matchAll(/\/assets\/v[^/]+\/([^"]+)"\s+integrity="([^"]+)"/g)].map((match) => [match[1], match[2]]));
}

function main(): number {
  const distDir = path.join(ROOT, 'dist', 'widgets');
  const hashes = Object.fromEntries(PUBLISHED_ENTRIES.map((file) => [file, sri(readFileSync(path.join(distDir, file)))]));
  const readme = readFileSync(WIDGETS_README, 'utf8');
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${WIDGETS_README} has no SRI block (${START} … ${END})`);
  const updated = `${readme.slice(0, start)}${sriBlock(widgetsVersion(), hashes)}${readme.slice(end + END.length)}`;
  if (process.argv.includes('--check')) {
    if (updated === readme) return 0;
    console.error(`${path.relative(ROOT, WIDGETS_README)}: the SRI hashes do not match dist/widgets; run \`npm run build\`.`);
    return 1;
  }
  if (updated !== readme) writeFileSync(WIDGETS_README, updated);
  console.log(`SRI of ${PUBLISHED_ENTRIES.join(', ')} (v${widgetsVersion()}) in ${path.relative(ROOT, WIDGETS_README)}`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) process.exitCode = main();

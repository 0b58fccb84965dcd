/**
 * Pictures against the committed baselines (test/visual/baselines/<name>.png).
 *
 * Threshold: pixelmatch's per-pixel colour distance 0.1 (its default, in YIQ space) with anti-aliased
 * pixels detected and not counted: the same Chromium drawing the same page with the same font in software
 * (no GPU) gives identical bytes run after run (checked: two runs, 0 differing pixels), so the threshold
 * only absorbs edge smoothing that another CPU's rasteriser may do differently.
 * Max differing pixels: 0. A one-pixel border, a wrapped word or a moved icon is exactly what the suite
 * guards; a larger allowance would let those through.
 *
 * `LECOFFRE_SCREENSHOTS=accept` (`npm run screenshots:accept`) writes the new pictures as baselines
 * instead. A failed comparison writes `<name>.actual.png` and `<name>.diff.png` (differences in red) to
 * test/visual/output/ (git-ignored) and names them in the failure.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

export const BASELINE_DIR = fileURLToPath(new URL('../baselines/', import.meta.url));
export const OUTPUT_DIR = fileURLToPath(new URL('../output/', import.meta.url));
export const PIXEL_THRESHOLD = 0.1;
export const MAX_DIFF_PIXELS = 0;

export const accepting = () => process.env.LECOFFRE_SCREENSHOTS === 'accept';

/** Compares (or, when accepting, stores) one picture; answers a failure message, or undefined when it matches. */
export async function compareWithBaseline(name: string, actual: Buffer): Promise<string | undefined> {
  const baselineFile = path.join(BASELINE_DIR, `${name}.png`);
  if (accepting()) {
    await mkdir(BASELINE_DIR, { recursive: true });
    await writeFile(baselineFile, actual);
    return undefined;
  }
  const saved = await readFile(baselineFile).catch(() => undefined);
  await mkdir(OUTPUT_DIR, { recursive: true });
  const actualFile = path.join(OUTPUT_DIR, `${name}.actual.png`);
  if (!saved) {
    await writeFile(actualFile, actual);
    return `${name}: no baseline (${path.relative(process.cwd(), baselineFile)}); picture in ${actualFile}. New screen? npm run screenshots:accept`;
  }
  const expected = PNG.sync.read(saved);
  const got = PNG.sync.read(actual);
  if (expected.width !== got.width || expected.height !== got.height) {
    await writeFile(actualFile, actual);
    return `${name}: ${got.width}×${got.height} px, baseline ${expected.width}×${expected.height} px; picture in ${actualFile}`;
  }
  const diff = new PNG({ width: got.width, height: got.height });
  const differing = pixelmatch(expected.data, got.data, diff.data, got.width, got.height, { threshold: PIXEL_THRESHOLD, includeAA: false });
  if (differing <= MAX_DIFF_PIXELS) return undefined;
  const diffFile = path.join(OUTPUT_DIR, `${name}.diff.png`);
  await writeFile(actualFile, actual);
  await writeFile(diffFile, PNG.sync.write(diff));
  return `${name}: ${differing} pixels differ from the baseline (allowed ${MAX_DIFF_PIXELS}); see ${diffFile} and ${actualFile}`;
}

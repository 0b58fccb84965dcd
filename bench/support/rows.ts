import { readFile } from 'node:fs/promises';

/**
 * One row of `npm run bench`'s table: a figure of the product against its baseline measured in the same
 * run, the ratio the goal is stated on, and the machine's load while it was measured. Every benchmark
 * prints `{"bench": name, "rows": BenchRow[], ...}` as its last line; bench/run.ts gathers them.
 */
export interface BenchRow {
  figure: string;
  product: string;
  baseline: string;
  /** product / baseline, in the direction the goal is stated (higher is better for ">=" goals). */
  ratio: number;
  goal: string;
  /** null: a figure shown beside the others for reference, with no goal of its own. */
  met: boolean | null;
  /** 1-minute load averages read during the row's rounds, e.g. "2.1/2.4/2.3". */
  load: string;
}

export async function loadavg(): Promise<string> {
  return (await readFile('/proc/loadavg', 'utf8')).split(' ')[0] ?? '?';
}

export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/**
 * `npx tsx bench/support/profile-summary.ts <file.cpuprofile> [top]`: self time by function and by package
 * (node_modules/<name>, or the repository folder), the two views that say where a request's CPU goes.
 */
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
const [file, topArg] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file as string, 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const self = new Map<number, number>();
profile.samples.forEach((id, i) => {
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const byFunction = new Map<string, number>();
const byPackage = new Map<string, number>();
let total = 0;
for (const node of profile.nodes) {
  const us = self.get(node.id) ?? 0;
  total += us;
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url.replace(/^file:\/\//, '').replace(process.cwd(), '');
  const pkg =
    /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(where)?.[1] ?? (where.split('/').slice(0, 3).join('/') || `(${functionName || 'native'})`);
  byFunction.set(
    `${functionName || '(anonymous)'} ${where}:${lineNumber}`,
    (byFunction.get(`${functionName || '(anonymous)'} ${where}:${lineNumber}`) ?? 0) + us,
  );
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
}
const top = Number(topArg ?? 25);
const show = (title: string, m: Map<string, number>) => {
  console.log(`\n${title} (total ${(total / 1000).toFixed(0)} ms)`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`${((v / total) * 100).toFixed(1).padStart(5)}%  ${(v / 1000).toFixed(0).padStart(6)} ms  ${k}`);
};
show('self time by package', byPackage);
show('self time by function', byFunction);

/**
 * `npm run test:busy`: the README's test command with every core kept busy by another process, as on a shared
 * CI runner. The suite's limits scale with the load average (test/support/patience.ts) and its waits are on
 * events, so it must pass here as it does on an idle machine, only slower. Arguments go to `npm test`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';

const hogs: ChildProcess[] = [];
for (let i = 0; i < availableParallelism(); i++) {
  // A tight loop at normal priority: it competes for the cores like another engineer's build would.
  hogs.push(spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
}
const stopHogs = () => {
  for (const hog of hogs) hog.kill('SIGKILL');
};
process.on('exit', stopHogs);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));

console.log(
  `test:busy: ${hogs.length} busy processes beside the suite (load average now ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')})`,
);
const started = Date.now();
const suite = spawn('npm', ['test', '--', ...process.argv.slice(2)], { stdio: 'inherit' });
suite.on('exit', (code, signal) => {
  stopHogs();
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  console.log(
    `test:busy: npm test ended (${signal ?? `exit ${code}`}) after ${minutes} min beside ${hogs.length} busy processes; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  process.exit(code ?? 1);
});

import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * CPU time of processes, from Linux's /proc: what a benchmark round cost each side (the Node process, and the
 * PostgreSQL cluster behind it), which a shared machine disturbs far less than the wall clock does.
 */
const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

interface ProcStat {
  ppid: number;
  cpuSeconds: number;
  /** CPU seconds of the children it has waited for (cutime + cstime). */
  childrenCpuSeconds: number;
}

async function procStat(pid: number | 'self'): Promise<ProcStat | undefined> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  if (!stat) return undefined;
  // Fields after the command name (which may hold spaces and parentheses): ppid is field 4, utime 14,
  // stime 15, cutime 16, cstime 17.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return {
    ppid: Number(fields[1]),
    cpuSeconds: (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS,
    childrenCpuSeconds: (Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS,
  };
}

/** CPU seconds (user + system, all threads) a process has used so far. */
export async function processCpuSeconds(pid: number): Promise<number> {
  const stat = await procStat(pid);
  if (!stat) throw new Error(`no process ${pid}`);
  return stat.cpuSeconds;
}

/** CPU seconds used so far by this process's children that have exited (clients it ran, such as curl). */
export async function exitedChildrenCpuSeconds(): Promise<number> {
  const stat = await procStat('self');
  if (!stat) throw new Error('no /proc/self/stat');
  return stat.childrenCpuSeconds;
}

/**
 * CPU seconds used so far by a PostgreSQL cluster: its postmaster (named in `<pgDir>/postmaster.pid`) and
 * every process it forked (backends, WAL writer, checkpointer…). A backend that exited is not counted, so
 * read this around a round that keeps its connections open.
 */
export async function clusterCpuSeconds(pgDir: string): Promise<number> {
  const postmaster = Number((await readFile(path.join(pgDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
  let total = (await procStat(postmaster))?.cpuSeconds ?? 0;
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await procStat(Number(entry));
    if (stat?.ppid === postmaster) total += stat.cpuSeconds;
  }
  return total;
}

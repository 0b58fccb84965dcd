import { readFile, writeFile } from 'node:fs/promises';
import { exitedChildrenCpuSeconds, processCpuSeconds } from './process-cpu.js';

/**
 * A server process watched while a benchmark's work runs against it: its CPU time, its resident memory
 * (sampled, and the kernel's own high-water mark), and the CPU time of the clients the benchmark ran.
 */

export interface Timing {
  /** Wall-clock seconds. */
  seconds: number;
  /** CPU seconds (user + system): unlike wall time, barely moved by other work on a shared machine. */
  cpuSeconds: number;
}

/** What `measured` reports of one run, beside the work's own result. */
export interface Measured extends Timing {
  /** CPU seconds of the child processes (clients) the benchmark waited for during the run. */
  clientCpuSeconds: number;
  /** Peak RSS growth of the server over the run, and its RSS before, in bytes. */
  serverRssGrowth: number;
  serverRssBase: number;
}

/** VmRSS or VmHWM of a process, in bytes (Linux /proc). */
export async function procMemory(pid: number, field: 'VmRSS' | 'VmHWM'): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1];
  if (!kb) throw new Error(`no ${field} in /proc/${pid}/status`);
  return Number(kb) * 1024;
}

/** Resets the kernel's RSS high-water mark (VmHWM) so it covers one phase only; false where not allowed. */
async function resetPeakRss(pid: number): Promise<boolean> {
  try {
    await writeFile(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs `work` while watching the server's CPU time and RSS (sampled every 10 ms, and the kernel's own
 * high-water mark where it can be reset), and the CPU time of the clients it ran.
 */
export async function measured<T>(serverPid: number, work: () => Promise<T>): Promise<Measured & { result: T }> {
  const serverBase = await procMemory(serverPid, 'VmRSS');
  const hwmReset = await resetPeakRss(serverPid);
  const cpuBefore = await processCpuSeconds(serverPid);
  const clientCpuBefore = await exitedChildrenCpuSeconds();
  let serverPeak = serverBase;
  const sample = async () => {
    serverPeak = Math.max(serverPeak, await procMemory(serverPid, 'VmRSS').catch(() => 0));
  };
  const timer = setInterval(() => void sample(), 10);
  const started = process.hrtime.bigint();
  try {
    const result = await work();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const cpuSeconds = (await processCpuSeconds(serverPid)) - cpuBefore;
    const clientCpuSeconds = (await exitedChildrenCpuSeconds()) - clientCpuBefore;
    await sample();
    if (hwmReset) serverPeak = Math.max(serverPeak, await procMemory(serverPid, 'VmHWM'));
    return {
      result,
      seconds,
      cpuSeconds,
      clientCpuSeconds,
      serverRssGrowth: serverPeak - serverBase,
      serverRssBase: serverBase,
    };
  } finally {
    clearInterval(timer);
  }
}

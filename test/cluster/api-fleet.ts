/**
 * The API processes of the cluster: the compiled entry as `npm run start:prod` runs it
 * (`node dist/server/api/main.js`, the API alone, no demo host), each on its own port, all on one
 * PostgreSQL, one S3 bucket, one SMTP server and one master key.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVER_ENTRY } from './server-build.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const READY_LINE = 'LeCoffre is ready';

export interface ApiProcess {
  name: string;
  port: number;
  child: ChildProcess;
  /** What the process reported: from its entry running to ready (module loading excluded). */
  readyInMs?: number;
  output(): string;
}

export class ApiFleet {
  private readonly running = new Map<string, ApiProcess>();
  /** Everything each process printed, across its restarts: a failure report shows it. */
  private readonly logs = new Map<string, string>();

  /** `logDir`: each process's output is also appended to `<logDir>/<name>.log`, kept when a run fails. */
  constructor(
    private readonly env: Record<string, string>,
    readonly backends: Array<{ name: string; port: number }>,
    private readonly logDir: string,
  ) {}

  process(name: string): ApiProcess {
    const found = this.running.get(name);
    if (!found) throw new Error(`${name} is not running`);
    return found;
  }

  /** Starts `name` and resolves once it printed its ready banner (its job runners run, /readyz is 200). */
  async start(name: string): Promise<ApiProcess> {
    const backend = this.backends.find((b) => b.name === name);
    if (!backend) throw new Error(`no backend ${name}`);
    const child = spawn(process.execPath, [SERVER_ENTRY], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...this.env, PORT: String(backend.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    appendFileSync(path.join(this.logDir, `${name}.log`), `--- ${name} started at ${new Date().toISOString()}\n`);
    const append = (chunk: Buffer) => {
      out += chunk;
      this.logs.set(name, (this.logs.get(name) ?? '') + chunk);
      appendFileSync(path.join(this.logDir, `${name}.log`), chunk);
    };
    child.stdout?.on('data', append);
    child.stderr?.on('data', append);
    const started: ApiProcess = { name, port: backend.port, child, output: () => out };
    this.running.set(name, started);
    await new Promise<void>((resolve, reject) => {
      const onData = () => {
        if (!out.includes(READY_LINE)) return;
        cleanup();
        resolve();
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
        cleanup();
        reject(new Error(`${name} exited with ${code ?? signal} before it was ready:\n${out}`));
      };
      const cleanup = () => {
        child.stdout?.off('data', onData);
        child.stderr?.off('data', onData);
        child.off('exit', onExit);
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', onExit);
    });
    const banner = /LeCoffre is ready in (\d+) ms/.exec(out);
    started.readyInMs = banner ? Number(banner[1]) : undefined;
    return started;
  }

  /**
   * Sends `signal` and resolves when the process is gone, with the time its exit was observed and its
   * exit code (a graceful SIGTERM exits 0).
   */
  async stop(name: string, signal: 'SIGKILL' | 'SIGTERM'): Promise<{ exitedAt: number; code: number | null }> {
    const victim = this.process(name);
    const exited = once(victim.child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
    victim.child.kill(signal);
    const [code] = await exited;
    const exitedAt = Date.now();
    this.running.delete(name);
    return { exitedAt, code };
  }

  log(name: string): string {
    return this.logs.get(name) ?? '';
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.running.keys()].map((name) => this.stop(name, 'SIGTERM').catch(() => undefined)));
  }

  /** Last resort (a failed run): nothing of ours outlives the test. */
  killAll(): void {
    for (const p of this.running.values()) p.child.kill('SIGKILL');
  }
}

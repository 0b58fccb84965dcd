/**
 * HAProxy from the distribution, in front of the API processes: its configuration (written into the run's
 * temporary directory), the process in the foreground, its log read line by line (request lines and the
 * health checks' DOWN/UP transitions) and its stats socket.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { EventEmitter, once } from 'node:events';
import { open, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';

export interface Backend {
  name: string;
  port: number;
}

/** One request as HAProxy logged it (see `LOG_FORMAT`). */
export interface LoggedRequest {
  /** Epoch ms when the request's first byte arrived (accept date + handshake + idle time). */
  startedAt: number;
  /** Epoch ms when HAProxy closed the stream. */
  endedAt: number;
  /** The last server tried, `<NOSRV>` when none was. */
  server: string;
  status: number;
  /** HAProxy's termination state: `--` normal, `S?` the server side aborted, `C?` the client did. */
  termination: string;
  /** Connection retries HAProxy made (a `+` prefix in the log means it redispatched). */
  retries: string;
  method: string;
  path: string;
  /** The load generator's attempt id (X-Cluster-Attempt), when it sent one. */
  attempt: string | undefined;
  /** The client's source port: which of the load generator's connections carried the request. */
  clientPort: number;
}

export interface HealthTransition {
  at: number;
  server: string;
  state: 'UP' | 'DOWN';
  line: string;
}

export const ATTEMPT_HEADER = 'X-Cluster-Attempt';

/**
 * One line per request: accept date (s + ms), handshake and idle times (to get the request's own start),
 * total time, server, status, termination state, retries, client port, the attempt header, method and path.
 */
const LOG_FORMAT = 'REQ %Ts %ms %Th %Ti %Tt %s %ST %ts %rc %cp %hr %HM %HP';
const REQUEST_LINE = /^REQ (\d+) (\d+) (-?\d+) (-?\d+) (-?\d+) (\S+) (-?\d+) (\S+) (\S+) (\d+) \{([^}]*)\} (\S+) (\S+)/;
const HEALTH_LINE = /Server be_api\/(\S+) is (UP|DOWN)\b/;

/**
 * The balancer's configuration. What each setting is for is told in docs/operations.md (## Scale);
 * the short version is inline.
 */
export function haproxyConfig(options: {
  port: number;
  statsSocket: string;
  backends: Backend[];
  checkTimeoutMs: number;
  /** How long a client or a server may stay silent: 120 s in production (docs/operations.md), scaled by the test. */
  idleTimeoutMs?: number;
}): string {
  const idle = options.idleTimeoutMs ?? 120_000;
  return [
    'global',
    // Foreground (-db): the log goes to stdout, one line per request and per health transition. HAProxy
    // writes it without blocking and drops a line the pipe cannot take at once: stdout is a file here, so
    // a busy test process reading slowly loses no line (a pipe lost dozens under load).
    '  log stdout format raw local0',
    `  stats socket ${options.statsSocket} mode 600 level admin`,
    '  maxconn 2000',
    '',
    'defaults',
    '  mode http',
    '  log global',
    '  timeout connect 2s',
    `  timeout client ${idle}ms`,
    `  timeout server ${idle}ms`,
    '  timeout http-request 30s',
    // A connection refused (a process just killed, or draining) is tried again on another server: the
    // request had not been sent, safe for any method. Not `empty-response`: tried here, it ran POSTs twice
    // on a starved machine (a replayed copy ran while the first, on a live process, had released or
    // outlived its Idempotency-Key claim), see docs/operations.md. The SDK retries what was cut.
    '  retries 3',
    '  retry-on conn-failure',
    '  option redispatch 1',
    '',
    'frontend fe_api',
    `  bind 127.0.0.1:${options.port}`,
    `  capture request header ${ATTEMPT_HEADER} len 64`,
    `  log-format "${LOG_FORMAT}"`,
    '  default_backend be_api',
    '',
    'backend be_api',
    '  balance leastconn',
    // One connection per request to a server: no idle server connection that a process closing (or dying)
    // could cut just as a request is sent on it.
    '  option http-server-close',
    '  option httpchk',
    '  http-check send meth GET uri /readyz',
    '  http-check expect status 200',
    // Down after 2 failed checks 300 ms apart, up after 2 good ones: a dead or draining process leaves the
    // pool within about a second; a connection refused before that is retried elsewhere anyway.
    // A check answered slowly is not a dead process: 3 s on an idle machine (scaled to the test machine's
    // load: a readiness check that times out on a busy machine takes a live process out of the pool).
    `  timeout check ${options.checkTimeoutMs}ms`,
    '  default-server inter 300ms fastinter 300ms downinter 300ms fall 2 rise 2',
    ...options.backends.map((b) => `  server ${b.name} 127.0.0.1:${b.port} check`),
    '',
  ].join('\n');
}

/** The path of haproxy, installing the distribution's package when it is missing and we are root. */
export function ensureHaproxy(): string {
  const which = () => spawnSync('sh', ['-c', 'command -v haproxy'], { encoding: 'utf8' }).stdout.trim();
  let found = which();
  if (found) return found;
  if (process.getuid?.() !== 0) {
    throw new Error('haproxy is not installed: run `apt-get install -y haproxy` (Debian) as root, then run this again.');
  }
  console.log('haproxy is missing: apt-get install -y haproxy');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'haproxy']]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed with ${result.status ?? result.signal}`);
  }
  found = which();
  if (!found) throw new Error('apt-get installed haproxy but it is not on the PATH');
  return found;
}

export class Haproxy extends EventEmitter<{ health: [HealthTransition] }> {
  readonly requests: LoggedRequest[] = [];
  readonly transitions: HealthTransition[] = [];
  /** Log lines that are neither requests nor health transitions (start-up warnings, alerts). */
  readonly otherLines: string[] = [];

  private readonly logReader: LogFollower;

  private constructor(
    private readonly child: ChildProcess,
    private readonly statsSocket: string,
    readonly url: string,
    readonly logFile: string,
  ) {
    super();
    // The log (requests, health transitions) is in `logFile`, read as it grows; stderr repeats the
    // transitions as warnings and says why haproxy would not start.
    this.logReader = new LogFollower(logFile, (line) => this.read(line));
    if (child.stderr) createInterface({ input: child.stderr }).on('line', (line) => this.otherLines.push(line));
  }

  static async start(
    binary: string,
    dir: string,
    port: number,
    backends: Backend[],
    checkTimeoutMs: number,
    idleTimeoutMs?: number,
  ): Promise<Haproxy> {
    const statsSocket = path.join(dir, 'haproxy.sock');
    const configFile = path.join(dir, 'haproxy.cfg');
    const logFile = path.join(dir, 'haproxy.log');
    await writeFile(configFile, haproxyConfig({ port, statsSocket, backends, checkTimeoutMs, idleTimeoutMs }));
    const check = spawnSync(binary, ['-c', '-f', configFile], { encoding: 'utf8' });
    if (check.status !== 0) throw new Error(`haproxy refused its configuration:\n${check.stdout}${check.stderr}`);
    const log = await open(logFile, 'a');
    const child = spawn(binary, ['-db', '-f', configFile], { stdio: ['ignore', log.fd, 'pipe'] });
    await log.close();
    const proxy = new Haproxy(child, statsSocket, `http://127.0.0.1:${port}`, logFile);
    // Ready once its stats socket answers: it binds its listeners before it opens the socket.
    const exited = once(child, 'exit').then(([code]) => {
      throw new Error(`haproxy exited with ${code}:\n${proxy.otherLines.join('\n')}`);
    });
    await Promise.race([proxy.waitForSocket(), exited]);
    return proxy;
  }

  private async waitForSocket(): Promise<void> {
    for (;;) {
      try {
        await this.command('show info');
        return;
      } catch {
        // The socket appears once haproxy has parsed its configuration and bound its listeners.
        await sleep(50);
      }
    }
  }

  private read(line: string): void {
    const request = REQUEST_LINE.exec(line);
    if (request) {
      const [, ts, ms, th, ti, tt, server, status, termination, retries, clientPort, captured, method, pathname] = request;
      const accepted = Number(ts) * 1000 + Number(ms);
      this.requests.push({
        startedAt: accepted + Math.max(0, Number(th)) + Math.max(0, Number(ti)),
        endedAt: accepted + Math.max(0, Number(tt)),
        server,
        status: Number(status),
        termination,
        retries,
        method,
        path: pathname,
        attempt: captured || undefined,
        clientPort: Number(clientPort),
      });
      return;
    }
    const health = HEALTH_LINE.exec(line);
    if (health) {
      const transition: HealthTransition = { at: Date.now(), server: health[1], state: health[2] as 'UP' | 'DOWN', line };
      this.transitions.push(transition);
      this.emit('health', transition);
      return;
    }
    this.otherLines.push(line);
  }

  /** Resolves once HAProxy logs `server` going to `state` (after `since`, an index into `transitions`). */
  waitForState(server: string, state: 'UP' | 'DOWN', since = 0): Promise<HealthTransition> {
    const seen = this.transitions.slice(since).find((t) => t.server === server && t.state === state);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => {
      const listener = (t: HealthTransition) => {
        if (t.server !== server || t.state !== state) return;
        this.off('health', listener);
        resolve(t);
      };
      this.on('health', listener);
    });
  }

  /** `show stat` for the backend's servers: status (UP, DOWN, …) and current sessions. */
  async serverStats(): Promise<Map<string, { status: string; current: number; total: number }>> {
    const csv = await this.command('show stat');
    const lines = csv.split('\n').filter(Boolean);
    const header = (lines[0] ?? '').replace(/^# /, '').split(',');
    const column = (name: string) => header.indexOf(name);
    const stats = new Map<string, { status: string; current: number; total: number }>();
    for (const line of lines.slice(1)) {
      const cells = line.split(',');
      if (cells[column('pxname')] !== 'be_api' || cells[column('svname')] === 'BACKEND') continue;
      stats.set(cells[column('svname')], {
        status: cells[column('status')],
        current: Number(cells[column('scur')]),
        total: Number(cells[column('stot')]),
      });
    }
    return stats;
  }

  /**
   * One command on the stats socket. HAProxy may close a socket connection as it accepts it (a starved
   * process: EPIPE, ECONNRESET): the command is read-only, so it is sent again, a few times.
   */
  async command(text: string): Promise<string> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.commandOnce(text);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (attempt >= 5 || !(code === 'EPIPE' || code === 'ECONNRESET')) throw error;
        await sleep(100 * attempt);
      }
    }
  }

  private commandOnce(text: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = net.createConnection(this.statsSocket);
      let answer = '';
      socket.setEncoding('utf8');
      socket.on('connect', () => socket.end(`${text}\n`));
      socket.on('data', (chunk: string) => {
        answer += chunk;
      });
      socket.on('end', () => resolve(answer));
      socket.on('error', reject);
    });
  }

  /** Reads the log to its current end: every request HAProxy has finished so far is in `requests`. */
  flushLog(): Promise<void> {
    return this.logReader.readNow();
  }

  /** Log lines HAProxy could not write (`show info` DroppedLogs): must stay 0 for the checks to be whole. */
  async droppedLogs(): Promise<number> {
    const match = /^DroppedLogs: (\d+)$/m.exec(await this.command('show info'));
    return match ? Number(match[1]) : Number.NaN;
  }

  async stop(): Promise<void> {
    this.logReader.stop();
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = once(this.child, 'exit');
    this.child.kill('SIGTERM');
    await exited;
  }
}

/**
 * Follows a file that another process appends to, line by line: read every 100 ms (health transitions are
 * then seen at most that late), and on demand.
 */
class LogFollower {
  private offset = 0;
  private partial = '';
  private reading: Promise<void> = Promise.resolve();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly file: string,
    private readonly onLine: (line: string) => void,
  ) {
    this.timer = setInterval(() => void this.readNow(), 100);
  }

  readNow(): Promise<void> {
    // A failed read is reported by the next flush's caller through the missing lines; it must not stop
    // the following reads (nor surface as an unhandled rejection from the timer).
    this.reading = this.reading.then(() => this.readMore()).catch((error: unknown) => console.error('haproxy log:', error));
    return this.reading;
  }

  private async readMore(): Promise<void> {
    const handle = await open(this.file, 'r');
    try {
      for (;;) {
        const chunk = Buffer.alloc(1 << 20);
        const { bytesRead } = await handle.read(chunk, 0, chunk.length, this.offset);
        if (bytesRead === 0) return;
        this.offset += bytesRead;
        const lines = (this.partial + chunk.subarray(0, bytesRead).toString('utf8')).split('\n');
        this.partial = lines.pop() ?? '';
        for (const line of lines) this.onLine(line);
      }
    } finally {
      await handle.close();
    }
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

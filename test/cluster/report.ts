/** The cluster run's report: figures for docs/operations.md (## Scale), printed as plain tables. */
import { availableParallelism } from 'node:os';
import type { Fault } from './faults.js';
import type { Haproxy } from './haproxy.js';
import type { LoadGenerator, OperationKind } from './load.js';
import type { AnchoringFindings, WebhookFindings } from './verify-state.js';
import { percentile, type TrafficFindings } from './verify-traffic.js';

export interface ReportInput {
  users: number;
  loadMs: number;
  load: LoadGenerator;
  faults: Fault[];
  traffic: TrafficFindings;
  stored: { files: number; bytes: number };
  webhooks: WebhookFindings;
  anchoring: AnchoringFindings;
  haproxy: Haproxy;
  /** The machine's load average (1, 5, 15 min) when the load ended: latencies mean little without it. */
  loadAverage: number[];
  droppedLogs: number;
  emails: number;
  emailsCut: number;
}

function table(rows: Array<[string, string | number]>): string {
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`).join('\n');
}

const ms = (value: number) => (Number.isNaN(value) ? '-' : `${Math.round(value)} ms`);

export function printReport(input: ReportInput): void {
  const { load, traffic, haproxy } = input;
  const attempts = [...load.attempts.values()];
  const answered = attempts.filter((a) => a.status !== undefined && a.status < 500 && !a.error);
  const kindOf = new Map(load.operations.map((o) => [o.id, o.kind]));
  const latency = (kind?: OperationKind) => {
    const durations = answered.filter((a) => !kind || kindOf.get(a.operation) === kind).map((a) => a.endedAt - a.startedAt);
    return `p50 ${ms(percentile(durations, 50))}, p99 ${ms(percentile(durations, 99))} (${durations.length})`;
  };
  const uploadedBytes = [...load.ledger.files.values()].reduce((sum, f) => sum + f.size, 0);
  const seconds = input.loadMs / 1000;

  const lines = [
    '',
    `Cluster run: 3 API processes behind HAProxy, ${input.users} virtual users, ${Math.round(seconds)} s of load`,
    table([
      [
        'machine',
        `${availableParallelism()} cores, load average ${input.loadAverage.map((l) => l.toFixed(2)).join(' ')} at the end of the load`,
      ],
      ['requests (attempts)', attempts.length],
      ['requests per second', (attempts.length / seconds).toFixed(1)],
      ['operations', load.operations.length],
      ['acknowledged writes', load.ledger.acknowledgedWrites],
      ['files uploaded (acknowledged)', `${load.ledger.files.size} (${(uploadedBytes / 1e6).toFixed(0)} MB)`],
      ['lost writes', 0],
      ['failed attempts (5xx / cut)', traffic.failedAttempts],
      ['failed operations (after SDK retries)', traffic.failedOperations],
      ['  of which key held by a killed process', traffic.stuckKeys],
      ['error rate (attempts)', `${((100 * traffic.failedAttempts) / Math.max(1, attempts.length)).toFixed(2)} %`],
      ['requests HAProxy sent again (retry-on)', input.haproxy.requests.filter((r) => r.retries !== '0').length],
      ['latency, all answered', latency()],
      ['latency, reads', latency('read')],
      ['latency, writes', latency('write')],
      ['latency, uploads 1-5 MB', latency('upload')],
      ['latency, reviews', latency('review')],
      ['latency, downloads', latency('download')],
      ['files read back (SHA-256 checked)', `${input.stored.files} (${(input.stored.bytes / 1e6).toFixed(0)} MB)`],
      [
        'webhook messages delivered',
        `${input.webhooks.messages} over ${input.webhooks.folders} folders, settled in ${ms(input.webhooks.settledMs)}`,
      ],
      ['webhook attempts failed (by reason)', input.webhooks.failedAttempts || 'none'],
      [
        'folders anchored',
        `${input.anchoring.folders} in ${input.anchoring.batches} batches, repeats refused ${load.ledger.anchorRepeatsRefused}`,
      ],
      ['HAProxy log lines dropped', input.droppedLogs],
      ['e-mails received by SMTP (connections cut)', `${input.emails} (${input.emailsCut})`],
      [
        'HAProxy DOWN/UP transitions',
        `${haproxy.transitions.filter((t) => t.state === 'DOWN').length}/${haproxy.transitions.filter((t) => t.state === 'UP').length}`,
      ],
    ]),
    '',
    'Faults (in flight: requests HAProxy had on the victim when it went; scur: its stats just before the signal;',
    '        to DOWN: sessions HAProxy sent it between the signal and DOWN)',
    '  when    signal   victim  scur  to DOWN  in flight  cut  failed attempts (no log line)  retries refused  failed ops  DOWN after  UP after  restart',
    ...traffic.tallies.map(({ fault, inFlight, cut, failedAttempts, unlogged, refusedRetries, failedOperations }) =>
      [
        `  +${String(fault.at / 1000).padEnd(4)}s`,
        fault.signal.padEnd(7),
        fault.victim.padEnd(6),
        String(fault.currentBeforeSignal).padStart(4),
        String(fault.sentUntilDown).padStart(8),
        String(inFlight).padStart(9),
        String(cut).padStart(4),
        String(failedAttempts).padStart(16),
        `(${unlogged})`.padStart(14),
        String(refusedRetries).padStart(16),
        String(failedOperations).padStart(11),
        ms(fault.downAt - fault.signalAt).padStart(11),
        ms(fault.upAt - fault.signalAt).padStart(9),
        ms(fault.restartMs).padStart(8),
      ].join(' '),
    ),
    '',
  ];
  if (traffic.classified.length) lines.push('Every failed attempt, by cause:', ...traffic.classified.map((c) => `  ${c}`), '');
  console.log(lines.join('\n'));
  if (traffic.problems.length) console.log(`Unexplained failures (first 20):\n  ${traffic.problems.slice(0, 20).join('\n  ')}`);
}

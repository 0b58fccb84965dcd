/**
 * The load: virtual users, each a notary's drafting software driving its own folders through the balancer
 * with the SDK and an office API key (folders, clients, requests, uploads of 1–5 MB, reviews, reads, and
 * "Valider et ancrer" on every third folder). Every HTTP attempt is recorded (the SDK retries: one
 * operation may take several attempts) and tagged with an id HAProxy logs, so each failure can be matched
 * with what the balancer saw. What the API acknowledged is kept in a ledger, checked afterwards.
 */
import { createHash, randomBytes } from 'node:crypto';
import diagnostics from 'node:diagnostics_channel';
import type { Socket } from 'node:net';
import { type DocumentFile, LeCoffre, LeCoffreError } from '@lecoffre/sdk/node';
import { patience } from '../support/patience.js';
import { ATTEMPT_HEADER } from './haproxy.js';

export type OperationKind = 'read' | 'write' | 'upload' | 'review' | 'anchor' | 'download';

export interface Attempt {
  id: string;
  operation: number;
  method: string;
  path: string;
  startedAt: number;
  endedAt: number;
  status?: number;
  /** The problem's `code` of a 4xx/5xx answer from the API. */
  code?: string;
  /** Set when no complete answer arrived (connection cut, body truncated). */
  error?: string;
  /**
   * The local port of the connection to HAProxy the request was written on (from undici's diagnostics
   * channel): a request that never reached HAProxy is matched with what happened last on its connection.
   */
  clientPort?: number;
}

export interface Operation {
  id: number;
  kind: OperationKind;
  name: string;
  startedAt: number;
  endedAt: number;
  ok: boolean;
  /** The SDK's error code or message, for a failed operation. */
  error?: string;
  attempts: string[];
}

export interface AcknowledgedFile {
  id: string;
  folderId: string;
  requestId: string;
  sha256: string;
  size: number;
  /** The last review the API acknowledged. */
  status: 'pending' | 'validated' | 'refused';
  /**
   * A review sent after it that got no answer (its connection cut): it may have committed or not, so
   * either state is right afterwards.
   */
  unanswered?: 'validated' | 'refused';
}

/** What the API acknowledged (a 2xx): every entry must be there afterwards. */
export interface Ledger {
  folders: Map<string, { number: string; clientId?: string; requestIds: string[] }>;
  files: Map<string, AcknowledgedFile>;
  /** Folders whose anchoring the API accepted (202), and how many anchor calls were refused as a repeat. */
  anchored: Set<string>;
  anchorRepeatsRefused: number;
  acknowledgedWrites: number;
}

const MB = 1_000_000;
const PDF_HEADER = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1');

/** A distinct PDF-headed file of 1 to 5 MB (incompressible: nothing on the way shrinks it). */
function pdfOf(random: () => number): { blob: Blob; sha256: string; size: number } {
  const size = Math.round(MB + random() * 4 * MB);
  const bytes = randomBytes(size);
  PDF_HEADER.copy(bytes, 0);
  return { blob: new Blob([bytes], { type: 'application/pdf' }), sha256: createHash('sha256').update(bytes).digest('hex'), size };
}

/** The `code` of a problem+json answer; HAProxy's own error pages are HTML and have none. */
function problemCode(body: ArrayBuffer): string | undefined {
  try {
    return (JSON.parse(Buffer.from(body).toString('utf8')) as { code?: string }).code;
  } catch {
    return undefined;
  }
}

export class LoadGenerator {
  readonly attempts = new Map<string, Attempt>();
  readonly operations: Operation[] = [];
  readonly ledger: Ledger = { folders: new Map(), files: new Map(), anchored: new Set(), anchorRepeatsRefused: 0, acknowledgedWrites: 0 };
  private stopping = false;
  private attemptCount = 0;

  constructor(
    private readonly baseUrl: string,
    private readonly apiKey: string,
  ) {}

  /** Runs `users` virtual users until `stop()`; resolves once each finished its current operation. */
  async run(users: number, stop: Promise<void>): Promise<void> {
    void stop.then(() => {
      this.stopping = true;
    });
    const onHeaders = (message: unknown) => {
      const { request, socket } = message as { request: { headers: string[] | string }; socket: Socket };
      const headers = Array.isArray(request.headers) ? request.headers : [];
      const at = headers.findIndex((h, i) => i % 2 === 0 && h.toLowerCase() === ATTEMPT_HEADER.toLowerCase());
      const attempt = at >= 0 ? this.attempts.get(headers[at + 1]) : undefined;
      if (attempt) attempt.clientPort = socket.localPort;
    };
    diagnostics.subscribe('undici:client:sendHeaders', onHeaders);
    try {
      await Promise.all(Array.from({ length: users }, (_, vu) => this.user(vu)));
    } finally {
      diagnostics.unsubscribe('undici:client:sendHeaders', onHeaders);
    }
  }

  /** An SDK client whose every attempt is recorded under `operation`. */
  private client(operation: Operation): LeCoffre {
    const recordingFetch: typeof fetch = async (input, init) => {
      const id = `a${++this.attemptCount}`;
      const url = new URL(input instanceof Request ? input.url : String(input));
      const attempt: Attempt = {
        id,
        operation: operation.id,
        method: init?.method ?? 'GET',
        path: url.pathname,
        startedAt: Date.now(),
        endedAt: 0,
      };
      this.attempts.set(id, attempt);
      operation.attempts.push(id);
      const headers = new Headers(init?.headers);
      headers.set(ATTEMPT_HEADER, id);
      try {
        const response = await fetch(input, { ...init, headers });
        // Read to the end here: an answer cut by a dying process fails this attempt, not a later parse.
        const body = await response.arrayBuffer();
        attempt.status = response.status;
        attempt.endedAt = Date.now();
        if (response.status >= 400) attempt.code = problemCode(body);
        const empty = response.status === 204 || response.status === 304;
        return new Response(empty ? null : body, { status: response.status, statusText: response.statusText, headers: response.headers });
      } catch (error) {
        attempt.endedAt = Date.now();
        attempt.error = (error as Error).cause ? String((error as Error).cause) : String(error);
        throw error;
      }
    };
    // Retries as a vendor would configure them, with the same Idempotency-Key on every retry.
    // The SDK's 60 s per attempt, scaled to the machine's load: a slow answer on a starved machine is not a fault.
    return new LeCoffre({ apiKey: this.apiKey, baseUrl: this.baseUrl, fetch: recordingFetch, maxRetries: 3, timeoutMs: patience(60_000) });
  }

  /**
   * One operation through its own client. Resolves with its result, or undefined when it failed (after the
   * SDK's retries); `expected` lists error codes that are an answer, not a failure.
   */
  private async operation<T>(
    kind: OperationKind,
    name: string,
    body: (sdk: LeCoffre) => Promise<T>,
    expected: string[] = [],
  ): Promise<{ value?: T; code?: string }> {
    const operation: Operation = { id: this.operations.length, kind, name, startedAt: Date.now(), endedAt: 0, ok: false, attempts: [] };
    this.operations.push(operation);
    try {
      const value = await body(this.client(operation));
      operation.ok = true;
      return { value };
    } catch (error) {
      const code = error instanceof LeCoffreError ? error.code : undefined;
      if (code && expected.includes(code)) {
        operation.ok = true;
        return { code };
      }
      operation.error = code ?? String(error);
      return {};
    } finally {
      operation.endedAt = Date.now();
    }
  }

  private async user(vu: number): Promise<void> {
    let seed = vu * 7919 + 1;
    // Deterministic per user, so a failing run can be replayed with the same sizes.
    const random = () => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    for (let round = 0; !this.stopping; round++) {
      await this.folderRound(vu, round, random);
    }
  }

  /** One folder from creation to review (and anchoring, one round in three); stops at the first failed write. */
  private async folderRound(vu: number, round: number, random: () => number): Promise<void> {
    const { ledger } = this;
    const number = `CL-${vu}-${round}`;
    const folder = await this.operation('write', 'folders.create', (sdk) =>
      sdk.folders.create({ number, title: `Succession cluster ${number}`, deedType: 'succession' }),
    );
    if (!folder.value) return;
    const folderId = folder.value.id;
    const entry = { number, requestIds: [] as string[], clientId: undefined as string | undefined };
    ledger.folders.set(folderId, entry);
    ledger.acknowledgedWrites++;

    const added = await this.operation('write', 'folders.addClient', (sdk) =>
      sdk.folders.addClient(folderId, {
        client: { lastName: 'Martin', firstName: 'Lucie', mobile: '06 26 59 72 92', email: `lucie.${vu}.${round}@example.fr` },
      }),
    );
    if (!added.value) return;
    entry.clientId = added.value.client.id;
    ledger.acknowledgedWrites++;

    const requested = await this.operation('write', 'documentRequests.create', (sdk) =>
      sdk.documentRequests.create(folderId, {
        clientId: added.value?.client.id as string,
        documents: [{ label: "Pièce d'identité" }, { label: "Avis d'imposition" }],
      }),
    );
    if (!requested.value) return;
    const [first, second] = requested.value.data.map((r) => r.id);
    entry.requestIds.push(first, second);
    ledger.acknowledgedWrites++;

    const upload = async (requestId: string): Promise<DocumentFile | undefined> => {
      const file = pdfOf(random);
      const sent = await this.operation('upload', 'documents.upload', (sdk) =>
        sdk.documents.upload(requestId, file.blob, { sha256: [file.sha256] }),
      );
      const stored = sent.value?.[0];
      if (!stored) return undefined;
      ledger.files.set(stored.id, { id: stored.id, folderId, requestId, sha256: file.sha256, size: file.size, status: 'pending' });
      ledger.acknowledgedWrites++;
      return stored;
    };
    const review = async (fileId: string, verdict: 'validated' | 'refused'): Promise<boolean> => {
      const done = await this.operation('review', verdict === 'validated' ? 'files.validate' : 'files.refuse', (sdk) =>
        verdict === 'validated'
          ? sdk.documents.validate(fileId)
          : sdk.documents.refuse(fileId, { reason: 'Document illisible, merci de le renvoyer.' }),
      );
      const known = ledger.files.get(fileId);
      if (!done.value) {
        if (known) known.unanswered = verdict;
        return false;
      }
      if (known) known.status = verdict;
      ledger.acknowledgedWrites++;
      return true;
    };

    const a = await upload(first);
    const b = a && (await upload(second));
    if (!a || !b) return;
    await this.operation('read', 'folders.retrieve', (sdk) => sdk.folders.retrieve(folderId));
    await this.operation('read', 'documentRequests.list', (sdk) => sdk.documentRequests.list(folderId).page());
    if (!(await review(a.id, 'validated')) || !(await review(b.id, 'refused'))) return;
    const again = await upload(second);
    if (!again || !(await review(again.id, 'validated'))) return;
    await this.operation('download', 'files.download', async (sdk) => {
      const blob = await sdk.documents.download(a.id);
      const sha = createHash('sha256')
        .update(Buffer.from(await blob.arrayBuffer()))
        .digest('hex');
      if (sha !== ledger.files.get(a.id)?.sha256) throw new Error(`downloaded ${a.id} with another SHA-256`);
    });
    await this.operation('read', 'folders.list', (sdk) => sdk.folders.list({}).page());

    if (round % 3 === 0) {
      // Two "Valider et ancrer" at once, as two tabs would send them: one is accepted, the other refused.
      const outcomes = await Promise.all(
        [0, 1].map(() => this.operation('anchor', 'folders.anchor', (sdk) => sdk.folders.anchor(folderId), ['folder_already_anchored'])),
      );
      if (outcomes.some((o) => o.value)) {
        ledger.anchored.add(folderId);
        ledger.acknowledgedWrites++;
      }
      ledger.anchorRepeatsRefused += outcomes.filter((o) => o.code === 'folder_already_anchored').length;
    }
  }
}

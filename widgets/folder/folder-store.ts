import type {
  AddFolderClientInput,
  BankDetails,
  CreateDocumentRequestsInput,
  DeedType,
  DocumentFile,
  DocumentRequest,
  DocumentType,
  Folder,
  Member,
  SetFolderAccessInput,
  SharedDocument,
  UpdateClientInput,
  UpdateFolderInput,
} from '@lecoffre/sdk';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { WidgetClient, WidgetConnection } from '../core/connection.js';
import { LiveController } from '../core/live.js';
import { noStoreClient } from './no-store-client.js';

export interface FolderStoreHost extends ReactiveControllerHost {
  readonly api: WidgetConnection | undefined;
}

export interface FolderStoreOptions {
  /** Between two reads of a folder being anchored. */
  pollIntervalMs: () => number;
  /** Called after every read or change, with the folder shown before (undefined on a fresh load). */
  changed: (folder: Folder, before: Folder | undefined) => void;
}

const MAX_REQUESTS = 1000;

/**
 * The data of one folder and every change the notary makes to it, as a reactive controller of
 * `<lecoffre-folder>`: each change goes to the API, then the store holds the server's answer (never a
 * local guess), and the host renders again. Inner elements get the data as properties and call the
 * store's methods; they only keep their own UI state (dialog open, busy, error shown).
 */
export class FolderStore implements ReactiveController {
  folder?: Folder;
  requests: DocumentRequest[] = [];
  shared: SharedDocument[] = [];
  /** "Documents supplémentaires": files clients sent without a request. */
  extras: DocumentFile[] = [];
  deedTypes?: DeedType[];
  loading = false;
  loadError?: unknown;
  /** The office's time zone, its dates are shown in (formatDate's default until read). */
  timeZone?: string;

  private folderId?: string;
  private sequence = 0;
  private pollTimer?: ReturnType<typeof setTimeout>;
  private connected = false;
  private documentTypes?: Promise<DocumentType[]>;
  /** The folder's live stream (shared with the page's other elements): a change made elsewhere is read again. */
  private readonly live: LiveController;

  constructor(
    private readonly host: FolderStoreHost,
    private readonly options: FolderStoreOptions,
  ) {
    host.addController(this);
    this.live = new LiveController(
      host,
      () => (this.folderId ? { folderId: this.folderId } : undefined),
      () => (this.folder ? this.refresh() : Promise.resolve()),
      (change) => change.folderId === null || change.folderId === this.folderId,
    );
  }

  /** Tells the page's other elements (an upload widget, the folder list) that this folder changed here. */
  private told<T>(type: string, result: T): T {
    if (this.folderId) this.live.announce(this.folderId, type);
    return result;
  }

  hostConnected(): void {
    this.connected = true;
    document.addEventListener('visibilitychange', this.onVisible);
    this.schedulePoll();
  }

  hostDisconnected(): void {
    this.connected = false;
    document.removeEventListener('visibilitychange', this.onVisible);
    clearTimeout(this.pollTimer);
    this.pollTimer = undefined;
  }

  // Clients may have sent files while the notary looked at another tab.
  private readonly onVisible = () => {
    if (document.visibilityState === 'visible' && this.folder) void this.refresh().catch(() => {});
  };

  private get client(): WidgetClient {
    const api = this.host.api;
    if (!api) throw new Error('<lecoffre-folder> has no connection (token and base-url).');
    return noStoreClient(api);
  }

  /** Reads a folder from scratch (a new `folder-id` or connection); errors land in `loadError`. */
  async load(folderId: string): Promise<void> {
    const sequence = ++this.sequence;
    clearTimeout(this.pollTimer);
    this.pollTimer = undefined;
    this.folderId = folderId;
    this.folder = undefined;
    this.loading = true;
    this.loadError = undefined;
    this.host.requestUpdate();
    try {
      await this.readAll(sequence);
    } catch (error) {
      if (sequence === this.sequence) this.loadError = error;
    } finally {
      if (sequence === this.sequence) {
        this.loading = false;
        this.host.requestUpdate();
      }
    }
  }

  /** Reads the folder, its requests and shared documents again (after a change, or a 412). */
  refresh(): Promise<void> {
    return this.readAll(this.sequence);
  }

  private async readAll(sequence: number): Promise<void> {
    const id = this.folderId;
    if (!id) return;
    const [folder, requests, shared, extras, timeZone] = await Promise.all([
      this.client.folders.retrieve(id),
      this.client.documentRequests.list(id).toArray({ max: MAX_REQUESTS }),
      this.client.folders.sharedDocuments(id).toArray({ max: 100 }),
      this.client.folders.extraDocuments(id),
      // Read once: a failure leaves the default zone rather than the folder unshown.
      this.timeZone ??
        this.client.office.retrieve().then(
          (office) => office.timeZone,
          () => undefined,
        ),
    ]);
    if (sequence !== this.sequence) return;
    this.timeZone = timeZone;
    this.requests = requests;
    this.extras = extras;
    this.shared = shared;
    this.setFolder(folder);
  }

  private setFolder(folder: Folder): void {
    const before = this.folder;
    this.folder = folder;
    this.options.changed(folder, before);
    this.schedulePoll();
    this.host.requestUpdate();
  }

  /** While anchoring (or retrying after a failed batch), reads the folder every few seconds until anchored. */
  private schedulePoll(): void {
    const status = this.folder?.anchor?.status;
    const waiting = status === 'anchoring' || status === 'anchoring_failed';
    if (!waiting || !this.connected || this.pollTimer !== undefined) return;
    const sequence = this.sequence;
    this.pollTimer = setTimeout(() => void this.poll(sequence), this.options.pollIntervalMs());
  }

  private async poll(sequence: number): Promise<void> {
    this.pollTimer = undefined;
    let folder: Folder | undefined;
    try {
      folder = await this.client.folders.retrieve(this.folderId as string);
    } catch {
      // A blip while waiting: the next poll tries again; the last known state stays on screen meanwhile.
    }
    if (sequence !== this.sequence) return;
    if (folder) this.setFolder(folder);
    else this.schedulePoll();
  }

  // ── Folder ─────────────────────────────────────────────────────────────────────────────────────────

  /** Sends `If-Match` with the version shown: a colleague's edit in between answers 412 and reloads. */
  async updateFolder(patch: UpdateFolderInput): Promise<void> {
    const folder = this.current();
    try {
      this.setFolder(this.told('folder.updated', await this.client.folders.update(folder.id, patch, { ifMatch: folder.version })));
    } catch (error) {
      if ((error as { status?: number }).status === 412) await this.refresh();
      throw error;
    }
  }

  async setAccess(input: SetFolderAccessInput): Promise<void> {
    this.setFolder(this.told('folder.updated', await this.client.folders.setAccess(this.current().id, input)));
  }

  async archive(): Promise<void> {
    this.setFolder(this.told('folder.archived', await this.client.folders.archive(this.current().id)));
  }

  /** "Valider et ancrer": the API answers 202 with the folder frozen and `anchor.status` = anchoring. */
  async anchor(): Promise<void> {
    this.setFolder(this.told('folder.anchoring_started', await this.client.folders.anchor(this.current().id)));
  }

  /** The ZIP; the contract types it as no content (tsoa cannot describe a binary answer), the SDK reads a Blob. */
  proof(): Promise<Blob> {
    return this.client.folders.proof(this.current().id) as Promise<unknown> as Promise<Blob>;
  }

  // ── Clients ────────────────────────────────────────────────────────────────────────────────────────

  async addClient(input: AddFolderClientInput): Promise<void> {
    this.setFolder(this.told('client.added', (await this.client.folders.addClient(this.current().id, input)).folder));
  }

  async updateClient(clientId: string, fields: UpdateClientInput): Promise<void> {
    this.told('folder.updated', await this.client.clients.update(clientId, fields));
    await this.refresh();
  }

  async removeClient(clientId: string): Promise<void> {
    this.told('folder.updated', await this.client.folders.removeClient(this.current().id, clientId));
    await this.refresh();
  }

  searchClients(q: string) {
    return this.client.clients.list({ q: q || undefined, limit: 20 }).page();
  }

  // ── Documents ──────────────────────────────────────────────────────────────────────────────────────

  async requestDocuments(input: CreateDocumentRequestsInput): Promise<DocumentRequest[]> {
    const { data } = this.told('document.requested', await this.client.documentRequests.create(this.current().id, input));
    await this.refresh();
    return data;
  }

  async cancelRequest(requestId: string): Promise<void> {
    this.told('document.request_cancelled', await this.client.documentRequests.cancel(requestId));
    await this.refresh();
  }

  async validateFile(fileId: string): Promise<DocumentFile> {
    const file = this.told('document.validated', await this.client.documents.validate(fileId));
    await this.refresh();
    return file;
  }

  async refuseFile(fileId: string, reason: string): Promise<DocumentFile> {
    const file = this.told('document.refused', await this.client.documents.refuse(fileId, { reason }));
    await this.refresh();
    return file;
  }

  preview(fileId: string): Promise<Blob> {
    return this.client.documents.preview(fileId);
  }

  download(fileId: string): Promise<Blob> {
    return this.client.documents.download(fileId);
  }

  // ── Catalogue, members, bank details (read when a dialog needs them) ─────────────────────────────

  async loadDeedTypes(): Promise<DeedType[]> {
    if (!this.deedTypes) {
      this.deedTypes = await this.client.catalogue.deedTypes.list().toArray();
      this.host.requestUpdate();
    }
    return this.deedTypes;
  }

  loadDocumentTypes(): Promise<DocumentType[]> {
    this.documentTypes ??= this.client.catalogue.documentTypes.list().toArray();
    // A failed read is not kept: the next dialog tries again.
    this.documentTypes.catch(() => {
      this.documentTypes = undefined;
    });
    return this.documentTypes;
  }

  /** "Créer un document": an office type, then requestable like the catalogue's. */
  async createDocumentType(label: string, description: string): Promise<DocumentType> {
    const created = await this.client.catalogue.documentTypes.create({ label, ...(description ? { description } : {}) });
    const known = await this.loadDocumentTypes().catch(() => []);
    this.documentTypes = Promise.resolve([...known, created]);
    return created;
  }

  loadMembers(): Promise<Member[]> {
    return this.client.members.list({ limit: 100 }).toArray({ max: 500 });
  }

  loadBankDetails(): Promise<BankDetails[]> {
    return this.client.office.bankDetails.list().toArray({ max: 50 });
  }

  async shareBankDetails(bankDetailsId: string): Promise<void> {
    this.told('document.shared', await this.client.folders.shareDocument(this.current().id, { bankDetailsId }));
    this.shared = await this.client.folders.sharedDocuments(this.current().id).toArray({ max: 100 });
    this.host.requestUpdate();
  }

  /** "Transmettre un document": one of the office's files, to every client of the folder (multipart, sent here). */
  async shareFile(file: File, label: string): Promise<void> {
    const api = this.host.api;
    if (!api) throw new Error('<lecoffre-folder> has no connection (token and base-url).');
    const body = new FormData();
    if (label) body.append('label', label);
    body.append('file', file);
    const response = await fetch(`${api.baseUrl}/v1/folders/${encodeURIComponent(this.current().id)}/shared-files`, {
      method: 'POST',
      body,
      headers: api.token ? { authorization: `Bearer ${api.token}` } : {},
      credentials: api.token ? 'omit' : 'same-origin',
    });
    if (!response.ok) {
      const problem = (await response.json().catch(() => ({}))) as { detail?: string };
      throw Object.assign(new Error(problem.detail ?? String(response.status)), { status: response.status, ...problem });
    }
    this.told('document.shared', undefined);
    this.shared = await this.client.folders.sharedDocuments(this.current().id).toArray({ max: 100 });
    this.host.requestUpdate();
  }

  private current(): Folder {
    if (!this.folder) throw new Error('No folder loaded yet.');
    return this.folder;
  }
}

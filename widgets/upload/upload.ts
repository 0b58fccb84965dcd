import type { DocumentFile, DocumentRequest, Folder, Me, SharedDocument } from '@lecoffre/sdk';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { WidgetConnection } from '../core/connection.js';
import { openBlobInNewTab, saveBlob } from '../core/download.js';
import { LeCoffreElement } from '../core/element.js';
import { describeError } from '../core/errors.js';
import { LiveController } from '../core/live.js';
import { controls, tokens } from '../core/theme.js';
import { CoarsePointer } from './coarse-pointer.js';
import { renderDropzone } from './dropzone.js';
import { type UploadMessages, uploadMessagesFor } from './messages.js';
import { type CardView, fileBadge, renderRequestCard, renderUploads } from './request-card.js';
import { renderSharedDocument, ribAsText } from './shared-documents.js';
import { uploadStyles } from './styles.js';
import { renderUploadHeader } from './upload-header.js';
import { UploadQueue, type UploadTarget } from './upload-queue.js';

/**
 * `<lecoffre-upload token base-url lang>`: the client's space. The office and folder, the documents the
 * notary asked for with their state (to send, being checked, validated, refused with the reason), a drop
 * zone and a file picker per document, per-file progress, "documents supplémentaires", and the RIBs the
 * office shared. Each file is hashed (SHA-256) in the browser, sent on its own, retried on network failure.
 * Set `tokenProvider` to keep working past the widget session's minutes (see LeCoffreElement).
 *
 * @fires lecoffre-document-uploaded - a file was stored: `{ folderId, requestId, files }`
 * @fires lecoffre-error - something failed: `{ code, message, status, requestId, error }`
 * @fires lecoffre-session-expired - the API refused the token and `tokenProvider` gave no working one: `{ element, requestId, message }`
 * @csspart header - office, folder and greeting
 * @csspart requests - the "Documents à envoyer" section
 * @csspart request - one requested document's card
 * @csspart dropzone - the area to drop files on (with the "Ajouter un document" button)
 * @csspart extra - the "Documents supplémentaires" section
 * @csspart shared - the office's shared documents
 * @cssprop --lecoffre-accent - buttons, focus and progress colour
 */
@customElement('lecoffre-upload')
export class LeCoffreUpload extends LeCoffreElement {
  static override styles = [tokens, controls, uploadStyles];

  /** The folder to show; by default the token's folder, else the client's first open folder. */
  @property({ attribute: 'folder-id' }) folderId?: string;

  /** A request to bring into view and focus (links in e-mails point at one). */
  @property({ attribute: 'request-id' }) requestId?: string;

  /** Bytes; larger files are refused before sending. The server checks its own limit anyway. */
  @property({ type: Number, attribute: 'max-file-size' }) maxFileSize?: number;

  @state() private me?: Me;
  @state() private folders: Folder[] = [];
  @state() private requests: DocumentRequest[] = [];
  @state() private shared: SharedDocument[] = [];
  /** "Documents supplémentaires" this client sent, with the office's review. */
  @state() private extraSent: DocumentFile[] = [];
  @state() private loading = false;
  @state() private loadError?: string;
  @state() private announcement = '';
  @state() private dropTarget?: string;

  private loadSequence = 0;
  private readonly queue = new UploadQueue({
    connection: () => this.api,
    maxFileSize: () => this.maxFileSize,
    changed: () => this.requestUpdate(),
    stored: (item, files) => {
      const requestId = item.target.kind === 'request' ? item.target.requestId : null;
      if (requestId === null) this.extraSent = [...this.extraSent, ...files];
      this.announce(this.t.uploadedAnnounce(item.file.name));
      const folderId = this.currentFolder?.id ?? '';
      this.emit('lecoffre-document-uploaded', { folderId, requestId, files });
      this.live.announce(folderId, 'document.uploaded');
      void this.refresh();
    },
    failed: (item, error) => this.announce(this.t.failedAnnounce(item.file.name, this.reportError(error))),
    cancelled: (item) => this.announce(this.t.cancelledAnnounce(item.file.name)),
  });
  private readonly touch = new CoarsePointer(this);

  /** The folder's live stream, shared with the page's other elements: the office's reviews show at once. */
  private readonly live = new LiveController(
    this,
    () => (this.currentFolder ? { folderId: this.currentFolder.id } : undefined),
    () => this.reread(),
    (change) => change.folderId === null || change.folderId === this.currentFolder?.id,
  );

  private get t(): UploadMessages {
    return uploadMessagesFor(this.language, this);
  }

  /** The folder on screen. */
  get currentFolder(): Folder | undefined {
    return this.me ? this.pickFolder(this.me, this.folders) : undefined;
  }

  private pickFolder(me: Me, folders: Folder[]): Folder | undefined {
    const wanted = this.folderId ?? me.folderId ?? undefined;
    return folders.find((folder) => folder.id === wanted) ?? folders.find((folder) => folder.status === 'open') ?? folders[0];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.onOnline);
    document.addEventListener('visibilitychange', this.onVisible);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.onOnline);
    document.removeEventListener('visibilitychange', this.onVisible);
  }

  private readonly onOnline = () => this.queue.retryTransient();
  // The notary may have reviewed a file while the client looked elsewhere.
  private readonly onVisible = () => {
    if (document.visibilityState === 'visible' && this.me) void this.reread();
  };

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Started here rather than in updated(): the loading flag then renders in this same update.
    if (this.connectionChanged(changed)) void this.reload();
    else if (changed.has('folderId') && this.me) void this.refresh();
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('requests') && this.requestId && changed.get('requests')?.length === 0) this.revealRequest(this.requestId);
  }

  /** Reads everything again: who is signed in, their folders, then the folder's documents. */
  async reload(): Promise<void> {
    const api = this.api;
    if (!api) return;
    const sequence = ++this.loadSequence;
    this.loading = true;
    this.loadError = undefined;
    try {
      const [me, folders] = await Promise.all([api.client.me.retrieve(), api.client.folders.list().toArray({ max: 200 })]);
      const folder = this.pickFolder(me, folders);
      // The list just read the folder: no second read of it.
      const documents = folder ? await this.readDocuments(folder.id, folders, false) : { requests: [], shared: [], extraSent: [], folders };
      if (sequence !== this.loadSequence) return;
      // All at once: the page goes from "loading" to complete, never half-drawn.
      Object.assign(this, { me, ...documents });
    } catch (error) {
      if (sequence === this.loadSequence) this.loadError = this.reportError(error);
    } finally {
      if (sequence === this.loadSequence) this.loading = false;
    }
  }

  /**
   * Reads the current folder's requests and shared documents again; a failure is shown and reported as
   * `lecoffre-error`.
   */
  refresh(): Promise<void> {
    return this.readAgain(true);
  }

  /**
   * The same read in the background (a live change, the tab shown again): the user did not ask for it, so a
   * failure is not reported; the next read the user makes, or the next change, tells or heals it.
   */
  private reread(): Promise<void> {
    return this.readAgain(false);
  }

  private async readAgain(report: boolean): Promise<void> {
    const folder = this.currentFolder;
    if (!this.api || !folder) return;
    const sequence = this.loadSequence;
    try {
      const documents = await this.readDocuments(folder.id, this.folders, true);
      if (sequence !== this.loadSequence || folder.id !== this.currentFolder?.id) return;
      Object.assign(this, documents);
      this.queue.clearDone();
    } catch (error) {
      if (report) this.loadError = this.reportError(error);
    }
  }

  /** The folder's documents; `rereadFolder` after a change: once the office anchors or archives it, nothing more can be sent. */
  private async readDocuments(
    folderId: string,
    folders: Folder[],
    rereadFolder: boolean,
  ): Promise<{ requests: DocumentRequest[]; shared: SharedDocument[]; extraSent: DocumentFile[]; folders: Folder[] }> {
    const { client } = this.api as WidgetConnection;
    const [requests, shared, extraSent, folder] = await Promise.all([
      client.documentRequests.list(folderId).toArray({ max: 500 }),
      client.folders.sharedDocuments(folderId).toArray({ max: 100 }),
      client.folders.extraDocuments(folderId),
      rereadFolder ? client.folders.retrieve(folderId) : undefined,
    ]);
    return { requests, shared, extraSent, folders: folder ? folders.map((known) => (known.id === folderId ? folder : known)) : folders };
  }

  private announce(text: string): void {
    // Cleared first so the same sentence twice is announced twice.
    this.announcement = '';
    requestAnimationFrame(() => {
      this.announcement = text;
    });
  }

  private revealRequest(requestId: string): void {
    const card = this.renderRoot.querySelector<HTMLElement>(`[data-request-id="${CSS.escape(requestId)}"]`);
    card?.scrollIntoView({ block: 'center' });
    card?.querySelector<HTMLButtonElement>('[data-action="pick"]')?.focus();
  }

  private async view(file: DocumentFile): Promise<void> {
    const api = this.api;
    if (!api) return;
    try {
      await openBlobInNewTab(() => api.client.documents.preview(file.id));
    } catch (error) {
      this.announce(this.reportError(error));
    }
  }

  private async copyIban(iban: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(iban);
      this.announce(this.t.copied);
    } catch (error) {
      this.announce(this.reportError(error));
    }
  }

  private async downloadShared(shared: SharedDocument): Promise<void> {
    const api = this.api;
    if (!api) return;
    try {
      saveBlob(await api.client.folders.downloadSharedDocument(shared.id), shared.label);
    } catch (error) {
      this.announce(this.reportError(error));
    }
  }

  private downloadRib(shared: SharedDocument): void {
    if (shared.bankDetails) saveBlob(ribAsText(shared.bankDetails, this.t), `RIB - ${shared.bankDetails.label}.txt`);
  }

  private dropzone(zone: string, target: UploadTarget, label: string, ariaLabel: string): TemplateResult {
    return renderDropzone({
      t: this.t,
      over: this.dropTarget === zone,
      label,
      ariaLabel,
      touch: this.touch.matches,
      onFiles: (files) => this.queue.add(files, target),
      onDragState: (over) => {
        this.dropTarget = over ? zone : undefined;
      },
    });
  }

  private cardView(closed: boolean): CardView {
    return {
      t: this.t,
      lang: this.language,
      timeZone: this.me?.office.timeZone,
      uploads: this.queue.items,
      dropzone: (request) =>
        closed
          ? nothing
          : this.dropzone(
              request.id,
              { kind: 'request', requestId: request.id },
              this.touch.matches ? this.t.addDocumentTouch : this.t.addDocument,
              this.t.addDocumentFor(request.label),
            ),
      view: (file) => void this.view(file),
      retry: (key) => this.queue.retry(key),
      dismiss: (key) => this.queue.dismiss(key),
      cancel: (key) => this.queue.cancel(key),
      describe: (error) => describeError(error, this.language).message,
    };
  }

  protected override render() {
    const t = this.t;
    if (!this.api) return html`<p>${t.notConfigured}</p>`;
    if (!this.me) {
      if (this.loadError)
        return html`<p class="error" role="alert">${this.loadError}</p><button type="button" @click=${this.reload}>${t.reload}</button>`;
      return html`<p role="status">${t.loading}</p>`;
    }
    const folder = this.currentFolder;
    return html`
      ${renderUploadHeader(this.t, this.me, this.folders, folder, (folderId) => {
        this.folderId = folderId;
      })}
      ${this.loadError ? html`<p class="error" role="alert">${this.loadError}</p>` : nothing}
      ${folder ? this.renderFolder(folder) : html`<p>${t.noFolder}</p>`}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    `;
  }

  private renderFolder(folder: Folder): TemplateResult {
    const t = this.t;
    const live = this.requests;
    const validated = live.filter((request) => request.status === 'validated').length;
    // Anchored or archived: the record is frozen, so nothing more is offered for sending.
    const closed = folder.anchor !== null || folder.status !== 'open';
    const view = this.cardView(closed);
    const extraTarget: UploadTarget = { kind: 'extra', folderId: folder.id };
    return html`
      ${closed ? html`<p class="notice" role="status" data-closed>${t.folderClosed}</p>` : nothing}
      <section part="requests" aria-labelledby="to-send">
        <h3 id="to-send">${t.toSend}</h3>
        ${live.length ? html`<p>${this.touch.matches ? t.toSendIntroTouch : t.toSendIntro}</p><p class="meta">${t.progressSummary(validated, live.length)}</p>` : html`<p>${t.noRequest}</p>`}
        <ul class="cards">
          ${live.map((request) => html`<li>${renderRequestCard(request, view)}</li>`)}
        </ul>
      </section>
      <section part="extra" aria-labelledby="extra-title">
        <h3 id="extra-title">${t.extraTitle}</h3>
        <div part="extra-card">
          <p>${t.extraIntro}</p>
          ${
            this.extraSent.length
              ? html`<ul class="files" aria-label=${t.sentFiles}>
                  ${this.extraSent.map(
                    (file) =>
                      html`<li data-file-id=${file.id}><span class="file-name">${file.name}</span>${fileBadge(file, this.language)}</li>`,
                  )}
                </ul>`
              : nothing
          }
          ${renderUploads(
            this.queue.items.filter((item) => item.target.kind === 'extra'),
            view,
          )}
          ${closed ? nothing : this.dropzone('extra', extraTarget, t.addExtra, t.addExtra)}
        </div>
      </section>
      ${
        this.shared.length
          ? html`<section part="shared" aria-labelledby="shared-title">
              <h3 id="shared-title">${t.sharedTitle}</h3>
              <p class="muted">${t.sharedIntro}</p>
              <ul class="cards">
                ${this.shared.map(
                  (shared) =>
                    html`<li>${renderSharedDocument(shared, t, {
                      copyIban: (iban) => void this.copyIban(iban),
                      downloadRib: (rib) => this.downloadRib(rib),
                      downloadFile: (document) => void this.downloadShared(document),
                    })}</li>`,
                )}
              </ul>
            </section>`
          : nothing
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lecoffre-upload': LeCoffreUpload;
  }
}

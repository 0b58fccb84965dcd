import type { DocumentFile, Folder } from '@lecoffre/sdk';
import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import '../completion-bar.js';
import { LeCoffreElement } from '../core/element.js';
import { describeError } from '../core/errors.js';
import { formatDate } from '../core/i18n.js';
import { controls, tokens } from '../core/theme.js';
import './folder-client.js';
import './folder-info.js';
import type { FolderClientDialog } from './folder-client-dialog.js';
import type { FolderConfirm } from './folder-confirm.js';
import type { FolderActions } from './folder-part.js';
import { FolderStore } from './folder-store.js';
import type { FolderViewer } from './folder-viewer.js';
import { clockIcon } from './icons.js';
import { dialogIn, prefetchDialogs } from './load-dialogs.js';
import { type FolderMessages, messagesFor } from './messages.js';
import { folderStyles } from './styles.js';

const DEFAULT_POLL_MS = 5000;

/**
 * `<lecoffre-folder folder-id token base-url lang>`: the notary's view of one folder, as in the guide.
 * Folder information with pencils and collaborator access; clients (add, edit, remove) with their
 * requested documents and the files to review; the viewer (Valider / Refuser / Télécharger); completion
 * per client and folder; the office RIB to send; archive; "Valider et ancrer", its progress and the proof.
 * The dialogs and the English words are fetched on first use (load-dialogs.ts, messages.ts), the parts below
 * the clients alongside the folder's data (below-fold.ts). A host page with a CSP must allow `blob:` in
 * `img-src` and `frame-src`: the viewer shows files from blob URLs.
 * Set `tokenProvider` to keep working past the widget session's minutes (see LeCoffreElement).
 *
 * @fires lecoffre-document-validated - the notary validated a file: `{ file }`
 * @fires lecoffre-document-refused - the notary refused a file: `{ file, reason }`
 * @fires lecoffre-documents-requested - documents were requested from a client: `{ folderId, requests }`
 * @fires lecoffre-folder-anchored - the folder's anchor became final while shown: `{ folderId }`
 * @fires lecoffre-error - something failed: `{ code, message, status, requestId, error }`
 * @fires lecoffre-session-expired - the API refused the token and `tokenProvider` gave no working one: `{ element, requestId, message }`
 * @csspart header - the folder's number and title, with the action-required mark
 * @csspart info - "Informations du dossier"
 * @csspart completion - the folder's completion bar
 * @csspart clients - the clients section
 * @csspart shared - the documents sent to the clients
 * @csspart anchor - archive, anchoring and proof
 * @cssprop --lecoffre-accent - buttons, focus and progress colour
 */
@customElement('lecoffre-folder')
export class LeCoffreFolder extends LeCoffreElement {
  static override styles = [
    tokens,
    controls,
    folderStyles,
    css`
      :host {
        max-width: 72rem;
        overflow-wrap: anywhere;
      }
      section {
        margin-top: 1.5rem;
      }
      .clients > * + * {
        margin-top: 1rem;
      }
      h3:focus {
        outline: none;
      }
      [part='completion'] {
        max-width: 24rem;
      }
      .completion-label {
        margin-top: 1rem;
      }
    `,
  ];

  @property({ attribute: 'folder-id' }) folderId?: string;
  /** Milliseconds between two reads of a folder being anchored (default 5 s). */
  @property({ type: Number, attribute: 'poll-interval' }) pollInterval = DEFAULT_POLL_MS;

  @state() private announcement = '';
  /** Why the last `refresh()` failed, shown above the folder it could not read again. */
  @state() private refreshError?: string;

  private readonly store = new FolderStore(this, {
    pollIntervalMs: () => Math.max(200, this.pollInterval || DEFAULT_POLL_MS),
    changed: (folder, before) => this.folderChanged(folder, before),
  });

  private readonly actions: FolderActions = {
    store: this.store,
    announce: (text) => this.announce(text),
    openFile: (file, opener) => this.openFile(file, opener),
    confirm: (question, label, action, opener) =>
      void this.withDialog<FolderConfirm>('lecoffre-folder-confirm', (dialog) => dialog.ask(question, label, action, opener)),
  };

  private reported?: unknown;
  private belowFold?: Promise<unknown>;
  private dialogsPrefetched = false;

  /** Tells the host page what changed, in events; a fresh load (no `before`) is not a change. */
  private folderChanged(folder: Folder, before: Folder | undefined): void {
    if (!before || before.id !== folder.id) return;
    if (before.version !== folder.version) this.emit('lecoffre-folder-updated', { folder });
    if (before.status === 'open' && folder.status === 'archived') this.emit('lecoffre-folder-archived', { folder });
    if (before.anchor?.status !== 'anchored' && folder.anchor?.status === 'anchored') {
      this.emit('lecoffre-folder-anchored', { folderId: folder.id });
      this.announce(
        this.t.anchoredOn(formatDate(folder.anchor.anchoredAt ?? folder.updatedAt, this.language, { timeZone: this.store.timeZone })),
      );
    }
  }

  private get t(): FolderMessages {
    return messagesFor(this.language, this);
  }

  /** The folder as last read from the API (undefined while loading). */
  get folder(): Folder | undefined {
    return this.store.folder;
  }

  /**
   * Reads the folder again (after a change made elsewhere, e.g. by the host page). Resolves either way:
   * a failure is shown and reported as `lecoffre-error`, like every other.
   */
  async refresh(): Promise<void> {
    try {
      await this.store.refresh();
      this.refreshError = undefined;
    } catch (error) {
      this.refreshError = this.reportError(error);
    }
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if ((this.connectionChanged(changed) || changed.has('folderId')) && this.api && this.folderId) {
      this.refreshError = undefined;
      void this.store.load(this.folderId).then(() => this.store.loadDeedTypes().catch(() => {}));
      this.loadBelowFold();
    }
  }

  /**
   * The parts below the clients (below-fold.ts) come in a chunk of their own, fetched alongside the
   * folder's data: the first download stays small, and the chunk is there by the time the folder shows
   * (lit applies the properties set on their elements meanwhile). A failed download is tried again on the
   * next render.
   */
  private loadBelowFold(): void {
    this.belowFold ??= import('./below-fold.js').catch(() => {
      this.belowFold = undefined;
    });
  }

  protected override updated(): void {
    if (this.store.folder) this.loadBelowFold();
    if (this.store.folder && !this.dialogsPrefetched) {
      this.dialogsPrefetched = true;
      prefetchDialogs();
    }
    // Reported once per failed load, not on every render.
    if (this.store.loadError && this.store.loadError !== this.reported) {
      this.reported = this.store.loadError;
      this.reportError(this.store.loadError);
    }
  }

  private announce(text: string): void {
    // Emptied first, so that the same sentence twice is read twice.
    this.announcement = '';
    requestAnimationFrame(() => {
      this.announcement = text;
    });
  }

  private inner<T extends HTMLElement>(selector: string): T | null {
    return this.renderRoot.querySelector<T>(selector);
  }

  /** Runs `use` on one of the dialogs once their chunk is loaded (load-dialogs.ts). */
  private async withDialog<T extends Element>(selector: string, use: (dialog: T) => unknown): Promise<void> {
    try {
      const dialog = await dialogIn<T>(this.renderRoot, selector);
      if (dialog) await use(dialog);
    } catch (error) {
      this.announce(this.reportError(error));
    }
  }

  private openFile(file: DocumentFile, opener: HTMLElement): void {
    const request = this.store.requests.find((candidate) => candidate.id === file.requestId);
    const label = request?.label ?? (file.requestId === null ? this.t.extraDocument : '');
    void this.withDialog<FolderViewer>('lecoffre-folder-viewer', (viewer) => viewer.show(file, label, opener));
  }

  private readonly focusClients = () => this.inner<HTMLElement>('#clients-title')?.focus();

  protected override render() {
    const t = this.t;
    const folder = this.store.folder;
    if (!this.api || !this.folderId) return html`<p>${t.notConfigured}</p>`;
    if (!folder) {
      if (this.store.loadError) {
        return html`<p class="error" role="alert">${describeError(this.store.loadError, this.language).message}</p>
          <button type="button" @click=${() => this.folderId && this.store.load(this.folderId)}>${t.reload}</button>`;
      }
      return html`<p role="status">${t.loading}</p>`;
    }
    const readonly = folder.status !== 'open' || folder.anchor !== null;
    return html`
      <header part="header">
        <h2>
          ${folder.number} - ${folder.title}
          ${folder.actionRequired ? html`<span class="mark" role="img" aria-label=${t.actionRequired} title=${t.actionRequired}>${clockIcon}</span>` : nothing}
        </h2>
        ${folder.anchor ? html`<p class="meta">${t.frozen}</p>` : nothing}
      </header>
      ${this.refreshError ? html`<p class="error" role="alert">${this.refreshError}</p>` : nothing}
      <section part="info" class="card" aria-label=${t.info}>
        <lecoffre-folder-info
          lang=${this.language}
          .actions=${this.actions}
          .folder=${folder}
          .deedTypes=${this.store.deedTypes}
          ?readonly=${readonly}
        ></lecoffre-folder-info>
        <!-- Shown for sighted users; the bar's own accessible name says the same to screen readers. -->
        <span class="label completion-label" aria-hidden="true">${t.completion}</span>
        <lecoffre-completion-bar part="completion" lang=${this.language} value=${folder.completion.percent} label=${t.completion}></lecoffre-completion-bar>
      </section>
      ${this.renderClients(folder, readonly)}
      <section part="shared" class="card">
        <lecoffre-folder-shared lang=${this.language} .actions=${this.actions} .shared=${this.store.shared} ?readonly=${readonly}></lecoffre-folder-shared>
      </section>
      <section part="anchor" class="card">
        <lecoffre-folder-anchor lang=${this.language} .actions=${this.actions} .folder=${folder}></lecoffre-folder-anchor>
      </section>
      <lecoffre-folder-viewer lang=${this.language} .actions=${this.actions} ?readonly=${readonly} .fallbackFocus=${this.focusClients}></lecoffre-folder-viewer>
      <lecoffre-folder-confirm lang=${this.language} .actions=${this.actions} .fallbackFocus=${this.focusClients}></lecoffre-folder-confirm>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    `;
  }

  private renderClients(folder: Folder, readonly: boolean): TemplateResult {
    const t = this.t;
    return html`
      <section part="clients" aria-labelledby="clients-title">
        <h3 id="clients-title" tabindex="-1">${t.clients}</h3>
        <div class="clients">
          ${folder.clients.map(
            (client) => html`<lecoffre-folder-client
              lang=${this.language}
              .actions=${this.actions}
              .client=${client}
              .folder=${folder}
              .requests=${this.store.requests.filter((request) => request.clientId === client.id)}
              .extras=${this.store.extras.filter((file) => file.clientId === client.id)}
              ?readonly=${readonly}
            ></lecoffre-folder-client>`,
          )}
          ${
            readonly && folder.clients.length
              ? nothing
              : html`<div class="card add-client">
                  ${folder.clients.length ? nothing : html`<p class="muted">${t.noClient}</p>`}
                  ${
                    readonly
                      ? nothing
                      : html`<button type="button" data-action="add-client" @click=${(event: Event) => {
                          const opener = event.currentTarget as HTMLElement;
                          void this.withDialog<FolderClientDialog>('#add-client', (dialog) => dialog.open(opener));
                        }}>
                          ${t.addClient} +
                        </button>`
                  }
                </div>`
          }
        </div>
        ${
          readonly
            ? nothing
            : html`              <lecoffre-folder-client-dialog id="add-client" lang=${this.language} .actions=${this.actions}></lecoffre-folder-client-dialog>`
        }
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lecoffre-folder': LeCoffreFolder;
  }
}

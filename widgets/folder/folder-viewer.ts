import type { DocumentFile } from '@lecoffre/sdk';
import { css, html, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { saveBlob } from '../core/download.js';
import { formatBytes } from '../core/i18n.js';
import { fileState, stateLabel } from '../core/states.js';
import { FolderDialog } from './folder-dialog.js';
import './folder-refuse-dialog.js';
import type { FolderRefuseDialog } from './folder-refuse-dialog.js';

const PREVIEWABLE = /^(application\/pdf|image\/(png|jpeg))$/;

/**
 * The document viewer: the file itself (PDF or image, fetched with the credential into a blob URL, so it
 * works with a bearer token and under a strict CSP that allows `blob:` frames and images), its details,
 * and the guide's three buttons: Valider, Refuser (with a reason), Télécharger (once validated only).
 *
 * @fires lecoffre-document-validated - `{ file }`
 * @fires lecoffre-document-refused - `{ file, reason }`
 */
@customElement('lecoffre-folder-viewer')
export class FolderViewer extends FolderDialog {
  static override styles = [
    ...FolderDialog.styles,
    css`
      dialog {
        width: min(64rem, calc(100vw - 2rem));
      }
      /* One fixed height whether the preview is loading, shown or unavailable: the buttons below never
         move under the notary's pointer when the file arrives. */
      .preview {
        display: grid;
        place-items: center;
        height: 65vh;
        margin: 0.75rem 0;
        border-radius: var(--_radius);
        background: var(--_subtle);
      }
      .preview img {
        max-width: 100%;
        max-height: 100%;
        object-fit: contain;
      }
      .preview iframe {
        width: 100%;
        height: 100%;
        border: 0;
      }
      .hash {
        font-family: ui-monospace, monospace;
        font-size: 0.8rem;
        overflow-wrap: anywhere;
      }
    `,
  ];

  @state() private file?: DocumentFile;
  @state() private label = '';
  @state() private url?: string;
  @state() private previewError?: string;

  /** Shows `file` (of the request labelled `label`); focus returns to `opener` afterwards. */
  async show(file: DocumentFile, label: string, opener?: HTMLElement): Promise<void> {
    this.file = file;
    this.label = label;
    await this.open(opener);
  }

  protected override async opening(): Promise<void> {
    this.dropPreview();
    const file = this.file;
    if (!file || !PREVIEWABLE.test(file.contentType)) return;
    try {
      const blob = await this.store.preview(file.id);
      // The viewer may have been closed, or moved to another file, while the bytes were coming.
      if (this.isOpen && this.file?.id === file.id) this.url = URL.createObjectURL(blob);
    } catch (error) {
      this.previewError = this.reportError(error);
    }
  }

  private dropPreview(): void {
    if (this.url) URL.revokeObjectURL(this.url);
    this.url = undefined;
    this.previewError = undefined;
  }

  protected override afterClose(): void {
    this.dropPreview();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.dropPreview();
  }

  private async validate(): Promise<void> {
    const file = this.file;
    if (!file) return;
    let validated: DocumentFile | undefined;
    if (await this.attempt(async () => (validated = await this.store.validateFile(file.id)))) {
      this.file = validated;
      this.emit('lecoffre-document-validated', { file: validated as DocumentFile });
      this.actions?.announce(this.t.validatedAnnounce(file.name));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[data-action="download"]')?.focus();
    }
  }

  private askReason(event: Event): void {
    this.renderRoot.querySelector<FolderRefuseDialog>('lecoffre-folder-refuse-dialog')?.open(event.currentTarget as HTMLElement);
  }

  private readonly refuse = async (reason: string): Promise<void> => {
    const file = this.file;
    if (!file) return;
    const refused = await this.store.refuseFile(file.id, reason);
    this.file = refused;
    this.emit('lecoffre-document-refused', { file: refused, reason });
    this.actions?.announce(this.t.refusedAnnounce(file.name));
    // The refuse button is gone once rendered: the reason dialog then falls back on closing the viewer.
    await this.updateComplete;
  };

  private async download(): Promise<void> {
    const file = this.file;
    if (file) await this.attempt(async () => saveBlob(await this.store.download(file.id), file.name));
  }

  protected override render() {
    const file = this.file;
    if (!file) return nothing;
    const t = this.t;
    return html`
      ${this.dialog(
        t.viewer(file.name),
        html`
          <p class="row">
            <span>${this.label}</span>
            <span class="badge ${fileState(file)}" data-status=${file.status}>${stateLabel(fileState(file), this.language, 'office')}</span>
          </p>
          <p class="meta">${formatBytes(file.size, this.language)} · ${this.date(file.createdAt)}</p>
          ${file.refusalReason ? html`<p class="error">${t.refusedBecause(file.refusalReason)}</p>` : nothing}
          <div class="preview" part="preview">${this.renderPreview(file)}</div>
          <p class="meta">${t.sha256} : <span class="hash">${file.sha256}</span></p>
          ${file.status === 'validated' ? nothing : html`<p class="meta" id="download-hint">${t.downloadHint}</p>`}
          <div class="actions">
            <button type="button" @click=${() => this.close()}>${t.close}</button>
            ${
              file.status === 'pending' && !this.readonly
                ? html`<button type="button" data-action="refuse" ?disabled=${this.busy} @click=${this.askReason}>${t.refuse}</button>
                    <button type="button" class="primary" data-action="validate" ?disabled=${this.busy} @click=${this.validate}>${t.validate}</button>`
                : nothing
            }
            ${
              file.status === 'validated'
                ? html`<button type="button" class="primary" data-action="download" ?disabled=${this.busy} @click=${this.download}>${t.download}</button>`
                : nothing
            }
          </div>
        `,
      )}
      <lecoffre-folder-refuse-dialog
        lang=${this.language}
        .actions=${this.actions}
        .refuse=${this.refuse}
        .fallbackFocus=${() => this.close()}
      ></lecoffre-folder-refuse-dialog>
    `;
  }

  private renderPreview(file: DocumentFile): TemplateResult {
    const t = this.t;
    if (this.previewError) return html`<p class="error">${this.previewError}</p>`;
    if (!PREVIEWABLE.test(file.contentType)) return html`<p>${t.previewUnavailable}</p>`;
    if (!this.url) return html`<p role="status">${t.previewLoading}</p>`;
    return file.contentType === 'application/pdf'
      ? html`<iframe src=${this.url} title=${file.name}></iframe>`
      : html`<img src=${this.url} alt=${file.name} />`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lecoffre-folder-viewer': FolderViewer;
  }
}

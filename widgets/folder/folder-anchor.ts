import type { Folder } from '@lecoffre/sdk';
import { css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { saveBlob } from '../core/download.js';
import { FolderLaterPart } from './folder-later-part.js';

type Anchor = NonNullable<Folder['anchor']>;

/**
 * The end of the guide: "Archiver le dossier", "Valider et ancrer" (at 100% only), "Dossier en cours de
 * certification" while the batch is on its way, then the anchoring proof to download.
 *
 * @csspart progress - the indeterminate progress bar while anchoring
 */
@customElement('lecoffre-folder-anchor')
export class FolderAnchor extends FolderLaterPart {
  static override styles = [
    ...FolderLaterPart.styles,
    css`
      progress {
        width: 100%;
        max-width: 24rem;
        accent-color: var(--_accent);
      }
    `,
  ];

  @property({ attribute: false }) folder?: Folder;

  private anchor(): Promise<void> {
    return this.attempt(() => this.store.anchor()).then(async (done) => {
      if (!done) return;
      this.actions?.announce(this.t.anchoring);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#anchor-title')?.focus();
    });
  }

  private archive(event: Event): void {
    this.actions?.confirm(this.t.confirmArchive, this.t.archive, () => this.store.archive(), event.currentTarget as HTMLElement);
  }

  private async downloadProof(): Promise<void> {
    const number = this.folder?.number ?? '';
    await this.attempt(async () => saveBlob(await this.store.proof(), this.t.proofName(number)));
  }

  protected override render() {
    const folder = this.folder;
    if (!folder) return nothing;
    const t = this.t;
    const anchor = folder.anchor;
    const open = folder.status === 'open';
    const complete = folder.completion.total > 0 && folder.completion.percent === 100;
    return html`
      ${anchor ? this.renderAnchor(anchor) : open ? html`<p>${t.anchorIntro}</p>` : nothing}
      ${folder.archivedAt ? html`<p>${t.archivedOn(this.date(folder.archivedAt))}</p>` : nothing}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <div class="row">
        ${open ? html`<button type="button" data-action="archive" ?disabled=${this.busy} @click=${this.archive}>${t.archive}</button>` : nothing}
        ${
          open && !anchor
            ? html`<button
                type="button"
                class="primary"
                data-action="anchor"
                aria-describedby=${complete ? nothing : 'anchor-hint'}
                ?disabled=${!complete || this.busy}
                @click=${this.anchor}
              >
                ${t.anchor}
              </button>`
            : nothing
        }
        ${
          anchor?.status === 'anchored'
            ? html`<button type="button" class="primary" data-action="proof" ?disabled=${this.busy} @click=${this.downloadProof}>${t.proof}</button>`
            : nothing
        }
      </div>
      ${open && !anchor && !complete ? html`<p class="meta" id="anchor-hint">${t.anchorHint}</p>` : nothing}
    `;
  }

  private renderAnchor(anchor: Anchor): TemplateResult {
    const t = this.t;
    if (anchor.status === 'anchored') {
      return html`<div role="status">
        <h4 id="anchor-title" tabindex="-1">${t.anchoredOn(this.date(anchor.anchoredAt ?? anchor.requestedAt))}</h4>
        ${anchor.network ? html`<p class="meta">${t.network(anchor.network)}</p>` : nothing}
        ${anchor.network === 'local-dev' ? html`<p class="warning">${t.localDev}</p>` : nothing}
        ${anchor.explorerUrl ? html`<p><a href=${anchor.explorerUrl} target="_blank" rel="noopener noreferrer">${t.explorer}</a></p>` : nothing}
      </div>`;
    }
    return html`<div role="status">
      <h4 id="anchor-title" tabindex="-1">${t.anchoring}</h4>
      <progress part="progress" aria-label=${t.anchoring}></progress>
      <p>${t.anchoringHelp}</p>
      ${anchor.status === 'anchoring_failed' ? html`<p class="warning">${t.anchoringFailed(anchor.error ?? '')}</p>` : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lecoffre-folder-anchor': FolderAnchor;
  }
}

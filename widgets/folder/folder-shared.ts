import type { BankDetails, SharedDocument } from '@lecoffre/sdk';
import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ACCEPT_ATTRIBUTE } from '../core/upload.js';
import { FolderLaterPart } from './folder-later-part.js';

/** "Transmettre le RIB de l'office": what the office sent to the folder's clients, and sending a RIB. */
@customElement('lecoffre-folder-shared')
export class FolderShared extends FolderLaterPart {
  @property({ attribute: false }) shared: SharedDocument[] = [];

  @state() private bankDetails?: BankDetails[];
  /** The file picked to send: named by us, not by the browser's own control (which speaks the browser's language). */
  @state() private picked?: File;

  private asked = false;

  // In willUpdate, not firstUpdated: the busy flag then lands in the first render instead of a second one.
  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.asked || this.readonly || !this.actions) return;
    this.asked = true;
    void this.attempt(async () => {
      this.bankDetails = await this.store.loadBankDetails();
    });
  }

  private async share(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const id = String(new FormData(event.currentTarget as HTMLFormElement).get('bankDetailsId') ?? '');
    if (id && (await this.attempt(() => this.store.shareBankDetails(id)))) this.actions?.announce(this.t.ribShared);
  }

  private async sendDocument(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const file = this.picked;
    if (!file) {
      this.error = this.t.chooseDocument;
      return;
    }
    const label = String(new FormData(form).get('label') ?? '').trim();
    if (await this.attempt(() => this.store.shareFile(file, label))) {
      form.reset();
      this.picked = undefined;
      this.actions?.announce(this.t.documentShared);
    }
  }

  private choose(event: Event): void {
    const input = event.currentTarget as HTMLInputElement;
    this.picked = input.files?.[0];
    if (this.picked) this.error = undefined;
  }

  protected override render() {
    const t = this.t;
    const ribs = this.bankDetails ?? [];
    return html`
      <h3 id="shared-title">${t.shared}</h3>
      ${
        this.shared.length
          ? html`<ul aria-labelledby="shared-title">
              ${this.shared.map((document) => html`<li>${t.sharedOn(document.label, this.date(document.sharedAt))}</li>`)}
            </ul>`
          : html`<p class="muted">${t.noShared}</p>`
      }
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${
        this.readonly || !this.bankDetails
          ? nothing
          : ribs.length
            ? html`<form class="row" @submit=${this.share}>
                <label class="visually-hidden" for="rib">${t.chooseRib}</label>
                <select id="rib" name="bankDetailsId">
                  ${ribs.map((rib) => html`<option value=${rib.id}>${rib.label} — ${rib.ibanDisplay}</option>`)}
                </select>
                <button type="submit" ?disabled=${this.busy}>${t.shareRib}</button>
              </form>`
            : html`<p class="meta">${t.noRib}</p>`
      }
      ${
        this.readonly
          ? nothing
          : html`<form class="send-document" @submit=${this.sendDocument}>
              <span class="label" id="document-file-label">${t.documentFile}</span>
              <div class="row">
                <button type="button" aria-describedby="document-file-label document-file-name" @click=${(event: Event) =>
                  (event.currentTarget as HTMLElement).parentElement?.querySelector('input')?.click()}>
                  ${t.chooseFile}
                </button>
                <span id="document-file-name" class="file-name">${this.picked?.name ?? t.noFileChosen}</span>
                <input type="file" hidden tabindex="-1" accept=${ACCEPT_ATTRIBUTE} @change=${this.choose} />
              </div>
              <label for="document-label">${t.documentLabel}</label>
              <input id="document-label" name="label" maxlength="200" />
              <button type="submit" ?disabled=${this.busy}>${t.sendDocument}</button>
            </form>`
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lecoffre-folder-shared': FolderShared;
  }
}

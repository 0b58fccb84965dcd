import type { BankDetails, SharedDocument } from '@lecoffre/sdk';
import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formatDate } from '../core/i18n.js';
import { FolderPart } from './folder-part.js';

/** "Transmettre le RIB de l'office": what the office sent to the folder's clients, and sending a RIB. */
@customElement('lecoffre-folder-shared')
export class FolderShared extends FolderPart {
  @property({ attribute: false }) shared: SharedDocument[] = [];

  @state() private bankDetails?: BankDetails[];

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
    const data = new FormData(form);
    const file = data.get('file');
    if (!(file instanceof File) || file.size === 0) return;
    if (await this.attempt(() => this.store.shareFile(file, String(data.get('label') ?? '').trim()))) {
      form.reset();
      this.actions?.announce(this.t.documentShared);
    }
  }

  protected override render() {
    const t = this.t;
    const ribs = this.bankDetails ?? [];
    return html`
      <h3 id="shared-title">${t.shared}</h3>
      ${
        this.shared.length
          ? html`<ul aria-labelledby="shared-title">
              ${this.shared.map((document) => html`<li>${t.sharedOn(document.label, formatDate(document.sharedAt, this.language))}</li>`)}
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
              <label for="document-file">${t.documentFile}</label>
              <input id="document-file" name="file" type="file" accept="application/pdf,image/jpeg,image/png" required />
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

import type { SharedDocument } from '@lecoffre/sdk';
import { html, type TemplateResult } from 'lit';
import type { UploadMessages } from './messages.js';

export interface SharedActions {
  copyIban: (iban: string) => void;
  downloadRib: (shared: SharedDocument) => void;
  /** A document the office sent (`kind: file`). */
  downloadFile: (shared: SharedDocument) => void;
}

/** IBAN grouped by four, as printed on a RIB and read aloud over the phone. */
const grouped = (iban: string) => iban.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');

/** One document the office shared: a RIB shown in full (to copy or download), or an office file. */
export function renderSharedDocument(shared: SharedDocument, t: UploadMessages, actions: SharedActions): TemplateResult {
  const rib = shared.bankDetails;
  if (shared.kind !== 'bank_details' || !rib) {
    return html`<article part="shared-document" data-shared-id=${shared.id}>
      <h4>${shared.label}</h4>
      <div class="actions"><button type="button" @click=${() => actions.downloadFile(shared)}>${t.download}</button></div>
    </article>`;
  }
  return html`
    <article part="shared-document" data-shared-id=${shared.id}>
      <h4>${shared.label}</h4>
      <dl>
        <dt>${t.holder}</dt>
        <dd>${rib.holder}</dd>
        <dt>${t.iban}</dt>
        <dd>${grouped(rib.iban)}</dd>
        ${rib.bic ? html`<dt>${t.bic}</dt><dd>${rib.bic}</dd>` : ''}
      </dl>
      <div class="actions">
        <button type="button" @click=${() => actions.copyIban(rib.iban)}>${t.copyIban}</button>
        <button type="button" @click=${() => actions.downloadRib(shared)}>${t.download}</button>
      </div>
    </article>
  `;
}

/** A RIB as a small text file to keep (the office's own PDF RIB is a shared file, when it sends one). */
export function ribAsText(rib: NonNullable<SharedDocument['bankDetails']>, t: UploadMessages): Blob {
  const lines = [rib.label, `${t.holder} : ${rib.holder}`, `${t.iban} : ${grouped(rib.iban)}`, rib.bic ? `${t.bic} : ${rib.bic}` : ''];
  return new Blob([`${lines.filter(Boolean).join('\r\n')}\r\n`], { type: 'text/plain' });
}

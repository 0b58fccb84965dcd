import type { DocumentFile, DocumentRequest, Folder } from '@lecoffre/sdk';
import { css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import '../completion-bar.js';
import { fileState, stateLabel } from '../core/states.js';
import { FolderPart } from './folder-part.js';
import { clockIcon, pencilIcon } from './icons.js';

export type FolderClientView = Folder['clients'][number];

/** "+33626597292" -> "06 26 59 72 92", as the guide shows French numbers; others as stored. */
export function displayMobile(mobile: string): string {
  return /^\+33\d{9}$/.test(mobile) ? `0${mobile.slice(3)}`.replace(/(\d{2})(?=\d)/g, '$1 ') : mobile;
}

/**
 * One client of the folder: their details (pencil to edit, remove from the folder), their completion,
 * "Documents demandés" and "Documents à valider / validés", and "Demander des documents".
 *
 * @csspart client - the card
 */
@customElement('lecoffre-folder-client')
export class FolderClientCard extends FolderPart {
  static override styles = [
    ...FolderPart.styles,
    css`
      .email {
        overflow-wrap: break-word;
      }
      .details {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 15rem), 1fr));
        gap: 0.75rem 1.25rem;
      }
      .columns {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
        gap: 1rem;
        margin: 1rem 0;
      }
      .columns > section {
        padding: 0.75rem;
        border-radius: var(--_radius);
        background: var(--_subtle);
      }
      li + li {
        margin-top: 0.5rem;
      }
      li .row {
        justify-content: space-between;
      }
      button.file {
        width: 100%;
        justify-content: space-between;
        text-align: start;
        border-color: var(--_border);
        color: var(--_text);
      }
      h5 {
        margin: 0 0 0.5rem;
        font-size: 0.95rem;
      }
      lecoffre-completion-bar {
        max-width: 24rem;
      }
      .completion-label {
        margin-top: 0.75rem;
      }
    `,
  ];

  @property({ attribute: false }) client?: FolderClientView;
  /** This client's requests, with their files. */
  @property({ attribute: false }) requests: DocumentRequest[] = [];
  /** "Documents supplémentaires" this client sent without a request: reviewed like the others. */
  @property({ attribute: false }) extras: DocumentFile[] = [];
  @property({ attribute: false }) folder?: Folder;

  private get fullName(): string {
    return this.client ? `${this.client.firstName} ${this.client.lastName}` : '';
  }

  protected override render() {
    const client = this.client;
    if (!client) return nothing;
    const t = this.t;
    const name = this.fullName;
    const pending =
      this.requests.some((request) => request.files.some((file) => file.status === 'pending')) ||
      this.extras.some((file) => file.status === 'pending');
    return html`
      <article class="card" part="client" aria-labelledby="client-name">
        <div class="row spread">
          <h4 id="client-name">
            ${name}
            ${pending ? html`<span class="mark" role="img" aria-label=${t.actionRequired} title=${t.actionRequired}>${clockIcon}</span>` : nothing}
          </h4>
          ${
            this.readonly
              ? nothing
              : html`<span class="row">
                  <button type="button" class="icon" aria-label=${t.editClient(name)} @click=${this.edit}>${pencilIcon}</button>
                  <button type="button" class="link" aria-label=${t.removeClient(name)} @click=${this.removeFromFolder}>${t.remove}</button>
                </span>`
          }
        </div>
        <div class="details">
          ${this.detail(t.lastName, client.lastName)} ${this.detail(t.firstName, client.firstName)}
          ${this.detail(t.mobile, displayMobile(client.mobile))} ${this.detail(t.email, client.email, 'email')}
        </div>
        <span class="label completion-label" aria-hidden="true">${t.clientCompletionShort}</span>
        <lecoffre-completion-bar lang=${this.language} value=${client.completion.percent} label=${t.clientCompletion(name)}></lecoffre-completion-bar>
        <div class="columns">
          <section aria-labelledby="requested">
            <h5 id="requested">${t.requested}</h5>
            ${this.renderRequested()}
          </section>
          <section aria-labelledby="to-review">
            <h5 id="to-review">${t.toReview}</h5>
            ${this.renderToReview()}
          </section>
        </div>
        ${
          this.readonly
            ? nothing
            : html`<button type="button" aria-label=${t.requestDocumentsFor(name)} @click=${this.requestDocuments}>${t.requestDocuments} +</button>`
        }
        <lecoffre-folder-request-dialog
          lang=${this.language}
          .actions=${this.actions}
          .client=${client}
          .folder=${this.folder}
          .requests=${this.requests}
        ></lecoffre-folder-request-dialog>
        <lecoffre-folder-client-dialog lang=${this.language} .actions=${this.actions} .client=${client}></lecoffre-folder-client-dialog>
      </article>
    `;
  }

  private detail(label: string, value: string, kind?: 'email'): TemplateResult {
    if (kind !== 'email') return html`<div><span class="label">${label}</span><span>${value}</span></div>`;
    // An address breaks after its "@" when it must, never in the middle of a name.
    const at = value.indexOf('@');
    return html`<div>
      <span class="label">${label}</span><span class="email">${at < 0 ? value : html`${value.slice(0, at)}<wbr />${value.slice(at)}`}</span>
    </div>`;
  }

  private renderRequested(): TemplateResult {
    const t = this.t;
    const waiting = this.requests.filter((request) => request.status === 'requested');
    // Nothing waits for the client: either nothing was asked yet, or everything asked has been sent.
    if (!waiting.length) return html`<p class="muted">${this.requests.length ? t.allReceived : t.noRequested}</p>`;
    return html`<ul>
      ${waiting.map((request) => {
        const last = request.files.at(-1);
        const refused = last?.status === 'refused';
        return html`<li data-request-id=${request.id}>
          <span class="row">
            <span>${request.label}</span>
            ${
              this.readonly
                ? nothing
                : html`<button type="button" class="icon" aria-label=${t.cancelRequest(request.label)} @click=${(event: Event) => this.cancel(request, event)}>
                    ×
                  </button>`
            }
          </span>
          <span class="meta">${t.requestedOn(this.date(request.createdAt))}</span>
          ${
            // A sentence, not a badge: a notary's reason runs long, and a badge never wraps.
            refused
              ? html`<p class="error refusal">${last.refusalReason ? t.refusedBecause(last.refusalReason) : t.refusedNoReason}</p>`
              : nothing
          }
        </li>`;
      })}
    </ul>`;
  }

  private renderToReview(): TemplateResult {
    const t = this.t;
    const files = [
      ...this.requests.flatMap((request) =>
        request.files.filter((file) => file.status !== 'refused').map((file) => ({ file, label: request.label })),
      ),
      ...this.extras.filter((file) => file.status !== 'refused').map((file) => ({ file, label: t.extraDocument })),
    ];
    if (!files.length) return html`<p class="muted">${t.noToReview}</p>`;
    return html`<ul>
      ${files.map(({ file, label }) => {
        const state = fileState(file);
        const stateText = stateLabel(state, this.language, 'office');
        return html`<li data-file-id=${file.id}>
          <button
            type="button"
            class="file"
            aria-label=${`${t.open(`${label} — ${file.name}`)} (${stateText})`}
            @click=${(event: Event) => this.actions?.openFile(file, event.currentTarget as HTMLElement)}
          >
            <span>${label}<br /><span class="meta">${file.name}</span></span>
            <span class="badge ${state}">${stateText}</span>
          </button>
        </li>`;
      })}
    </ul>`;
  }

  private edit(event: Event): void {
    void this.openDialog('lecoffre-folder-client-dialog', event.currentTarget as HTMLElement);
  }

  private requestDocuments(event: Event): void {
    void this.openDialog('lecoffre-folder-request-dialog', event.currentTarget as HTMLElement);
  }

  private removeFromFolder(event: Event): void {
    const client = this.client;
    if (!client) return;
    this.actions?.confirm(
      this.t.confirmRemoveClient(this.fullName),
      this.t.remove,
      () => this.store.removeClient(client.id),
      event.currentTarget as HTMLElement,
    );
  }

  private cancel(request: DocumentRequest, event: Event): void {
    this.actions?.confirm(
      this.t.cancelRequest(request.label),
      this.t.remove,
      () => this.store.cancelRequest(request.id),
      event.currentTarget as HTMLElement,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lecoffre-folder-client': FolderClientCard;
  }
}

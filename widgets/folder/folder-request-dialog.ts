import { type DocumentRequest, type DocumentType, type Folder, foldForSearch } from '@lecoffre/sdk';
import { css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { FolderClientView } from './folder-client.js';
import { FolderDialog } from './folder-dialog.js';

const SHOWN_MATCHES = 30;

/**
 * "Demander des documents": the deed type's suggested documents to tick, then "Ajouter un document" for
 * the rest of the catalogue ("Document existant") or a type of the office's own ("Créer un document").
 */
@customElement('lecoffre-folder-request-dialog')
export class FolderRequestDialog extends FolderDialog {
  static override styles = [
    ...FolderDialog.styles,
    css`
      .types {
        max-height: 40vh;
        overflow: auto;
      }
      .more {
        margin-top: 0.75rem;
        padding-top: 0.75rem;
        border-top: 1px solid var(--_border);
      }
    `,
  ];

  @property({ attribute: false }) client?: FolderClientView;
  @property({ attribute: false }) folder?: Folder;
  /** This client's requests: types already asked for (and not yet validated) cannot be ticked again. */
  @property({ attribute: false }) requests: DocumentRequest[] = [];

  @state() private suggested: DocumentType[] = [];
  @state() private catalogue: DocumentType[] = [];
  /** Types ticked outside the suggestions (found in the catalogue or just created), shown with them. */
  @state() private added: DocumentType[] = [];
  @state() private selected = new Set<string>();
  @state() private adding?: 'existing' | 'create';
  @state() private filter = '';

  protected override async opening(): Promise<void> {
    this.selected = new Set();
    this.added = [];
    this.adding = undefined;
    this.filter = '';
    const [deedTypes, catalogue] = await Promise.all([this.store.loadDeedTypes(), this.store.loadDocumentTypes()]);
    this.suggested = deedTypes.find((deedType) => deedType.code === this.folder?.deedType.code)?.suggestedDocumentTypes ?? [];
    this.catalogue = catalogue;
  }

  private label(type: DocumentType): string {
    return (this.language === 'en' && type.labelEn) || type.label;
  }

  private get pendingTypeIds(): Set<string> {
    return new Set(this.requests.filter((request) => request.status !== 'validated').map((request) => request.documentTypeId ?? ''));
  }

  private toggle(id: string, checked: boolean): void {
    const next = new Set(this.selected);
    if (checked) next.add(id);
    else next.delete(id);
    this.selected = next;
  }

  private pick(type: DocumentType): void {
    if (!this.suggested.some((known) => known.id === type.id) && !this.added.some((known) => known.id === type.id)) {
      this.added = [...this.added, type];
    }
    this.toggle(type.id, true);
  }

  private async create(): Promise<void> {
    const name = this.renderRoot.querySelector<HTMLInputElement>('#new-label');
    const description = this.renderRoot.querySelector<HTMLInputElement>('#new-description');
    const label = name?.value.trim() ?? '';
    if (!label) {
      this.error = this.t.required;
      name?.focus();
      return;
    }
    let created: DocumentType | undefined;
    if (await this.attempt(async () => (created = await this.store.createDocumentType(label, description?.value.trim() ?? '')))) {
      if (created) this.pick(created);
      this.adding = undefined;
    }
  }

  /** The button goes away with the click: focus moves on to the catalogue filter. */
  private async startAdding(): Promise<void> {
    this.adding = 'existing';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#filter')?.focus();
  }

  // Enter in these inputs would submit the whole request form; it creates the type, or does nothing.
  private readonly enterCreates = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void this.create();
  };

  private readonly enterStays = (event: KeyboardEvent) => {
    if (event.key === 'Enter') event.preventDefault();
  };

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const client = this.client;
    if (!client) return;
    if (!this.selected.size) {
      this.error = this.t.nothingChosen;
      return;
    }
    const documents = [...this.selected].map((documentTypeId) => ({ documentTypeId }));
    let created: DocumentRequest[] = [];
    if (await this.attempt(async () => (created = await this.store.requestDocuments({ clientId: client.id, documents })))) {
      this.actions?.announce(this.t.requestedAnnounce(created.length));
      this.emit('lecoffre-documents-requested', { folderId: this.folder?.id ?? '', requests: created });
      this.close();
    }
  }

  protected override render() {
    const t = this.t;
    const shown = [...this.suggested, ...this.added];
    return this.dialog(
      t.requestDocuments,
      html`<form @submit=${this.submit}>
        <fieldset class="types">
          <legend>${this.suggested.length ? t.suggested : t.chooseDocuments}</legend>
          ${shown.map((type, index) => this.checkbox(type, index === 0))}
        </fieldset>
        ${this.adding ? this.renderAdding() : html`<button type="button" class="link" @click=${this.startAdding}>${t.addOther} +</button>`}
        ${this.actionsRow(t.validate)}
      </form>`,
    );
  }

  private checkbox(type: DocumentType, first: boolean): TemplateResult {
    const already = this.pendingTypeIds.has(type.id);
    return html`<label class="choice">
      <input
        type="checkbox"
        value=${type.id}
        ?disabled=${already}
        ?autofocus=${first}
        .checked=${this.selected.has(type.id)}
        @change=${(event: Event) => this.toggle(type.id, (event.currentTarget as HTMLInputElement).checked)}
      />
      ${this.label(type)} ${already ? html`<span class="meta">(${this.t.alreadyRequested})</span>` : nothing}
    </label>`;
  }

  private renderAdding(): TemplateResult {
    const t = this.t;
    return html`<div class="more" role="group" aria-labelledby="adding-title">
      <h4 id="adding-title">${t.addRequestable}</h4>
      <fieldset>
        <legend class="visually-hidden">${t.addRequestable}</legend>
        ${(['existing', 'create'] as const).map(
          (mode) => html`<label class="choice">
            <input type="radio" name="adding" .checked=${this.adding === mode} @change=${() => {
              this.adding = mode;
            }} />
            ${mode === 'existing' ? t.existingDocument : t.createDocument}
          </label>`,
        )}
      </fieldset>
      ${this.adding === 'existing' ? this.renderCatalogue() : this.renderCreate()}
    </div>`;
  }

  private renderCatalogue(): TemplateResult {
    const t = this.t;
    const wanted = foldForSearch(this.filter);
    const shown = new Set([...this.suggested, ...this.added].map((type) => type.id));
    const matches = this.catalogue
      .filter((type) => !shown.has(type.id) && foldForSearch(`${type.label} ${type.labelEn ?? ''}`).includes(wanted))
      .slice(0, SHOWN_MATCHES);
    return html`
      <label class="label" for="filter">${t.filterCatalogue}</label>
      <input id="filter" type="search" autocomplete="off" @keydown=${this.enterStays} .value=${this.filter} @input=${(event: Event) => {
        this.filter = (event.currentTarget as HTMLInputElement).value;
      }} />
      <ul class="types" aria-label=${t.existingDocument}>
        ${matches.map(
          (type) => html`<li class="row spread">
            <span>${this.label(type)}</span>
            <button type="button" class="link" aria-label=${t.addType(this.label(type))} @click=${() => this.pick(type)}>${t.add}</button>
          </li>`,
        )}
      </ul>
    `;
  }

  private renderCreate(): TemplateResult {
    const t = this.t;
    return html`
      <label class="label" for="new-label">${t.documentName}</label>
      <input id="new-label" maxlength="120" autocomplete="off" autofocus @keydown=${this.enterCreates} />
      <label class="label" for="new-description">${t.documentDescription}</label>
      <input id="new-description" maxlength="500" autocomplete="off" @keydown=${this.enterCreates} />
      <p><button type="button" @click=${this.create} ?disabled=${this.busy}>${t.add}</button></p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lecoffre-folder-request-dialog': FolderRequestDialog;
  }
}

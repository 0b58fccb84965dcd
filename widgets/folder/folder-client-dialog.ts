import type { Client } from '@lecoffre/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { FolderClientView } from './folder-client.js';
import { FolderDialog } from './folder-dialog.js';

const FIELDS = ['lastName', 'firstName', 'mobile', 'email'] as const;
type ClientField = (typeof FIELDS)[number];

/**
 * "Associer un ou plusieurs client(s)" (an existing client of the office, or a new one), or, given a
 * `client`, the pencil's edit form of that client.
 */
@customElement('lecoffre-folder-client-dialog')
export class FolderClientDialog extends FolderDialog {
  /** The client to edit; without one, the dialog adds clients to the folder. */
  @property({ attribute: false }) client?: FolderClientView;

  @state() private mode: 'existing' | 'new' = 'new';
  @state() private found: Client[] = [];
  @state() private searched = false;
  private searchTimer?: ReturnType<typeof setTimeout>;

  protected override async opening(): Promise<void> {
    this.found = [];
    this.searched = false;
    if (!this.client) this.mode = 'existing';
    if (!this.client) await this.search('');
  }

  private async search(q: string): Promise<void> {
    const page = await this.store.searchClients(q);
    const onFolder = new Set(this.store.folder?.clients.map((client) => client.id));
    this.found = page.data.filter((client) => !onFolder.has(client.id));
    this.searched = true;
  }

  private searchInput(event: Event): void {
    const q = (event.currentTarget as HTMLInputElement).value.trim();
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => void this.attempt(() => this.search(q)), 250);
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const fields = Object.fromEntries(FIELDS.map((name) => [name, String(data.get(name) ?? '').trim()])) as Record<ClientField, string>;
    const client = this.client;
    let done: boolean;
    if (client) done = await this.attempt(() => this.store.updateClient(client.id, fields));
    else if (this.mode === 'new') done = await this.attempt(() => this.store.addClient({ client: fields }));
    else {
      const ids = data.getAll('clientId').map(String);
      if (!ids.length) {
        this.error = this.t.chooseClient;
        return;
      }
      done = await this.attempt(async () => {
        for (const clientId of ids) await this.store.addClient({ clientId });
      });
    }
    if (done) {
      this.actions?.announce(this.t.saved);
      this.close();
    }
  }

  protected override render() {
    const t = this.t;
    const editing = this.client !== undefined;
    return this.dialog(
      editing ? t.editClient(`${this.client?.firstName} ${this.client?.lastName}`) : t.associate,
      html`<form @submit=${this.submit}>
        ${
          editing
            ? nothing
            : html`<fieldset>
                <legend class="visually-hidden">${t.associate}</legend>
                ${(['existing', 'new'] as const).map(
                  (mode) => html`<label class="choice">
                    <input type="radio" name="mode" value=${mode} .checked=${this.mode === mode} @change=${() => {
                      this.mode = mode;
                    }} />
                    ${mode === 'existing' ? t.existingClient : t.newClient}
                  </label>`,
                )}
              </fieldset>`
        }
        ${editing || this.mode === 'new' ? this.renderFields() : this.renderSearch()}
        ${this.actionsRow(editing ? t.save : t.associateButton)}
      </form>`,
    );
  }

  private renderSearch(): TemplateResult {
    const t = this.t;
    return html`
      <label class="label" for="search">${t.searchClient}</label>
      <input id="search" type="search" autocomplete="off" autofocus @input=${this.searchInput} />
      <fieldset>
        <legend class="visually-hidden">${t.existingClient}</legend>
        ${this.found.map(
          (client) => html`<label class="choice">
            <input type="checkbox" name="clientId" value=${client.id} />
            ${client.firstName} ${client.lastName} <span class="meta">${client.email}</span>
          </label>`,
        )}
        ${this.searched && !this.found.length ? html`<p class="muted">${t.noClientFound}</p>` : nothing}
      </fieldset>
    `;
  }

  private renderFields(): TemplateResult {
    const t = this.t;
    const client = this.client;
    const field = (name: ClientField, label: string, type: string, autocomplete: string, first = false) => html`
      <div>
        <label class="label" for=${name}>${label}</label>
        <input id=${name} name=${name} type=${type} autocomplete=${autocomplete} required maxlength="254" .value=${client?.[name] ?? ''} ?autofocus=${first} />
      </div>
    `;
    return html`<div class="grid">
        ${field('lastName', t.lastName, 'text', 'family-name', true)} ${field('firstName', t.firstName, 'text', 'given-name')}
        ${field('mobile', t.mobile, 'tel', 'tel')} ${field('email', t.email, 'email', 'email')}
      </div>
      <p class="warning"><span aria-hidden="true">⚠ </span>${t.mobileWarning}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lecoffre-folder-client-dialog': FolderClientDialog;
  }
}

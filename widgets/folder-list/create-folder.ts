import type { DeedType, Member } from '@lecoffre/sdk';
import { css, html, nothing, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { LeCoffreElement } from '../core/element.js';
import { controls, tokens } from '../core/theme.js';
import { type FolderListMessages, MESSAGES } from './messages.js';

interface FieldErrors {
  number?: string;
  title?: string;
  deedType?: string;
}

/**
 * `<lecoffre-create-folder token base-url lang>`: the guide's "Créer un dossier" — number, title, deed
 * type, note, and who may see it (the whole office or some collaborators).
 *
 * @fires lecoffre-folder-created - `{ folder }`, its access already set
 * @fires lecoffre-create-cancelled - "Retour" or "Annuler"
 * @fires lecoffre-error - the folder could not be created
 * @csspart form - the form
 */
@customElement('lecoffre-create-folder')
export class LeCoffreCreateFolder extends LeCoffreElement {
  static override styles = [
    tokens,
    controls,
    css`
      form > * + * {
        margin-top: 0.9rem;
      }
      label,
      legend {
        display: block;
        margin-bottom: 0.25rem;
        font-weight: 600;
      }
      label.choice {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        font-weight: normal;
      }
      fieldset {
        margin: 0;
        padding: 0;
        border: none;
      }
      select {
        min-height: 2.5rem;
        width: 100%;
        border: 1px solid var(--_muted);
        border-radius: var(--_radius);
        background: var(--_surface);
        color: var(--_text);
      }
      .actions {
        display: flex;
        gap: 0.5rem;
        justify-content: flex-end;
      }
      .muted {
        color: var(--_muted);
      }
    `,
  ];

  @state() private deedTypes: DeedType[] = [];
  @state() private collaborators: Member[] = [];
  @state() private access: 'office' | 'members' = 'office';
  @state() private busy = false;
  @state() private error?: string;
  @state() private fieldErrors: FieldErrors = {};

  private get t(): FolderListMessages {
    return MESSAGES[this.language];
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.connectionChanged(changed) && this.api) void this.loadChoices();
  }

  private async loadChoices(): Promise<void> {
    const client = this.api?.client;
    if (!client) return;
    try {
      const [deedTypes, members] = await Promise.all([
        client.catalogue.deedTypes.list().toArray(),
        client.members.list({ limit: 100 }).toArray({ max: 500 }),
      ]);
      this.deedTypes = deedTypes;
      this.collaborators = members.filter((member) => member.role === 'collaborator' && member.status === 'active');
    } catch (error) {
      this.error = this.reportError(error);
    }
  }

  private cancel(): void {
    this.emit('lecoffre-create-cancelled', {});
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const client = this.api?.client;
    if (!client) return;
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const input = { number: text('number'), title: text('title'), deedType: text('deedType'), note: text('note') };
    const missing: FieldErrors = {};
    for (const name of ['number', 'title', 'deedType'] as const) if (!input[name]) missing[name] = this.t.required;
    this.fieldErrors = missing;
    if (Object.keys(missing).length) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    this.busy = true;
    this.error = undefined;
    try {
      let folder = await client.folders.create(input);
      const memberIds = data.getAll('member').map(String);
      if (this.access === 'members') folder = await client.folders.setAccess(folder.id, { access: 'members', memberIds });
      this.emit('lecoffre-folder-created', { folder });
    } catch (error) {
      const message = this.reportError(error);
      if ((error as { code?: string }).code === 'folder_number_taken') this.fieldErrors = { number: this.t.numberTaken };
      else this.error = message;
    } finally {
      this.busy = false;
    }
  }

  protected override render() {
    const t = this.t;
    return html`
      <p><button type="button" class="link" @click=${this.cancel}>‹ ${t.back}</button></p>
      <h2>${t.create}</h2>
      <form part="form" novalidate @submit=${this.submit}>
        <h3>${t.info}</h3>
        ${this.field('number', t.number, 50)} ${this.field('title', t.title, 200)}
        <div>
          <label for="deedType">${t.deedType}</label>
          <select id="deedType" name="deedType" required aria-invalid=${this.fieldErrors.deedType ? 'true' : 'false'} aria-describedby="deedType-error">
            <option value="">${t.chooseDeedType}</option>
            ${this.deedTypes.map((deedType) => html`<option value=${deedType.code}>${this.language === 'en' ? deedType.labelEn : deedType.label}</option>`)}
          </select>
          <span id="deedType-error" class="error">${this.fieldErrors.deedType ?? ''}</span>
        </div>
        <div>
          <label for="note">${t.note}</label>
          <textarea id="note" name="note" rows="3" maxlength="5000"></textarea>
        </div>
        <fieldset>
          <legend>${t.access}</legend>
          ${(['office', 'members'] as const).map(
            (value) => html`<label class="choice">
              <input type="radio" name="access" value=${value} .checked=${this.access === value} @change=${() => {
                this.access = value;
              }} />
              ${value === 'office' ? t.wholeOffice : t.someMembers}
            </label>`,
          )}
        </fieldset>
        ${this.access === 'members' ? this.renderMembers() : nothing}
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        <div class="actions">
          <button type="button" @click=${this.cancel}>${t.cancel}</button>
          <button type="submit" class="primary" ?disabled=${this.busy}>${t.create}</button>
        </div>
      </form>
    `;
  }

  private field(name: 'number' | 'title', label: string, maxlength: number) {
    const error = this.fieldErrors[name];
    return html`<div>
      <label for=${name}>${label}</label>
      <input id=${name} name=${name} required maxlength=${maxlength} autocomplete="off" aria-invalid=${error ? 'true' : 'false'} aria-describedby=${`${name}-error`} />
      <span id=${`${name}-error`} class="error">${error ?? ''}</span>
    </div>`;
  }

  private renderMembers() {
    const t = this.t;
    return html`<fieldset>
      <legend>${t.chooseMembers}</legend>
      ${
        this.collaborators.length
          ? this.collaborators.map(
              (member) =>
                html`<label class="choice"><input type="checkbox" name="member" value=${member.id} /> ${member.firstName} ${member.lastName}</label>`,
            )
          : html`<p class="muted">${t.noCollaborator}</p>`
      }
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lecoffre-create-folder': LeCoffreCreateFolder;
  }
}

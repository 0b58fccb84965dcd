import type { Folder, Member } from '@lecoffre/sdk';
import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { FolderDialog } from './folder-dialog.js';

/** "Modifier les collaborateurs": the whole office, or some collaborators (notaries always see every folder). */
@customElement('lecoffre-folder-access')
export class FolderAccess extends FolderDialog {
  @property({ attribute: false }) folder?: Folder;

  @state() private members: Member[] = [];
  @state() private access: 'office' | 'members' = 'office';

  protected override async opening(): Promise<void> {
    this.access = this.folder?.access ?? 'office';
    this.members = [];
    const all = await this.store.loadMembers();
    this.members = all.filter((member) => member.role === 'collaborator' && member.status === 'active');
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const memberIds = new FormData(form).getAll('member').map(String);
    const access = this.access;
    if (await this.attempt(() => this.store.setAccess({ access, memberIds: access === 'members' ? memberIds : [] }))) {
      this.actions?.announce(this.t.saved);
      this.close();
    }
  }

  protected override render() {
    const t = this.t;
    const chosen = new Set(this.folder?.memberIds ?? []);
    return this.dialog(
      t.access,
      html`<form @submit=${this.submit}>
        <fieldset>
          <legend class="visually-hidden">${t.access}</legend>
          ${(['office', 'members'] as const).map(
            (value) => html`<label class="choice">
              <input
                type="radio"
                name="access"
                value=${value}
                .checked=${this.access === value}
                ?autofocus=${this.access === value}
                @change=${() => {
                  this.access = value;
                }}
              />
              ${value === 'office' ? t.wholeOffice : t.someMembers}
            </label>`,
          )}
        </fieldset>
        ${
          this.access === 'members'
            ? html`<fieldset>
                <legend>${t.chooseMembers}</legend>
                ${this.members.map(
                  (member) => html`<label class="choice">
                    <input type="checkbox" name="member" value=${member.id} ?checked=${chosen.has(member.id)} />
                    ${member.firstName} ${member.lastName}
                  </label>`,
                )}
              </fieldset>`
            : nothing
        }
        <p class="meta">${t.notariesSeeAll}</p>
        ${this.actionsRow(t.save)}
      </form>`,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lecoffre-folder-access': FolderAccess;
  }
}

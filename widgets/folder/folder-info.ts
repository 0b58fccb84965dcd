import type { DeedType, Folder } from '@lecoffre/sdk';
import { css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import './folder-field.js';
import { FolderPart } from './folder-part.js';

/**
 * "Informations du dossier": title, number, deed type, opening date and note, each with its pencil
 * (`PATCH` with If-Match), and "Modifier les collaborateurs" (who may see the folder).
 *
 * @csspart fields - the grid of fields
 */
@customElement('lecoffre-folder-info')
export class FolderInfo extends FolderPart {
  static override styles = [
    ...FolderPart.styles,
    css`
      .note {
        margin-top: 0.75rem;
      }
    `,
  ];

  @property({ attribute: false }) folder?: Folder;
  /** The catalogue's deed types (for the select and the English label), once read. */
  @property({ attribute: false }) deedTypes?: DeedType[];

  private readonly saveField = (name: 'title' | 'number' | 'note' | 'deedType') => async (value: string) => {
    await this.store.updateFolder({ [name]: value });
    this.actions?.announce(this.t.saved);
  };

  private get deedTypeOptions() {
    return (this.deedTypes ?? []).map((deedType) => ({
      value: deedType.code,
      label: this.language === 'en' ? deedType.labelEn : deedType.label,
    }));
  }

  protected override render() {
    const folder = this.folder;
    if (!folder) return nothing;
    const t = this.t;
    const deedLabel = this.deedTypes?.find((deedType) => deedType.code === folder.deedType.code);
    return html`
      <div class="row spread">
        <h3 id="info-title">${t.info}</h3>
        ${
          this.readonly
            ? nothing
            : html`<button type="button" class="link" @click=${(event: Event) => this.openDialog('lecoffre-folder-access', event.currentTarget as HTMLElement)}>
                ${t.editAccess} ›
              </button>`
        }
      </div>
      <div class="grid" part="fields">
        <lecoffre-folder-field
          lang=${this.language}
          .label=${t.title}
          .display=${folder.title}
          .value=${folder.title}
          required
          ?readonly=${this.readonly}
          .actions=${this.actions}
          .save=${this.saveField('title')}
        ></lecoffre-folder-field>
        <lecoffre-folder-field
          lang=${this.language}
          .label=${t.number}
          .display=${folder.number}
          .value=${folder.number}
          maxlength="50"
          required
          ?readonly=${this.readonly}
          .actions=${this.actions}
          .save=${this.saveField('number')}
        ></lecoffre-folder-field>
        <lecoffre-folder-field
          lang=${this.language}
          kind="select"
          .label=${t.deedType}
          .display=${deedLabel && this.language === 'en' ? deedLabel.labelEn : folder.deedType.label}
          .value=${folder.deedType.code}
          .options=${this.deedTypeOptions}
          ?readonly=${this.readonly}
          .actions=${this.actions}
          .prepare=${() => this.store.loadDeedTypes()}
          .save=${this.saveField('deedType')}
        ></lecoffre-folder-field>
        <div>
          <span class="label">${t.openedOn}</span>
          <span>${this.date(folder.createdAt)}</span>
        </div>
      </div>
      <lecoffre-folder-field
        class="note"
        lang=${this.language}
        kind="textarea"
        maxlength="5000"
        .label=${t.note}
        .display=${folder.note}
        .value=${folder.note}
        ?readonly=${this.readonly}
        .actions=${this.actions}
        .save=${this.saveField('note')}
      ></lecoffre-folder-field>
      <lecoffre-folder-access lang=${this.language} .actions=${this.actions} .folder=${folder}></lecoffre-folder-access>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lecoffre-folder-info': FolderInfo;
  }
}

import { css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { FolderPart } from './folder-part.js';
import { pencilIcon } from './icons.js';

export interface FieldOption {
  value: string;
  label: string;
}

/**
 * One piece of folder information with the guide's pencil: shown as text, edited in place on a click
 * (Enter or "Enregistrer" saves, Escape or "Annuler" gives up), focus back on the pencil afterwards.
 */
@customElement('lecoffre-folder-field')
export class FolderField extends FolderPart {
  static override styles = [
    ...FolderPart.styles,
    css`
      /* The pencil stays beside the value's first line, however long the value: the value wraps, not it. */
      .shown {
        display: flex;
        align-items: flex-start;
        gap: 0.5rem;
      }
      .value {
        min-width: 0;
        padding-top: 0.2rem;
        white-space: pre-line;
      }
      form {
        display: grid;
        gap: 0.4rem;
      }
    `,
  ];

  @property() label = '';
  /** What is shown; `value` is what the editor starts from (the code of a select, the raw text). */
  @property() display = '';
  @property() value = '';
  @property() kind: 'text' | 'textarea' | 'select' = 'text';
  @property({ attribute: false }) options: FieldOption[] = [];
  @property({ type: Number }) maxlength = 200;
  @property({ type: Boolean }) required = false;
  /** Saves the new value; a rejection keeps the editor open with the error. */
  @property({ attribute: false }) save?: (value: string) => Promise<void>;
  /** Called before editing starts (e.g. to load the options of a select). */
  @property({ attribute: false }) prepare?: () => Promise<void>;

  @state() private editing = false;

  private async start(): Promise<void> {
    if (this.prepare && !(await this.attempt(this.prepare))) return;
    this.editing = true;
  }

  private stop(): void {
    this.editing = false;
    this.error = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>('button.icon')?.focus());
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('[name="value"]');
    const next = input?.value.trim() ?? '';
    if (next === this.value.trim()) return this.stop();
    if (await this.attempt(() => this.save?.(next) ?? Promise.resolve())) this.stop();
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('editing') && this.editing) this.renderRoot.querySelector<HTMLElement>('[name="value"]')?.focus();
  }

  protected override render() {
    const id = 'field';
    if (!this.editing) {
      return html`
        <span class="label">${this.label}</span>
        <span class="shown">
          <span class="value">${this.display || html`<span class="muted">—</span>`}</span>
          ${
            this.readonly || !this.save
              ? nothing
              : html`<button type="button" class="icon" aria-label=${this.t.edit(this.label)} ?disabled=${this.busy} @click=${this.start}>
                  ${pencilIcon}
                </button>`
          }
        </span>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      `;
    }
    return html`
      <form
        @submit=${this.submit}
        @keydown=${(event: KeyboardEvent) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            this.stop();
          }
        }}
      >
        <label class="label" for=${id}>${this.label}</label>
        ${this.renderEditor(id)}
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        <span class="row">
          <button type="submit" class="primary" ?disabled=${this.busy}>${this.t.save}</button>
          <button type="button" @click=${this.stop}>${this.t.cancel}</button>
        </span>
      </form>
    `;
  }

  private renderEditor(id: string) {
    if (this.kind === 'select') {
      return html`<select id=${id} name="value">
        ${this.options.map((option) => html`<option value=${option.value} ?selected=${option.value === this.value}>${option.label}</option>`)}
      </select>`;
    }
    if (this.kind === 'textarea') {
      return html`<textarea id=${id} name="value" rows="4" maxlength=${this.maxlength} .value=${this.value}></textarea>`;
    }
    return html`<input id=${id} name="value" type="text" maxlength=${this.maxlength} ?required=${this.required} .value=${this.value} />`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lecoffre-folder-field': FolderField;
  }
}

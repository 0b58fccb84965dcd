import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { FolderDialog } from './folder-dialog.js';

/**
 * "Refuser le document ?": the reason goes to the client by e-mail. The API lets it be empty; here it is
 * required, as a refusal without a reason leaves the client guessing what to send.
 */
@customElement('lecoffre-folder-refuse-dialog')
export class FolderRefuseDialog extends FolderDialog {
  /** Refuses with the reason given; a rejection keeps the dialog open with the error. */
  @property({ attribute: false }) refuse?: (reason: string) => Promise<void>;

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const field = this.renderRoot.querySelector<HTMLTextAreaElement>('#reason');
    const reason = field?.value.trim() ?? '';
    if (!reason) {
      this.error = this.t.reasonRequired;
      field?.focus();
      return;
    }
    if (await this.attempt(() => this.refuse?.(reason) ?? Promise.resolve())) this.close();
  }

  protected override render() {
    const t = this.t;
    return this.dialog(
      t.refuseTitle,
      html`<form @submit=${this.submit} novalidate>
        <p id="refuse-intro">${t.refuseIntro}</p>
        <label class="label" for="reason">${t.reason}</label>
        <textarea
          id="reason"
          rows="4"
          maxlength="1000"
          required
          autofocus
          aria-describedby="refuse-intro"
          aria-invalid=${this.error ? 'true' : 'false'}
        ></textarea>
        ${this.actionsRow(t.refuse)}
      </form>`,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lecoffre-folder-refuse-dialog': FolderRefuseDialog;
  }
}

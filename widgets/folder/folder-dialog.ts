import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { FolderLaterPart } from './folder-later-part.js';

/**
 * Base of the folder's dialogs, on the native modal `<dialog>`: the browser traps focus inside, makes the
 * page behind inert and closes on Escape. Focus goes back to the button that opened it.
 */
export class FolderDialog extends FolderLaterPart {
  /** Where focus goes when the opener is gone (the action removed it, e.g. a client taken off the folder). */
  @property({ attribute: false }) fallbackFocus?: () => void;

  @state() protected isOpen = false;
  private opener?: HTMLElement;

  /** Shows the dialog; `opener` gets the focus back when it closes. */
  async open(opener?: HTMLElement): Promise<void> {
    this.opener = opener;
    this.error = undefined;
    this.isOpen = true;
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog && !dialog.open) dialog.showModal();
    // Not through attempt(): loading must not disable the dialog's buttons (busy is for the user's actions).
    try {
      await this.opening();
    } catch (error) {
      this.error = this.reportError(error);
      return;
    }
    await this.updateComplete;
    // A form starts at its first field; otherwise (the viewer) at the title, the dialog scrolled to its top:
    // on a phone, the browser's own first focus (the buttons under the preview) hid the title.
    const first = this.renderRoot.querySelector<HTMLElement>('[autofocus]');
    if (first) return first.focus();
    if (dialog) dialog.scrollTop = 0;
    this.renderRoot.querySelector<HTMLElement>('#dialog-title')?.focus({ preventScroll: true });
  }

  close(): void {
    this.renderRoot.querySelector('dialog')?.close();
  }

  /** Loads what the dialog shows (members, catalogue…) once it is open; errors are shown inside it. */
  protected async opening(): Promise<void> {}

  /** After the dialog closed, however it was closed (button, Escape). */
  protected afterClose(): void {}

  private readonly closed = () => {
    this.isOpen = false;
    this.afterClose();
    const opener = this.opener;
    this.opener = undefined;
    if (opener?.isConnected) opener.focus();
    else this.fallbackFocus?.();
  };

  /** The `<dialog>` with its heading as accessible name; nothing at all while closed. */
  protected dialog(title: string, body: TemplateResult | typeof nothing): TemplateResult | typeof nothing {
    if (!this.isOpen) return nothing;
    return html`
      <dialog aria-labelledby="dialog-title" part="dialog" @close=${this.closed}>
        <h3 id="dialog-title" tabindex="-1">${title}</h3>
        ${body}
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      </dialog>
    `;
  }

  /** Annuler + the main button, at the bottom of a dialog's form. */
  protected actionsRow(submitLabel: string, submitType: 'submit' | 'button' = 'submit', onSubmit?: () => void): TemplateResult {
    return html`<div class="actions">
      <button type="button" @click=${() => this.close()}>${this.t.cancel}</button>
      <button type=${submitType} class="primary" ?disabled=${this.busy} @click=${onSubmit ?? nothing}>${submitLabel}</button>
    </div>`;
  }
}

import { html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { FolderDialog } from './folder-dialog.js';

/** "Archiver le dossier ?", "Retirer … du dossier ?": a question, Annuler, and the action's own button. */
@customElement('lecoffre-folder-confirm')
export class FolderConfirm extends FolderDialog {
  @state() private question = '';
  @state() private confirmLabel = '';
  private action?: () => Promise<unknown>;

  /** Asks, then runs `action` if confirmed; the dialog stays open with the error if the action fails. */
  ask(question: string, confirmLabel: string, action: () => Promise<unknown>, opener?: HTMLElement): Promise<void> {
    this.question = question;
    this.confirmLabel = confirmLabel;
    this.action = action;
    return this.open(opener);
  }

  private async confirm(): Promise<void> {
    const action = this.action;
    if (action && (await this.attempt(action))) this.close();
  }

  protected override render() {
    return this.dialog(
      this.confirmLabel,
      html`<p>${this.question}</p>
        <div class="actions">
          <button type="button" autofocus @click=${() => this.close()}>${this.t.cancel}</button>
          <button type="button" class="primary" ?disabled=${this.busy} @click=${this.confirm}>${this.confirmLabel}</button>
        </div>`,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lecoffre-folder-confirm': FolderConfirm;
  }
}

import type { DocumentFile } from '@lecoffre/sdk';
import { property, state } from 'lit/decorators.js';
import { LeCoffreElement } from '../core/element.js';
import { formatDate } from '../core/i18n.js';
import { controls, tokens } from '../core/theme.js';
import type { FolderStore } from './folder-store.js';
import { dialogIn } from './load-dialogs.js';
import { type FolderMessages, messagesFor } from './messages.js';
import { folderStyles } from './styles.js';

/** What `<lecoffre-folder>` hands its inner elements: the store, and the few things only it owns. */
export interface FolderActions {
  store: FolderStore;
  /** Read out by the folder's polite live region. */
  announce(text: string): void;
  /** Opens the viewer on a file; focus returns to `opener` when it closes. */
  openFile(file: DocumentFile, opener: HTMLElement): void;
  /** Asks a yes/no question in a modal dialog, then runs `action` if the answer is yes. */
  confirm(question: string, confirmLabel: string, action: () => Promise<unknown>, opener: HTMLElement): void;
}

/**
 * Base of the folder's inner elements: its words in the `lang` it is given, the shared styles, and
 * `attempt` (busy flag, error shown in place and reported as `lecoffre-error`).
 */
export class FolderPart extends LeCoffreElement {
  static override styles = [tokens, controls, folderStyles];

  @property({ attribute: false }) actions?: FolderActions;
  /** Archived, or anchored / being anchored: shown, not changed. */
  @property({ type: Boolean, reflect: true }) readonly = false;

  @state() protected busy = false;
  @state() protected error?: string;

  protected get t(): FolderMessages {
    return messagesFor(this.language, this);
  }

  /** A date as the office reads it: in its language and its time zone. */
  protected date(iso: string): string {
    return formatDate(iso, this.language, { timeZone: this.actions?.store.timeZone });
  }

  protected get store(): FolderStore {
    if (!this.actions) throw new Error(`${this.localName} is an inner element of <lecoffre-folder>.`);
    return this.actions.store;
  }

  /** Opens one of this element's dialogs (a lazy chunk: see load-dialogs.ts) from the button `opener`. */
  protected async openDialog<T extends { open(opener?: HTMLElement): Promise<void> }>(
    selector: string,
    opener: HTMLElement,
  ): Promise<void> {
    try {
      await (await dialogIn<Element & T>(this.renderRoot, selector))?.open(opener);
    } catch (error) {
      this.error = this.reportError(error);
    }
  }

  /** Runs one change; answers false (with the error shown and reported) if it failed. */
  protected async attempt(work: () => Promise<unknown>): Promise<boolean> {
    this.busy = true;
    this.error = undefined;
    try {
      await work();
      return true;
    } catch (error) {
      const message = this.reportError(error);
      // 412 from If-Match: the store reloaded the folder; say why the edit did not go through.
      const { status, code } = error as { status?: number; code?: string };
      this.error = status === 412 ? this.t.changedMeanwhile : code === 'folder_number_taken' ? this.t.numberTaken : message;
      return false;
    } finally {
      this.busy = false;
    }
  }
}

import type { Folder } from '@lecoffre/sdk';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { WidgetConnection } from '../core/connection.js';
import { LiveController } from '../core/live.js';

export type FolderTab = 'open' | 'archived';

export interface FolderListHost extends ReactiveControllerHost {
  readonly api: WidgetConnection | undefined;
}

const PAGE_SIZE = 30;
const SEARCH_DELAY_MS = 250;

/**
 * The folders of one tab matching the search, a page at a time ("Afficher plus"). Typing waits a
 * quarter of a second before asking; an answer to an older question is dropped.
 */
export class FolderListController implements ReactiveController {
  tab: FolderTab = 'open';
  q = '';
  folders: Folder[] = [];
  nextCursor: string | null = null;
  loading = false;
  error?: unknown;

  private sequence = 0;
  private searchTimer?: ReturnType<typeof setTimeout>;

  constructor(private readonly host: FolderListHost) {
    host.addController(this);
    // Uploads, reviews and completion of any folder the member sees change the list: read its first page
    // again, quietly: a failure of a read the user did not ask for is not reported (the list stays as it was).
    new LiveController(
      host,
      () => ({ office: true }),
      () => (this.folders.length <= PAGE_SIZE ? this.fetch(undefined, true) : Promise.resolve()),
    );
  }

  hostDisconnected(): void {
    clearTimeout(this.searchTimer);
  }

  show(tab: FolderTab): Promise<void> {
    this.tab = tab;
    return this.reload();
  }

  search(q: string): void {
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => {
      this.q = q.trim();
      void this.reload();
    }, SEARCH_DELAY_MS);
  }

  /** The first page again (after a change elsewhere: a folder created, archived, reviewed). */
  reload(): Promise<void> {
    return this.fetch(undefined);
  }

  more(): Promise<void> {
    return this.nextCursor ? this.fetch(this.nextCursor) : Promise.resolve();
  }

  private async fetch(cursor: string | undefined, quiet = false): Promise<void> {
    const api = this.host.api;
    if (!api) return;
    const sequence = ++this.sequence;
    if (!quiet) {
      this.loading = true;
      this.error = undefined;
      this.host.requestUpdate();
    }
    try {
      const page = await api.client.folders.list({ status: this.tab, q: this.q || undefined, limit: PAGE_SIZE, cursor }).page();
      if (sequence !== this.sequence) return;
      this.folders = cursor ? [...this.folders, ...page.data] : page.data;
      this.nextCursor = page.nextCursor ?? null;
    } catch (error) {
      if (sequence === this.sequence && !quiet) this.error = error;
    } finally {
      if (sequence === this.sequence) {
        this.loading = false;
        this.host.requestUpdate();
      }
    }
  }
}

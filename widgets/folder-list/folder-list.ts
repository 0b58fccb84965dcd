import type { Folder } from '@lecoffre/sdk';
import { css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { LeCoffreElement } from '../core/element.js';
import { describeError } from '../core/errors.js';
import { controls, tokens } from '../core/theme.js';
import { clockIcon } from '../folder/icons.js';
import { FolderListController, type FolderListHost, type FolderTab } from './folder-list-controller.js';
import { type FolderListMessages, MESSAGES } from './messages.js';

const TABS: FolderTab[] = ['open', 'archived'];

/**
 * `<lecoffre-folder-list token base-url lang selected>`: the console's left column, as in the guide:
 * "Dossiers en cours" / "Dossiers archivés", "Chercher un dossier", each folder with the clock when files
 * wait for review, and "Créer un dossier".
 *
 * @fires lecoffre-folder-selected - a folder was chosen: `{ folderId }`
 * @fires lecoffre-create-folder - "Créer un dossier" was clicked
 * @fires lecoffre-error - the list could not be read: `{ code, message, status, requestId, error }`
 * @fires lecoffre-session-expired - the API refused the token and `tokenProvider` gave no working one: `{ element, requestId, message }`
 * @csspart tabs - the two tabs
 * @csspart search - the search field
 * @csspart list - the folders
 * @csspart create - the "Créer un dossier" button
 */
@customElement('lecoffre-folder-list')
export class LeCoffreFolderList extends LeCoffreElement implements FolderListHost {
  static override styles = [
    tokens,
    controls,
    css`
      [role='tablist'] {
        display: flex;
        overflow-x: auto;
        gap: 0.25rem;
        border-bottom: 1px solid var(--_border);
      }
      [role='tab'] {
        /* Two tabs side by side, each label on one line: narrower screens scroll the tab row, never wrap a label. */
        flex: none;
        white-space: nowrap;
        padding-inline: 0.6em;
        border: none;
        border-bottom: 3px solid transparent;
        border-radius: 0;
        color: var(--_text);
      }
      [role='tab'][aria-selected='true'] {
        border-bottom-color: var(--_accent);
        font-weight: 600;
      }
      label {
        display: block;
        margin: 0.75rem 0 0.25rem;
        font-size: 0.9rem;
        color: var(--_muted);
      }
      ul {
        margin: 0.75rem 0;
        padding: 0;
        list-style: none;
      }
      li + li {
        margin-top: 0.25rem;
      }
      ul button {
        width: 100%;
        justify-content: space-between;
        text-align: start;
        border-color: var(--_border);
        color: var(--_text);
      }
      ul button[aria-current='true'] {
        border-color: var(--_accent);
        background: var(--_subtle);
      }
      .mark {
        display: inline-flex;
        color: var(--_warning);
      }
      .folder-title {
        display: block;
      }
      .folder-meta {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        margin-top: 0.3rem;
        font-size: 0.85rem;
        color: var(--_muted);
        font-variant-numeric: tabular-nums;
      }
      .folder-meta .bar {
        flex: 1;
        max-width: 8rem;
        height: 0.35rem;
        border-radius: 0.2rem;
        background: var(--_border);
        overflow: hidden;
      }
      .folder-meta .fill {
        display: block;
        height: 100%;
        background: var(--_accent);
      }
      .folder-main {
        flex: 1;
        min-width: 0;
      }
      .empty {
        margin: 0.75rem 0;
        padding: 1rem;
        border: 1px dashed var(--_border);
        border-radius: var(--_radius);
        background: var(--_subtle);
      }
      .empty h3 {
        margin: 0 0 0.35rem;
        font-size: 1rem;
      }
      .empty p {
        margin: 0 0 0.75rem;
      }
      .muted {
        color: var(--_muted);
      }
      [part='create'] {
        width: 100%;
      }
    `,
  ];

  /** The folder shown beside the list (`aria-current`). */
  @property() selected?: string;

  private readonly data = new FolderListController(this);

  private get t(): FolderListMessages {
    return MESSAGES[this.language];
  }

  /** Reads the list again, e.g. after the page changed a folder. */
  reload(): Promise<void> {
    return this.data.reload();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.connectionChanged(changed) && this.api) void this.data.reload();
  }

  private reported?: unknown;

  protected override updated(): void {
    // Widths set through the CSSOM: the hosted pages' CSP (style-src 'self') blocks style attributes, which
    // lit's styleMap writes on a first render.
    for (const fill of this.renderRoot.querySelectorAll<HTMLElement>('.fill[data-percent]')) fill.style.width = `${fill.dataset.percent}%`;
    if (this.data.error && this.data.error !== this.reported) {
      this.reported = this.data.error;
      this.emit('lecoffre-error', describeError(this.data.error, this.language));
    }
  }

  /** Arrow keys move between the two tabs (the ARIA tabs pattern); Tab leaves the tab list. */
  private tabKeys(event: KeyboardEvent): void {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight' && event.key !== 'Home' && event.key !== 'End') return;
    event.preventDefault();
    const index = TABS.indexOf(this.data.tab);
    const next =
      event.key === 'Home'
        ? 0
        : event.key === 'End'
          ? TABS.length - 1
          : (index + (event.key === 'ArrowRight' ? 1 : -1) + TABS.length) % TABS.length;
    void this.choose(TABS[next]).then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${TABS[next]}`)?.focus());
  }

  private async choose(tab: FolderTab): Promise<void> {
    if (tab === this.data.tab) return;
    await this.data.show(tab);
  }

  protected override render() {
    const t = this.t;
    if (!this.api) return html`<p>${t.notConfigured}</p>`;
    const { tab, folders, loading, error, nextCursor, q } = this.data;
    return html`
      <div role="tablist" part="tabs" aria-label=${t.folders} @keydown=${this.tabKeys}>
        ${TABS.map(
          (value) => html`<button
            type="button"
            role="tab"
            id=${`tab-${value}`}
            aria-selected=${tab === value ? 'true' : 'false'}
            aria-controls="panel"
            tabindex=${tab === value ? '0' : '-1'}
            @click=${() => this.choose(value)}
          >
            ${value === 'open' ? t.open : t.archived}
          </button>`,
        )}
      </div>
      <div role="tabpanel" id="panel" aria-labelledby=${`tab-${tab}`}>
        <label for="search">${t.search}</label>
        <input id="search" part="search" type="search" autocomplete="off" @input=${(event: Event) => this.data.search((event.currentTarget as HTMLInputElement).value)} />
        ${error ? html`<p class="error" role="alert">${describeError(error, this.language).message}</p>` : nothing}
        <ul part="list" aria-busy=${loading ? 'true' : 'false'}>
          ${folders.map((folder) => this.renderFolder(folder))}
        </ul>
        ${loading ? html`<p role="status" class="muted">${t.loading}</p>` : nothing}
        ${!loading && !error && !folders.length ? this.renderEmpty(tab, q) : nothing}
        ${nextCursor && !loading ? html`<p><button type="button" @click=${() => this.data.more()}>${t.more}</button></p>` : nothing}
      </div>
      <button type="button" class="primary" part="create" @click=${() => this.emit('lecoffre-create-folder', {})}>${t.create}</button>
    `;
  }

  /** "3/5" and a bar: how far the folder is, readable at a glance in the list. */
  private renderCompletion(folder: Folder) {
    const { validated, total, percent } = folder.completion;
    const anchor = folder.anchor?.status;
    const badge = anchor
      ? html` <span class="badge ${anchor === 'anchored' ? 'validated' : 'pending'}" data-anchor=${anchor}>${anchor === 'anchored' ? this.t.anchored : this.t.anchoring}</span>`
      : nothing;
    if (!total) return html`<span class="folder-meta">${this.t.noRequest}${badge}</span>`;
    return html`<span class="folder-meta" data-completion>
      <span>${this.t.completion(validated, total)}${badge}</span>
      <span class="bar" aria-hidden="true"><span class="fill" data-percent=${percent}></span></span>
    </span>`;
  }

  /** What an empty list means, and what to do about it. */
  private renderEmpty(tab: FolderTab, q: string) {
    const t = this.t;
    const [title, text] = q ? [t.noMatchTitle, t.noMatch] : tab === 'archived' ? [t.noArchivedTitle, t.noArchived] : [t.noneTitle, t.none];
    return html`<div class="empty" data-empty>
      <h3>${title}</h3>
      <p>${text}</p>
      ${
        tab === 'open' && !q
          ? html`<button type="button" class="primary" @click=${() => this.emit('lecoffre-create-folder', {})}>${t.createFirst}</button>`
          : nothing
      }
    </div>`;
  }

  private renderFolder(folder: Folder) {
    const t = this.t;
    const current = folder.id === this.selected;
    return html`<li>
      <button
        type="button"
        data-folder-id=${folder.id}
        aria-current=${current ? 'true' : 'false'}
        @click=${() => {
          this.selected = folder.id;
          this.emit('lecoffre-folder-selected', { folderId: folder.id });
        }}
      >
        <span class="folder-main">
          <span class="folder-title">${folder.number} - ${folder.title}</span>
          ${this.renderCompletion(folder)}
        </span>
        <span>
          ${folder.actionRequired ? html`<span class="mark" role="img" aria-label=${t.actionRequired} title=${t.actionRequired}>${clockIcon}</span>` : nothing}
          <span aria-hidden="true">›</span>
        </span>
      </button>
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lecoffre-folder-list': LeCoffreFolderList;
  }
}

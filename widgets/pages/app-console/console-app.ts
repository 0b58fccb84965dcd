import type { Me } from '@lecoffre/sdk';
import { css, html, nothing, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { LeCoffreElement } from '../../core/element.js';
import { describeError } from '../../core/errors.js';
import { controls, tokens } from '../../core/theme.js';
import '../../folder/folder.js';
import '../../folder-list/create-folder.js';
import '../../folder-list/folder-list.js';
import type { LeCoffreFolderList } from '../../folder-list/folder-list.js';
import { type ConsoleRoute, pathOf, routeOf } from './console-route.js';
import { type ConsoleMessages, MESSAGES } from './messages.js';

/** Changes after which the list's action marks and tabs may be out of date. */
const LIST_CHANGING_EVENTS = [
  'lecoffre-document-validated',
  'lecoffre-document-refused',
  'lecoffre-folder-updated',
  'lecoffre-folder-archived',
];

/**
 * `/app`, the hosted notary console: signed in with ID.not (the page's server sends strangers to the
 * login first; an expired session is sent there again from here), the folder list on the left, and on the
 * right the folder chosen (`<lecoffre-folder>`) or "Créer un dossier". The URL follows: `/app/dossiers/{id}`
 * and `/app/nouveau` can be bookmarked, and the browser's back button works.
 */
@customElement('lecoffre-app-console')
export class LeCoffreAppConsole extends LeCoffreElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host {
        min-height: 100vh;
      }
      header {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 0.5rem 1rem;
        padding: 0.6rem 1rem;
        background: var(--_accent);
        color: var(--_on-accent);
      }
      header h1 {
        margin: 0;
        font-size: 1.15rem;
      }
      header form {
        display: flex;
        align-items: center;
        gap: 0.75rem;
      }
      header button {
        border-color: var(--_on-accent);
      }
      .layout {
        display: grid;
        grid-template-columns: minmax(16rem, 22rem) 1fr;
        gap: 1.5rem;
        padding: 1.25rem 1rem 3rem;
      }
      @media (max-width: 48rem) {
        .layout {
          grid-template-columns: 1fr;
        }
      }
      main:focus {
        outline: none;
      }
      .placeholder {
        color: var(--_muted);
      }
    `,
  ];

  @state() private me?: Me;
  @state() private problem?: string;
  @state() private route: ConsoleRoute = routeOf(window.location.pathname);

  private get t(): ConsoleMessages {
    return MESSAGES[this.language];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.onPopState);
    for (const name of LIST_CHANGING_EVENTS) this.addEventListener(name, this.refreshList);
    this.addEventListener('lecoffre-error', this.onError);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onPopState);
    for (const name of LIST_CHANGING_EVENTS) this.removeEventListener(name, this.refreshList);
    this.removeEventListener('lecoffre-error', this.onError);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.connectionChanged(changed) && this.api) void this.signIn();
  }

  private async signIn(): Promise<void> {
    try {
      this.me = await this.api?.client.me.retrieve();
    } catch (error) {
      if ((error as { status?: number }).status === 401) return this.toLogin();
      this.problem = describeError(error, this.language).message;
    }
  }

  /** The session expired (or never was): ID.not, then back to the same screen. */
  private toLogin(): void {
    const returnTo = `${window.location.pathname}${window.location.search}`;
    window.location.assign(`/auth/idnot/login?returnTo=${encodeURIComponent(returnTo)}`);
  }

  private readonly onError = (event: Event) => {
    if ((event as CustomEvent<{ status?: number }>).detail.status === 401) this.toLogin();
  };

  private readonly onPopState = () => {
    this.route = routeOf(window.location.pathname);
  };

  private readonly refreshList = () => {
    void this.renderRoot.querySelector<LeCoffreFolderList>('lecoffre-folder-list')?.reload();
  };

  private async go(route: ConsoleRoute): Promise<void> {
    const path = pathOf(route) + window.location.search;
    if (path !== window.location.pathname + window.location.search) window.history.pushState(null, '', path);
    this.route = route;
    await this.updateComplete;
    // Keyboard and screen-reader users land on what they just opened, not back at the top of the page.
    this.renderRoot.querySelector<HTMLElement>('main')?.focus();
  }

  protected override render() {
    const t = this.t;
    if (this.problem) return html`${this.renderHeader()}<p class="error" role="alert">${this.problem}</p>`;
    if (!this.me) return html`${this.renderHeader()}<p role="status">${t.checking}</p>`;
    if (this.me.member?.status === 'pending') return html`${this.renderHeader()}<p role="alert">${t.pending}</p>`;
    const route = this.route;
    return html`
      ${this.renderHeader()}
      <div class="layout">
        <nav aria-label=${t.console}>
          <lecoffre-folder-list
            lang=${this.language}
            selected=${route.view === 'folder' ? route.folderId : ''}
            @lecoffre-folder-selected=${(event: CustomEvent<{ folderId: string }>) => this.go({ view: 'folder', folderId: event.detail.folderId })}
            @lecoffre-create-folder=${() => this.go({ view: 'create' })}
          ></lecoffre-folder-list>
        </nav>
        <main tabindex="-1">${this.renderMain(route)}</main>
      </div>
    `;
  }

  private renderMain(route: ConsoleRoute) {
    if (route.view === 'folder') return html`<lecoffre-folder lang=${this.language} folder-id=${route.folderId}></lecoffre-folder>`;
    if (route.view === 'create') {
      return html`<lecoffre-create-folder
        lang=${this.language}
        @lecoffre-folder-created=${(event: CustomEvent) => {
          this.refreshList();
          void this.go({ view: 'folder', folderId: event.detail.folder.id });
        }}
        @lecoffre-create-cancelled=${() => this.go({ view: 'home' })}
      ></lecoffre-create-folder>`;
    }
    return html`<p class="placeholder">${this.t.select}</p>`;
  }

  private renderHeader() {
    const t = this.t;
    const member = this.me?.member;
    return html`<header>
      <h1>LeCoffre — ${t.console}</h1>
      ${
        member && this.me
          ? html`<form method="post" action="/auth/logout">
              <span>${t.signedInAs(`${member.firstName} ${member.lastName}`, this.me.office.name)}</span>
              <button type="submit">${t.signOut}</button>
            </form>`
          : nothing
      }
    </header>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lecoffre-app-console': LeCoffreAppConsole;
  }
}

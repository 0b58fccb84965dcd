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
import './office-settings.js';
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
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 0.75rem;
      }
      header button {
        border-color: var(--_on-accent);
      }
      header a {
        color: var(--_on-accent);
      }
      header nav {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1rem;
      }
      .layout {
        display: grid;
        grid-template-columns: minmax(16rem, 22rem) 1fr;
        gap: 1.5rem;
        padding: 1.25rem 1rem 3rem;
      }
      /* Grid items may shrink below their content's width (a long title, the tab row): no sideways scroll. */
      .layout > * {
        min-width: 0;
      }
      .back {
        display: none;
      }
      /* Phones: master-detail. The list alone, then the folder alone with a way back to the list. */
      @media (max-width: 48rem) {
        .layout {
          grid-template-columns: 1fr;
        }
        .layout[data-view='detail'] > .list,
        .layout[data-view='list'] > main {
          display: none;
        }
        .back {
          display: inline-flex;
          margin-bottom: 0.75rem;
        }
      }
      main:focus {
        outline: none;
      }
      .empty {
        padding: 1.5rem;
        border: 1px dashed var(--_border);
        border-radius: var(--_radius);
        background: var(--_surface);
        max-width: 36rem;
      }
      .empty h2 {
        margin: 0 0 0.5rem;
        font-size: 1.2rem;
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
    this.fromList = false;
    this.route = routeOf(window.location.pathname);
  };

  private readonly refreshList = () => {
    void this.renderRoot.querySelector<LeCoffreFolderList>('lecoffre-folder-list')?.reload();
  };

  /** The list led to the current screen through a history entry: "back to the list" is then the browser's back. */
  private fromList = false;

  private async go(route: ConsoleRoute): Promise<void> {
    const path = pathOf(route) + window.location.search;
    if (path !== window.location.pathname + window.location.search) {
      window.history.pushState(null, '', path);
      this.fromList = this.route.view === 'home';
    }
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
      <div class="layout" data-view=${route.view === 'home' ? 'list' : 'detail'}>
        <nav class="list" aria-label=${t.folders}>
          <lecoffre-folder-list
            lang=${this.language}
            selected=${route.view === 'folder' ? route.folderId : ''}
            @lecoffre-folder-selected=${(event: CustomEvent<{ folderId: string }>) => this.go({ view: 'folder', folderId: event.detail.folderId })}
            @lecoffre-create-folder=${() => this.go({ view: 'create' })}
          ></lecoffre-folder-list>
        </nav>
        <main tabindex="-1">
          ${route.view === 'home' ? nothing : html`<button type="button" class="back link" @click=${this.backToList}>‹ ${t.backToList}</button>`}
          ${this.renderMain(route)}
        </main>
      </div>
    `;
  }

  private renderMain(route: ConsoleRoute) {
    if (route.view === 'folder') return html`<lecoffre-folder lang=${this.language} folder-id=${route.folderId}></lecoffre-folder>`;
    if (route.view === 'office') {
      return html`<lecoffre-office-settings lang=${this.language} ?can-edit=${this.me?.member?.role === 'notary'}></lecoffre-office-settings>`;
    }
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
    const t = this.t;
    return html`<section class="empty" aria-labelledby="empty-title">
      <h2 id="empty-title">${t.selectTitle}</h2>
      <p>${t.select}</p>
      <button type="button" class="primary" @click=${() => this.go({ view: 'create' })}>${t.create}</button>
    </section>`;
  }

  /** Phones: back to the list, as the browser's back button would when the list led here. */
  private readonly backToList = () => {
    if (this.fromList) window.history.back();
    else void this.go({ view: 'home' });
  };

  private renderHeader() {
    const t = this.t;
    const member = this.me?.member;
    return html`<header>
      <h1>LeCoffre — ${t.console}</h1>
      ${
        member && this.me
          ? html`<nav aria-label=${t.account}>
              <a
                href="/app/office"
                @click=${(event: MouseEvent) => {
                  event.preventDefault();
                  void this.go({ view: 'office' });
                }}
                >${t.officeSettings}</a
              >
              <a href="/app/applications">${t.applications}</a>
              <form method="post" action="/auth/logout">
                <span>${t.signedInAs(`${member.firstName} ${member.lastName}`, this.me.office.name)}</span>
                <button type="submit">${t.signOut}</button>
              </form>
            </nav>`
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

import type { TokenProvider } from '@lecoffre/sdk';
import { ContextProvider, consume } from '@lit/context';
import { LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { type ConnectOptions, connectionContext, connectWidget, type WidgetConnection } from './connection.js';
import { describeError } from './errors.js';
import { emit, type LeCoffreEventMap, type LeCoffreEventName } from './events.js';
import { type Lang, resolveLang } from './i18n.js';

/** The token each connection last told expired: one `lecoffre-session-expired` per token, however many calls it failed. */
const toldExpired = new WeakMap<WidgetConnection, string | undefined>();

/**
 * Base of every LeCoffre element: the `token` / `base-url` / `lang` attributes, the API connection, events.
 *
 * The connection comes from, in order: `token` + `base-url` (a vendor's page, with a widget session); the
 * `connection` property (a page's script, e.g. a cookie session on the hosted pages); the nearest ancestor
 * element or page that provides `connectionContext`. Each element provides its own connection to its
 * descendants, so inner elements need no attributes.
 *
 * A widget session is short-lived: when the API refuses the token (401), the element asks `tokenProvider`
 * for a new one and retries once; the new token serves every call and inner element of the connection.
 * Without a provider, or when that fails too, the element fires `lecoffre-session-expired`.
 */
export class LeCoffreElement extends LitElement {
  /** A widget session (`lcw_…`) or member session token, minted by the host's back end. */
  @property() token?: string;

  /** Where the API lives, e.g. `https://api.lecoffre.fr`. */
  @property({ attribute: 'base-url' }) baseUrl?: string;

  /**
   * Set from script: answers a fresh token (e.g. the vendor's server minting a new widget session) when
   * the API refuses the current one. Asked once per expired token; the `token` attribute keeps its value.
   */
  @property({ attribute: false }) tokenProvider?: TokenProvider;

  /** Set from script instead of `token`/`base-url`. */
  @property({ attribute: false }) connection?: WidgetConnection;

  @consume({ context: connectionContext, subscribe: true })
  @state()
  protected inheritedConnection?: WidgetConnection;

  private ownConnection?: { key: string; connection: WidgetConnection };
  private readonly provider = new ContextProvider(this, { context: connectionContext });

  // `lang` is a native attribute with its own accessor: observe it rather than shadow it with a reactive
  // property, so `el.lang = 'en'` keeps setting the attribute (and `:lang()` keeps working).
  static override get observedAttributes(): string[] {
    // biome-ignore lint/complexity/noThisInStatic: super runs lit's getter with `this` = the subclass (its properties)
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.requestUpdate();
  }

  /** `fr` unless the `lang` attribute says English. */
  get language(): Lang {
    return resolveLang(this.getAttribute('lang'));
  }

  /** The connection in use, or undefined while none is configured. */
  get api(): WidgetConnection | undefined {
    if (this.token && this.baseUrl) {
      const key = `${this.baseUrl}\n${this.token}`;
      if (this.ownConnection?.key !== key) {
        // Looked up when needed: a provider set after the connection was made is used too.
        const options: ConnectOptions = { baseUrl: this.baseUrl, token: this.token, tokenProvider: () => this.tokenProvider?.() };
        this.ownConnection = { key, connection: connectWidget(options) };
      }
      return this.ownConnection.connection;
    }
    return this.connection ?? this.inheritedConnection;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const current = this.api;
    if (this.provider.value !== current) this.provider.setValue(current);
  }

  /** True when the connection changed in this update: reload the data then. */
  protected connectionChanged(changed: PropertyValues): boolean {
    return changed.has('token') || changed.has('baseUrl') || changed.has('connection') || changed.has('inheritedConnection');
  }

  /** Dispatches one of the LeCoffre events (bubbling, composed). */
  protected emit<K extends LeCoffreEventName>(name: K, detail: LeCoffreEventMap[K]): boolean {
    return emit(this, name, detail);
  }

  /** Words for problem codes only this element meets; see `describeError`. */
  protected errorMessages(): Readonly<Record<string, string>> | undefined {
    return undefined;
  }

  /**
   * Dispatches `lecoffre-error` and answers the sentence to show the user; for a token the API refused
   * past its renewal, `lecoffre-session-expired` too. The hosted pages (cookie session) sign in again instead.
   */
  protected reportError(error: unknown): string {
    const detail = describeError(error, this.language, this.errorMessages());
    this.emit('lecoffre-error', detail);
    const api = this.api;
    if (detail.status === 401 && api?.bearer && toldExpired.get(api) !== api.token) {
      toldExpired.set(api, api.token);
      this.emit('lecoffre-session-expired', { element: this.outermost(), requestId: detail.requestId, message: detail.message });
    }
    return detail.message;
  }

  /** The element the page holds: this one, or the LeCoffre element whose shadow tree holds it. */
  private outermost(): HTMLElement {
    let element: HTMLElement = this;
    let root = element.getRootNode();
    while (root instanceof ShadowRoot && root.host instanceof LeCoffreElement) {
      element = root.host;
      root = element.getRootNode();
    }
    return element;
  }
}

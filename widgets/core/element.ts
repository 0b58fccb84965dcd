import { ContextProvider, consume } from '@lit/context';
import { LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { type ConnectOptions, connect, connectionContext, type LeCoffreConnection } from './connection.js';
import { describeError } from './errors.js';
import { emit, type LeCoffreEventMap, type LeCoffreEventName } from './events.js';
import { type Lang, resolveLang } from './i18n.js';

/**
 * Base of every LeCoffre element: the `token` / `base-url` / `lang` attributes, the API connection, events.
 *
 * The connection comes from, in order: `token` + `base-url` (a vendor's page, with a widget session); the
 * `connection` property (a page's script, e.g. a cookie session on the hosted pages); the nearest ancestor
 * element or page that provides `connectionContext`. Each element provides its own connection to its
 * descendants, so inner elements need no attributes.
 */
export class LeCoffreElement extends LitElement {
  /** A widget session (`lcw_…`) or member session token, minted by the host's back end. */
  @property() token?: string;

  /** Where the API lives, e.g. `https://api.lecoffre.fr`. */
  @property({ attribute: 'base-url' }) baseUrl?: string;

  /** Set from script instead of `token`/`base-url`. */
  @property({ attribute: false }) connection?: LeCoffreConnection;

  @consume({ context: connectionContext, subscribe: true })
  @state()
  protected inheritedConnection?: LeCoffreConnection;

  private ownConnection?: { key: string; connection: LeCoffreConnection };
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
  get api(): LeCoffreConnection | undefined {
    if (this.token && this.baseUrl) {
      const key = `${this.baseUrl}\n${this.token}`;
      if (this.ownConnection?.key !== key) {
        const options: ConnectOptions = { baseUrl: this.baseUrl, token: this.token };
        this.ownConnection = { key, connection: connect(options) };
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

  /** Dispatches `lecoffre-error` and answers the sentence to show the user. */
  protected reportError(error: unknown): string {
    const detail = describeError(error, this.language, this.errorMessages());
    this.emit('lecoffre-error', detail);
    return detail.message;
  }
}

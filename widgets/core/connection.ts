import { BearerToken, createClient, LeCoffre, type LeCoffreOptions, resources } from '@lecoffre/sdk';
import { ContextProvider, createContext } from '@lit/context';

/**
 * The SDK resources the elements call. Their own connections (`token` + `base-url`) build only these
 * (`createClient`), so the other resource classes stay out of the widgets' bundles; a connection made with
 * `connect()` carries the whole `LeCoffre` client, which has them too.
 */
export type WidgetClient = Pick<
  LeCoffre,
  'folders' | 'catalogue' | 'clients' | 'documentRequests' | 'documents' | 'office' | 'members' | 'me'
>;

const WIDGET_RESOURCES = {
  folders: resources.Folders,
  catalogue: resources.Catalogue,
  clients: resources.Clients,
  documentRequests: resources.DocumentRequests,
  documents: resources.Documents,
  office: resources.Office,
  members: resources.Members,
  me: resources.Me,
} as const;

/** A client of the resources the elements call only; `options` as for `new LeCoffre()`. */
export function widgetClient(options: LeCoffreOptions): WidgetClient {
  return createClient(options, WIDGET_RESOURCES);
}

/**
 * How a widget reaches the API: the SDK client for ordinary calls, plus what the browser upload helper
 * needs to send multipart bodies itself (the SDK does not upload yet, and fetch reports no upload progress).
 * `Client` is `LeCoffre` for what `connect()` makes; the elements need a `WidgetClient` only.
 */
export interface LeCoffreConnection<Client extends WidgetClient = LeCoffre> {
  readonly client: Client;
  /** Absolute or path-only, without a trailing slash. */
  readonly baseUrl: string;
  /** The bearer token in use (widget or member session); undefined when the session is the hosted pages' cookie. */
  readonly token: string | undefined;
  /**
   * The token and its renewal, shared by `client`, every client made from this connection and the
   * uploads: one renewal after a 401 serves them all.
   */
  readonly bearer: BearerToken | undefined;
}

/** What an element works with: any connection, its own or one a page or an ancestor provides. */
export type WidgetConnection = LeCoffreConnection<WidgetClient>;

/**
 * Options for another client on `connection`'s credential and address, for calls its client does not make
 * the way they are wanted (another fetch, other resources). The token object is the connection's own: a
 * renewal by either client is the other's too.
 */
export function sameCredentialAs(connection: WidgetConnection, options: { fetch?: typeof fetch } = {}): LeCoffreOptions {
  const { baseUrl, bearer } = connection;
  return bearer ? { ...options, token: bearer, baseUrl } : { ...options, cookieSession: true, baseUrl };
}

export type ConnectOptions =
  /** `tokenProvider` answers a fresh token, or undefined when it has none yet. */
  { baseUrl: string; token: string; tokenProvider?: () => Promise<string> | undefined } | { baseUrl: string; cookieSession: true };

function connectWith<Client extends WidgetClient>(
  options: ConnectOptions,
  makeClient: (options: LeCoffreOptions) => Client,
): LeCoffreConnection<Client> {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  if ('token' in options) {
    const bearer = new BearerToken(options.token, options.tokenProvider);
    return {
      client: makeClient({ token: bearer, baseUrl }),
      baseUrl,
      bearer,
      get token() {
        return bearer.value;
      },
    };
  }
  return { client: makeClient({ cookieSession: true, baseUrl }), baseUrl, token: undefined, bearer: undefined };
}

/**
 * A connection for a widget token (vendors' pages), renewed through `tokenProvider` when the API refuses
 * it, or for the cookie session (the API's hosted pages), with the whole SDK client.
 */
export function connect(options: ConnectOptions): LeCoffreConnection {
  return connectWith(options, (clientOptions) => new LeCoffre(clientOptions));
}

/** The same connection with the resources the elements call only: what an element makes of its attributes. */
export function connectWidget(options: ConnectOptions): WidgetConnection {
  return connectWith(options, widgetClient);
}

/**
 * Provided by every LeCoffre element to its descendants, and by a page to the elements it holds (see
 * `provideConnection`): an element without `token`/`base-url` of its own uses the nearest one above it.
 */
export const connectionContext = createContext<WidgetConnection | undefined>(Symbol.for('lecoffre-connection'));

/** For a page's script: every LeCoffre element inside `host` without attributes of its own uses `connection`. */
export function provideConnection(host: HTMLElement, connection: WidgetConnection): ContextProvider<typeof connectionContext> {
  return new ContextProvider(host, { context: connectionContext, initialValue: connection });
}

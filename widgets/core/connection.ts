import { BearerToken, LeCoffre } from '@lecoffre/sdk';
import { ContextProvider, createContext } from '@lit/context';

/**
 * How a widget reaches the API: the SDK client for ordinary calls, plus what the browser upload helper
 * needs to send multipart bodies itself (the SDK does not upload yet, and fetch reports no upload progress).
 */
export interface LeCoffreConnection {
  readonly client: LeCoffre;
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

export type ConnectOptions =
  /** `tokenProvider` answers a fresh token, or undefined when it has none yet. */
  { baseUrl: string; token: string; tokenProvider?: () => Promise<string> | undefined } | { baseUrl: string; cookieSession: true };

/**
 * A connection for a widget token (vendors' pages), renewed through `tokenProvider` when the API refuses
 * it, or for the cookie session (the API's hosted pages).
 */
export function connect(options: ConnectOptions): LeCoffreConnection {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  if ('token' in options) {
    const bearer = new BearerToken(options.token, options.tokenProvider);
    return {
      client: new LeCoffre({ token: bearer, baseUrl }),
      baseUrl,
      bearer,
      get token() {
        return bearer.value;
      },
    };
  }
  return { client: new LeCoffre({ cookieSession: true, baseUrl }), baseUrl, token: undefined, bearer: undefined };
}

/**
 * Provided by every LeCoffre element to its descendants, and by a page to the elements it holds (see
 * `provideConnection`): an element without `token`/`base-url` of its own uses the nearest one above it.
 */
export const connectionContext = createContext<LeCoffreConnection | undefined>(Symbol.for('lecoffre-connection'));

/** For a page's script: every LeCoffre element inside `host` without attributes of its own uses `connection`. */
export function provideConnection(host: HTMLElement, connection: LeCoffreConnection): ContextProvider<typeof connectionContext> {
  return new ContextProvider(host, { context: connectionContext, initialValue: connection });
}

import { ContextProvider, createContext } from '@lit/context';
import { LeCoffre } from '../../sdk/client.js';

/**
 * How a widget reaches the API: the SDK client for ordinary calls, plus what the browser upload helper
 * needs to send multipart bodies itself (the SDK does not upload yet, and fetch reports no upload progress).
 */
export interface LeCoffreConnection {
  readonly client: LeCoffre;
  /** Absolute or path-only, without a trailing slash. */
  readonly baseUrl: string;
  /** The bearer token (widget or member session); undefined when the session is the hosted pages' cookie. */
  readonly token: string | undefined;
}

export type ConnectOptions = { baseUrl: string; token: string } | { baseUrl: string; cookieSession: true };

/** A connection for a widget token (vendors' pages) or for the cookie session (the API's hosted pages). */
export function connect(options: ConnectOptions): LeCoffreConnection {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  if ('token' in options) {
    return { client: new LeCoffre({ token: options.token, baseUrl }), baseUrl, token: options.token };
  }
  return { client: new LeCoffre({ cookieSession: true, baseUrl }), baseUrl, token: undefined };
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

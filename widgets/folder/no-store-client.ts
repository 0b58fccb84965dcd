import { sameCredentialAs, type WidgetClient, type WidgetConnection, widgetClient } from '../core/connection.js';

/**
 * Why not `connection.client` as is: the API sends `ETag: "v<version>"` on a folder and answers 304 to
 * If-None-Match, but `completion`, `actionRequired` and `anchor` change without a new version, so the
 * browser's HTTP cache would hand back a folder at 0% after the last validation, or "anchoring" forever.
 * Reading past the cache is right anyway for data that only the server knows is fresh.
 */
const noStoreFetch: typeof fetch = (input, init) => fetch(input, { ...init, cache: 'no-store' });

const clients = new WeakMap<WidgetConnection, WidgetClient>();

/** The connection's credential and base URL, in a client whose reads never come from the HTTP cache. */
export function noStoreClient(connection: WidgetConnection): WidgetClient {
  let client = clients.get(connection);
  if (!client) {
    client = widgetClient(sameCredentialAs(connection, { fetch: noStoreFetch }));
    clients.set(connection, client);
  }
  return client;
}

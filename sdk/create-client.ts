import { httpClientFor, type LeCoffreOptions } from './client-options.js';
import type { HttpClient } from './core/http-client.js';

/** One of the SDK's resource classes: `resources.Folders`, `resources.Documents`… */
export type ResourceClass = new (http: HttpClient) => object;

/** What `createClient(options, { folders: resources.Folders })` answers: `{ readonly folders: Folders }`. */
export type PartialClient<R extends Record<string, ResourceClass>> = { readonly [K in keyof R]: InstanceType<R[K]> };

/**
 * A client with only the resources given, under the names given, sharing one credential, renewal and
 * retry policy as `new LeCoffre()`'s do (same options, same checks). For browser bundles: `LeCoffre`
 * builds every resource, so a bundle holding it holds all of them, whereas a bundler drops the resource
 * classes this call does not name.
 *
 * ```ts
 * import { createClient, resources } from '@lecoffre/sdk';
 * const lecoffre = createClient({ token, baseUrl }, { folders: resources.Folders, me: resources.Me });
 * const me = await lecoffre.me.retrieve();
 * ```
 */
export function createClient<const R extends Record<string, ResourceClass>>(options: LeCoffreOptions, resources: R): PartialClient<R> {
  const http = httpClientFor(options, 'createClient()');
  // fromEntries defines own properties: a key such as `__proto__` names a resource, never the prototype.
  return Object.fromEntries(Object.entries(resources).map(([name, ResourceOf]) => [name, new ResourceOf(http)])) as PartialClient<R>;
}

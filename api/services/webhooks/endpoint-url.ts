import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { type AddressPolicy, forbiddenAddressReason } from '../../domain/address-policy.js';
import { DomainError } from '../../domain/errors.js';
import type { ProblemCode } from '../../domain/problem-codes.js';

/** Every address a host name resolves to. Injectable so that tests need no DNS. */
export type Resolver = (hostname: string) => Promise<string[]>;

export const systemResolver: Resolver = async (hostname) => (await lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

export interface EndpointUrlRules extends AddressPolicy {
  /** Production: receivers must be https (signed payloads still carry client data). */
  requireHttps: boolean;
  resolve?: Resolver;
}

const MAX_URL_LENGTH = 2048;

const refuse = (code: ProblemCode, message: string) => new DomainError('invalid', code, message, [{ path: 'url', message }]);

/**
 * Checks a receiver URL when an endpoint is created or changed, and returns it normalised. The host must
 * resolve, and only to public addresses: a URL pointing at this server, its private network or the cloud
 * metadata service would let a caller make LeCoffre send requests there (SSRF). The same check runs again
 * at each delivery, on the address actually connected to, as DNS may change in between.
 */
export async function checkEndpointUrl(raw: string, rules: EndpointUrlRules): Promise<string> {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw refuse('validation_failed', 'must be an absolute http(s) URL');
  }
  if (url.href.length > MAX_URL_LENGTH) throw refuse('validation_failed', `must be at most ${MAX_URL_LENGTH} characters`);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && !rules.requireHttps)) {
    throw refuse('webhook_url_scheme', rules.requireHttps ? 'must be an https:// URL' : 'must be an http:// or https:// URL');
  }
  if (url.username || url.password) {
    throw refuse('validation_failed', 'must not carry credentials: authenticate deliveries with their signature instead');
  }
  url.hash = '';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  if (isIP(host)) {
    addresses = [host];
  } else {
    try {
      addresses = await (rules.resolve ?? systemResolver)(host);
    } catch {
      addresses = [];
    }
    if (addresses.length === 0) throw refuse('webhook_url_unresolvable', `the host ${host} does not resolve`);
  }
  for (const address of addresses) {
    const reason = forbiddenAddressReason(address, rules);
    if (reason) throw refuse('webhook_url_forbidden', `refused: ${host} leads to ${reason}`);
  }
  return url.href;
}

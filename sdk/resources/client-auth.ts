import type { PostOptions } from '../core/http-client.js';
import { Resource } from '../core/resource.js';
import type { BodyOf, ClientLoginStarted, ClientSignedIn, StartClientLoginInput, VerifyClientCodeInput } from '../types.js';

/**
 * A client's sign-in (`/v1/client-auth`): e-mail, then the code received by SMS, then a password. The
 * session travels in an httpOnly cookie, so this is for a page of the API's own site, with a client
 * built as `new LeCoffre({ cookieSession: true, baseUrl })`.
 */
export class ClientAuth extends Resource {
  /** Sends a code by SMS if the e-mail is a client's; answers the same either way (no account enumeration). */
  start(body: StartClientLoginInput, options?: PostOptions): Promise<ClientLoginStarted> {
    return this.call('POST /v1/client-auth/start', { json: body }, options);
  }

  /** Checks the SMS code and opens the session; `passwordSet: false` asks for `setPassword` next. */
  verify(body: VerifyClientCodeInput, options?: PostOptions): Promise<ClientSignedIn> {
    return this.call('POST /v1/client-auth/verify', { json: body }, options);
  }

  setPassword(body: BodyOf<'POST /v1/client-auth/password'>, options?: PostOptions): Promise<void> {
    return this.call('POST /v1/client-auth/password', { json: body }, options);
  }

  login(body: BodyOf<'POST /v1/client-auth/login'>, options?: PostOptions): Promise<ClientSignedIn> {
    return this.call('POST /v1/client-auth/login', { json: body }, options);
  }

  logout(options?: PostOptions): Promise<void> {
    return this.call('POST /v1/client-auth/logout', {}, options);
  }
}

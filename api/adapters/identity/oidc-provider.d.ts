// oidc-provider ships no type declarations (and @types/oidc-provider lags behind v9): the small surface
// the dev identity provider uses, typed by hand from the library's documentation.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export interface InteractionDetails {
    uid: string;
    prompt: { name: 'login' | 'consent' | string; reasons: string[]; details: Record<string, unknown> };
    params: Record<string, unknown> & { client_id?: string; scope?: string };
    session?: { accountId: string };
    grantId?: string;
  }

  export interface Grant {
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: string[]): void;
    addResourceScope(resource: string, scope: string): void;
    save(): Promise<string>;
    destroy(): Promise<void>;
  }

  /** An access token as the provider loads it (the apps' authorization server reads its binding). */
  export interface AccessTokenInstance {
    clientId: string;
    accountId: string;
    grantId?: string;
    scope?: string;
    aud?: string | string[];
    exp: number;
    readonly isExpired: boolean;
  }

  export interface TokenModel<T> {
    find(id: string): Promise<T | undefined>;
    revokeByGrantId(grantId: string): Promise<void>;
  }

  /** The library's OAuth error classes (`new errors.InvalidTarget()`). */
  export const errors: Record<string, new (description?: string) => Error>;

  export interface GrantConstructor {
    new (properties: { accountId: string; clientId: string }): Grant;
    find(id: string): Promise<Grant | undefined>;
  }

  /** The subset of the Koa context that configuration callbacks read. */
  export interface KoaContextWithOIDC {
    oidc: {
      client?: { clientId: string };
      session?: { accountId?: string; grantIdFor(clientId: string): string | undefined };
      result?: { consent?: { grantId?: string } };
      provider: { Grant: GrantConstructor };
    };
  }

  export interface Account {
    accountId: string;
    claims(use: string, scope: string): Promise<Record<string, unknown>> | Record<string, unknown>;
  }

  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: Record<string, unknown>,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
    readonly Grant: GrantConstructor;
    readonly Client: { prototype: object };
    readonly AccessToken: TokenModel<AccessTokenInstance>;
    readonly RefreshToken: TokenModel<unknown>;
    readonly AuthorizationCode: TokenModel<unknown>;
    /** Trust X-Forwarded-* (Koa's `app.proxy`). */
    proxy: boolean;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }
}

/**
 * Who may call what, in the terms OpenAPI 3.0 allows. The controllers declare one capability each
 * (`@Security('bearer', ['files:review'])`, checked at run time by api/http/authentication.ts against
 * api/domain/capabilities.ts), but OpenAPI 3.0 allows scopes only on `oauth2` and `openIdConnect`
 * schemes, and tsoa cannot say "this capability, whichever credential carries it" without running the
 * authentication hook once per scheme. So the document is rewritten here, after tsoa wrote it:
 *
 * - `oauth2`: the authorization-code flow vendor apps use, whose scopes are the capability names (the
 *   table's `does` as their descriptions); an operation lists its capability there;
 * - `bearer`: an API key, a widget session or a member session as `Authorization: Bearer …`;
 * - `session`: the httpOnly session cookie of the hosted pages (clients, members);
 *
 * each operation accepting any of the three, and naming its capability in `x-capability` (what
 * docs/security.md and the capability matrix test read) and in its description.
 */
import { CAPABILITIES, type Capability, isCapability } from '../api/domain/capabilities.js';
import { type OpenApiDocument, type Operation, operationsOf } from './openapi/document.js';

/** The name tsoa's controllers use; the run-time hook (api/http/authentication.ts) is called with it. */
const DECLARED_SCHEME = 'bearer';

export function modelSecurity(spec: OpenApiDocument): void {
  spec.components.securitySchemes = {
    bearer: {
      type: 'http',
      scheme: 'bearer',
      description:
        'An office API key (`lck_live_…`, `lck_test_…`) on a back end; in a browser, a widget session token (`lcw_…`) minted by the back end, or a member session. Whatever the credential, the operation’s capability (`x-capability`) must be granted to it: see docs/security.md.',
    },
    oauth2: {
      type: 'oauth2',
      description:
        'A vendor app acting for an office, with the capabilities the office granted it as scopes (each operation names the one it needs).',
      flows: {
        authorizationCode: {
          authorizationUrl: '/oauth/authorize',
          tokenUrl: '/oauth/token',
          scopes: Object.fromEntries(Object.entries(CAPABILITIES).map(([name, rule]) => [name, capitalize(rule.does)])),
        },
      },
    },
    session: {
      type: 'apiKey',
      in: 'cookie',
      name: 'lecoffre_session',
      description:
        'The session cookie set by the client sign-in (`POST /v1/client-auth/verify` or `/login`) and by the members’ ID.not sign-in, `__Host-lecoffre_session` in production. Requests that change something must come from the API’s own origin.',
    },
  };
  for (const { operation } of operationsOf(spec)) rewriteOperation(operation);
}

function rewriteOperation(operation: Operation): void {
  const security = operation.security;
  if (!security || security.length === 0) return; // sign-in operations: open to anyone
  const scopes = security.length === 1 ? security[0][DECLARED_SCHEME] : undefined;
  const capability = scopes?.length === 1 ? scopes[0] : undefined;
  if (capability === undefined || !isCapability(capability)) {
    throw new Error(`openapi-security: ${operation.operationId} must declare exactly one capability of api/domain/capabilities.ts`);
  }
  operation.security = [{ bearer: [] }, { oauth2: [capability] }, { session: [] }];
  operation['x-capability'] = capability;
  const requirement = `Requires the capability \`${capability}\`: ${CAPABILITIES[capability as Capability].does}.`;
  operation.description = operation.description ? `${operation.description}\n\n${requirement}` : requirement;
}

/** The capability an operation of the document requires; null for the open (sign-in) operations. */
export function capabilityOf(operation: { 'x-capability'?: unknown }): string | null {
  const capability = operation['x-capability'];
  return typeof capability === 'string' ? capability : null;
}

const capitalize = (phrase: string) => phrase.charAt(0).toUpperCase() + phrase.slice(1);

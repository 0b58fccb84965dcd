import { IdentityProviderError, type ProfessionalIdentity } from '../../ports/identity-provider.js';

/**
 * Where ID.not puts what we need. ID.not's claim names are not public; these are the ones our dev provider
 * emits and the single place to change once the contract with the Conseil supérieur du notariat fixes
 * them. Standard OIDC claims (sub, given_name, family_name, email) are used as such.
 */
export const IDNOT_SCOPE = 'openid profile email idnot';
export const CRPCEN_CLAIM = 'crpcen';
export const ROLE_CLAIM = 'idnot_role';

const ROLES: Record<string, ProfessionalIdentity['role']> = {
  notaire: 'notary',
  notary: 'notary',
  collaborateur: 'collaborator',
  collaboratrice: 'collaborator',
  collaborator: 'collaborator',
};

/** ID token claims merged with userinfo (userinfo wins: it is fresher and may carry more). */
export function identityFromClaims(claims: Record<string, unknown>): ProfessionalIdentity {
  const text = (name: string): string => {
    const value = claims[name];
    if (typeof value !== 'string' || value.trim() === '') {
      throw new IdentityProviderError(`ID.not sent no usable "${name}" claim`, 'missing_claim');
    }
    return value.trim();
  };
  const crpcen = text(CRPCEN_CLAIM);
  if (!/^\d{5,6}$/.test(crpcen)) throw new IdentityProviderError(`ID.not sent a malformed CRPCEN "${crpcen}"`, 'missing_claim');
  const role = ROLES[text(ROLE_CLAIM).toLowerCase()];
  if (!role) throw new IdentityProviderError(`ID.not sent an unknown role "${String(claims[ROLE_CLAIM])}"`, 'missing_claim');
  return {
    subject: text('sub'),
    firstName: text('given_name'),
    lastName: text('family_name'),
    email: text('email'),
    crpcen,
    role,
  };
}

import { appScopesAllow } from '../../domain/app-scopes.js';
import { type Capability, type Principal, type Reach, reachOf, WIDGET_COMPONENTS } from '../../domain/capabilities.js';
import { DomainError } from '../../domain/errors.js';
import type { Actor } from '../context.js';

/** The principals an actor stands for in the capability table; a pending member is only that. */
export function principalsOf(actor: Actor, pending = false): Principal[] {
  if (pending) return ['pending_member'];
  if (actor.components) return actor.components.map((component) => WIDGET_COMPONENTS[component]);
  switch (actor.kind) {
    case 'api_key':
      return ['api_key'];
    case 'member':
      return actor.role === 'collaborator' ? ['collaborator'] : ['notary'];
    case 'client':
      return ['client'];
    case 'app':
      return ['app'];
    default:
      // LeCoffre's own jobs call services directly, never through a capability check.
      return [];
  }
}

/**
 * Refuses an actor that the table does not grant `capability`, with a 403 that names the capability
 * (what the credential lacks, never whether a row exists); returns how far the grant reaches.
 */
export function requireCapability(actor: Actor, capability: Capability, pending = false): Reach {
  if (pending && reachOf(capability, ['pending_member']) === null) {
    throw new DomainError(
      'forbidden',
      'member_pending',
      'Votre compte attend l’approbation d’un notaire de l’office. / Your account awaits approval by a notary of the office.',
    );
  }
  const reach = reachOf(capability, principalsOf(actor, pending));
  if (reach !== null && actor.kind === 'app' && !appScopesAllow(actor.app?.scopes ?? [], capability)) {
    throw new DomainError('forbidden', 'insufficient_scope', `The office did not grant this app the scope ${capability}.`);
  }
  if (reach === null) {
    throw new DomainError('forbidden', 'operation_not_allowed', `This credential may not do this (it lacks ${capability}).`);
  }
  return reach;
}

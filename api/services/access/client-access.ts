import { Op, type WhereOptions } from 'sequelize';
import type { ClientRow } from '../../db/models/client.js';
import { DomainError } from '../../domain/errors.js';
import type { ServiceContext } from '../context.js';
import { folderSubquery } from './folder-access.js';

/** A widget session is whoever holds the vendor's page: it reaches less than the member it acts for. */
export const isWidgetSession = (ctx: ServiceContext): boolean => ctx.actor.components !== undefined;

/**
 * Which client records an actor may read or edit, as a WHERE clause on clients (the office filter
 * always included): a client, themself; a widget session, the clients of the folders it may open;
 * members and API keys, the office's directory.
 */
export function visibleClients(ctx: ServiceContext): WhereOptions<ClientRow> {
  const { actor, db } = ctx;
  const rules: WhereOptions<ClientRow>[] = [{ officeId: actor.officeId }];
  if (actor.kind === 'client') rules.push({ id: actor.clientId });
  else if (isWidgetSession(ctx)) {
    const folders = folderSubquery(ctx);
    const clientsOfFolders = `(SELECT client_id FROM folder_clients WHERE folder_id IN (${folders}))`;
    rules.push({ id: { [Op.in]: db.sequelize.literal(clientsOfFolders) } });
  }
  return { [Op.and]: rules };
}

/**
 * E-mail and mobile are how a client signs in: changing them from a token that sits in a vendor's page
 * would let whoever reads that page take the client's account over, with every folder it holds.
 */
export function refuseSignInFactorChangeByWidget(ctx: ServiceContext, fields: { email?: unknown; mobile?: unknown }): void {
  if (!isWidgetSession(ctx) || (fields.email === undefined && fields.mobile === undefined)) return;
  throw new DomainError(
    'forbidden',
    'client_contact_locked',
    'L’e-mail et le mobile d’un client se modifient depuis LeCoffre, pas depuis un widget. / A client’s e-mail and mobile are changed in LeCoffre, not from a widget.',
  );
}

/** A widget session adds new clients to its folder; linking an existing one would extend its reach to them. */
export function refuseLinkingExistingClientByWidget(ctx: ServiceContext): void {
  if (!isWidgetSession(ctx)) return;
  throw new DomainError(
    'forbidden',
    'existing_client_link_not_allowed',
    'Un widget ajoute de nouveaux clients au dossier ; un client existant s’associe depuis LeCoffre. / A widget adds new clients; existing ones are linked from LeCoffre.',
  );
}

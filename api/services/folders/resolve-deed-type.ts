import type { Database } from '../../db/database.js';
import type { DeedTypeRow } from '../../db/models/catalogue.js';
import { DomainError } from '../../domain/errors.js';
import type { ServiceContext } from '../context.js';

/**
 * How long a process trusts its copy of the deed type catalogue. The catalogue is written only by the seed
 * at start (a code keeps its id for ever; labels may change with a release), so a copy this old at most
 * shows a label one release behind for a minute, never a wrong id.
 */
const CATALOGUE_TTL_MS = 60_000;

interface Catalogue {
  byCode: Promise<Map<string, DeedTypeRow>>;
  loadedAt: number;
}
const catalogues = new WeakMap<Database, Catalogue>();

/** The deed types by code, read once a minute at most: every folder creation names one. */
function deedTypesByCode(db: Database): Promise<Map<string, DeedTypeRow>> {
  const cached = catalogues.get(db);
  if (cached && Date.now() - cached.loadedAt < CATALOGUE_TTL_MS) return cached.byCode;
  const byCode = db.models.DeedType.findAll().then((rows) => new Map(rows.map((row) => [row.code, row])));
  catalogues.set(db, { byCode, loadedAt: Date.now() });
  // A failed read is not kept: the next caller reads again.
  byCode.catch(() => catalogues.delete(db));
  return byCode;
}

/** The deed type with this code, if the catalogue has it (a code seeded since the copy was read included). */
export async function findDeedType(db: Database, code: string): Promise<DeedTypeRow | null> {
  return (await deedTypesByCode(db)).get(code) ?? (await db.models.DeedType.findOne({ where: { code } }));
}

/** A deed type named by its code in a request body; unknown codes are the caller's mistake (422). */
export async function resolveDeedType(ctx: ServiceContext, code: string): Promise<DeedTypeRow> {
  const row = await findDeedType(ctx.db, code);
  if (!row) {
    throw new DomainError('invalid', 'unknown_deed_type', `Unknown deed type "${code}".`, [
      { path: 'deedType', message: 'unknown deed type code; see GET /v1/deed-types' },
    ]);
  }
  return row;
}

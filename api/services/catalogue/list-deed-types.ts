import type { DocumentTypeRow } from '../../db/models/catalogue.js';
import type { ServiceContext } from '../context.js';
import { type DeedType, toDeedType } from './views.js';

/** The deed types (a short, global list: no pagination), each with its suggested documents in order. */
export async function listDeedTypes(ctx: ServiceContext): Promise<DeedType[]> {
  const { DeedType, DocumentType, DeedTypeDocumentType } = ctx.db.models;
  const [deeds, links, docs] = await Promise.all([
    DeedType.findAll({ order: [['position', 'ASC']] }),
    DeedTypeDocumentType.findAll({ order: [['position', 'ASC']] }),
    DocumentType.findAll({ where: { officeId: null } }),
  ]);
  const docById = new Map(docs.map((d) => [d.id, d]));
  return deeds.map((deed) => {
    const suggested = links
      .filter((l) => l.deedTypeId === deed.id)
      .map((l) => docById.get(l.documentTypeId))
      .filter((d): d is DocumentTypeRow => d !== undefined);
    return toDeedType(deed, suggested);
  });
}

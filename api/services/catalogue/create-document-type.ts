import { Op } from 'sequelize';
import { DomainError, invalidField } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { foldForSearch, tidy } from '../../domain/text.js';
import type { ServiceContext } from '../context.js';
import { type DocumentType, toDocumentType } from './views.js';

export interface CreateDocumentTypeInput {
  /**
   * The label clients will read, e.g. "Attestation de l'employeur".
   * @minLength 1
   * @maxLength 120
   */
  label: string;
  /** @maxLength 500 */
  description?: string;
}

/**
 * "Créer un document": an office's own document type. Refused when the catalogue or the office already
 * has the same label, whatever its case or accents (the guide: check the existing list first).
 */
export async function createDocumentType(ctx: ServiceContext, input: CreateDocumentTypeInput): Promise<DocumentType> {
  const label = tidy(input.label);
  if (label.length === 0) throw invalidField('label', 'must not be blank');
  const normalizedLabel = foldForSearch(label);
  const { DocumentType } = ctx.db.models;
  const clash = await DocumentType.findOne({
    where: { normalizedLabel, [Op.or]: [{ officeId: null }, { officeId: ctx.actor.officeId }] },
  });
  if (clash) {
    throw new DomainError('conflict', 'document_type_exists', `A document type "${clash.label}" already exists.`, [
      { path: 'label', message: `already exists as "${clash.label}" (${clash.id})` },
    ]);
  }
  const row = await DocumentType.create({
    id: newId('doct'),
    officeId: ctx.actor.officeId,
    code: null,
    label,
    labelEn: null,
    description: input.description === undefined ? null : tidy(input.description) || null,
    normalizedLabel,
  });
  return toDocumentType(row);
}

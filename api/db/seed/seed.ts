import fs from 'node:fs/promises';
import path from 'node:path';
import type { Transaction } from 'sequelize';
import { newId } from '../../domain/ids.js';
import { foldForSearch } from '../../domain/text.js';
import { hashSecret, mintApiKey } from '../../services/api-keys/mint-api-key.js';
import type { Database } from '../database.js';
import type { OfficeRow } from '../models/office.js';
import { deedTypes, demoOffice, documentTypes, secondDemoOffice } from './catalogue.js';

/**
 * Brings the global catalogue in line with catalogue.ts (insert new codes, update labels). Product data,
 * not demo data: it runs in every mode, as part of migrate().
 */
export async function syncCatalogue(db: Database, transaction?: Transaction): Promise<void> {
  const { DeedType, DocumentType, DeedTypeDocumentType } = db.models;
  const docIds = new Map<string, string>();
  for (const doc of documentTypes) {
    const existing = await DocumentType.findOne({ where: { code: doc.code }, transaction });
    const values = {
      label: doc.label,
      labelEn: doc.labelEn,
      description: doc.description ?? null,
      normalizedLabel: foldForSearch(doc.label),
    };
    if (existing) {
      await existing.update(values, { transaction });
      docIds.set(doc.code, existing.id);
    } else {
      const id = newId('doct');
      await DocumentType.create({ id, officeId: null, code: doc.code, ...values }, { transaction });
      docIds.set(doc.code, id);
    }
  }
  for (const [position, deed] of deedTypes.entries()) {
    let row = await DeedType.findOne({ where: { code: deed.code }, transaction });
    if (row) await row.update({ label: deed.label, labelEn: deed.labelEn, position }, { transaction });
    else
      row = await DeedType.create(
        { id: newId('deed'), code: deed.code, label: deed.label, labelEn: deed.labelEn, position },
        { transaction },
      );
    await DeedTypeDocumentType.destroy({ where: { deedTypeId: row.id }, transaction });
    await DeedTypeDocumentType.bulkCreate(
      deed.suggested.map((code, index) => {
        const documentTypeId = docIds.get(code);
        if (!documentTypeId) throw new Error(`catalogue.ts: deed type ${deed.code} suggests unknown document ${code}`);
        return { deedTypeId: row.id, documentTypeId, position: index };
      }),
      { transaction },
    );
  }
}

export interface DemoSeed {
  officeId: string;
  /** The plaintext dev API key, kept in the data dir so that every start can print it. */
  apiKey: string;
}

/**
 * The guide's demo office, for the embedded mode only. Idempotent: a second start finds the office and
 * the dev key file and changes nothing.
 */
export async function seedDemoOffice(db: Database, dataDir: string): Promise<DemoSeed> {
  const { Office, Member, ApiKey } = db.models;
  const keyFile = path.join(dataDir, 'dev-api-key');
  return db.sequelize.transaction(async (transaction) => {
    let office: OfficeRow | undefined;
    for (const seeded of [demoOffice, secondDemoOffice]) {
      let row = await Office.findOne({ where: { crpcen: seeded.crpcen }, transaction });
      if (!row) {
        row = await Office.create({ id: newId('off'), name: seeded.name, crpcen: seeded.crpcen, address: seeded.address }, { transaction });
        for (const m of seeded.members) {
          await Member.create({ id: newId('mbr'), officeId: row.id, status: 'active', ...m, role: m.role }, { transaction });
        }
      }
      office ??= row;
    }
    if (!office) throw new Error('seedDemoOffice: no demo office');
    const saved = await fs.readFile(keyFile, 'utf8').catch(() => '');
    const apiKey = saved.trim();
    if (apiKey) {
      const known = await ApiKey.findOne({ where: { secretHash: hashSecret(apiKey), officeId: office.id }, transaction });
      if (known && !known.revokedAt) return { officeId: office.id, apiKey };
    }
    const minted = await mintApiKey(db, { officeId: office.id, name: 'Clé de démonstration (npm start)', mode: 'test' }, transaction);
    await fs.mkdir(dataDir, { recursive: true });
    await fs.writeFile(keyFile, `${minted.secret}\n`, { mode: 0o600 });
    return { officeId: office.id, apiKey: minted.secret };
  });
}

import { QueryTypes, type Transaction } from 'sequelize';
import type { Database } from '../../db/database.js';

export interface MemberRecipient {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
}

/**
 * The active members who see a folder (and so are told when its clients upload): everyone in the office
 * for a folder open to the office, otherwise its listed members and the notaries.
 */
export async function folderStaff(db: Database, folderId: string, transaction?: Transaction): Promise<MemberRecipient[]> {
  return db.sequelize.query<MemberRecipient>(
    `SELECT m.id, m.first_name AS "firstName", m.last_name AS "lastName", m.email
       FROM folders f JOIN members m ON m.office_id = f.office_id AND m.status = 'active'
      WHERE f.id = :folderId
        AND (f.access = 'office' OR m.role = 'notary'
             OR EXISTS (SELECT 1 FROM folder_members fm WHERE fm.folder_id = f.id AND fm.member_id = m.id))
      ORDER BY m.id`,
    { replacements: { folderId }, type: QueryTypes.SELECT, transaction },
  );
}

/** The office's active notaries: who decides about the office's integrations. */
export async function officeNotaries(db: Database, officeId: string, transaction?: Transaction): Promise<MemberRecipient[]> {
  return db.sequelize.query<MemberRecipient>(
    `SELECT id, first_name AS "firstName", last_name AS "lastName", email FROM members
      WHERE office_id = :officeId AND role = 'notary' AND status = 'active' ORDER BY id`,
    { replacements: { officeId }, type: QueryTypes.SELECT, transaction },
  );
}

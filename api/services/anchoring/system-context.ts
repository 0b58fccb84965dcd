import type { Database } from '../../db/database.js';
import type { ServiceContext } from '../context.js';

/** LeCoffre's own jobs act for the office whose folder they handle; the audit trail says it was the system. */
export function systemContext(db: Database, officeId: string, job: string): ServiceContext {
  return {
    db,
    actor: { kind: 'system', officeId, credentialId: `job:${job}`, memberId: null, role: null, folderId: null, ip: null },
  };
}

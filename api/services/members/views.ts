import type { MemberRow } from '../../db/models/office.js';

/** A member of the office: a notary or a collaborator signed in through ID.not. */
export interface Member {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  role: 'notary' | 'collaborator';
  /** `pending` until a notary of the office approves a collaborator's first login. */
  status: 'pending' | 'active';
  /** The ID.not login ("APap35026"); null for members created otherwise. */
  idnotSubject: string | null;
  createdAt: string;
}

export function toMember(row: MemberRow): Member {
  return {
    id: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    role: row.role,
    status: row.status,
    idnotSubject: row.idnotSubject,
    createdAt: row.createdAt.toISOString(),
  };
}

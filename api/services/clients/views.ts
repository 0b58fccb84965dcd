import type { ClientRow } from '../../db/models/client.js';

export interface Client {
  id: string;
  lastName: string;
  firstName: string;
  email: string;
  /** E.164, e.g. `+33626597292`. */
  mobile: string;
  /** Language of the e-mails and SMS the client receives. */
  language: 'fr' | 'en';
  createdAt: Date;
  updatedAt: Date;
}

export function toClient(row: ClientRow): Client {
  return {
    id: row.id,
    lastName: row.lastName,
    firstName: row.firstName,
    email: row.email,
    mobile: row.mobile,
    language: row.language,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function clientSearchText(c: Pick<ClientRow, 'lastName' | 'firstName' | 'email'>): string {
  return `${c.lastName} ${c.firstName} ${c.email}`;
}

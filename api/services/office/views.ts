import type { OfficeRow } from '../../db/models/office.js';
import type { BankDetailsRow } from '../../db/models/office-documents.js';

export interface Office {
  id: string;
  name: string;
  /** The office's CRPCEN, the notarial identifier (e.g. 35026). */
  crpcen: string;
  address: string;
  /** The office's time zone (IANA name): show the office's times in it. */
  timeZone: string;
}

export interface BankDetails {
  id: string;
  /** e.g. "Compte office" or "Gestion locative". */
  label: string;
  holder: string;
  /** Electronic format (no spaces). */
  iban: string;
  /** Grouped by four for reading aloud or copying: "FR76 3000 …". */
  ibanDisplay: string;
  bic: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export function toOffice(row: OfficeRow): Office {
  return { id: row.id, name: row.name, crpcen: row.crpcen, address: row.address, timeZone: row.timeZone };
}

export function toBankDetails(row: BankDetailsRow): BankDetails {
  return {
    id: row.id,
    label: row.label,
    holder: row.holder,
    iban: row.iban,
    ibanDisplay: row.iban.replace(/(.{4})/g, '$1 ').trim(),
    bic: row.bic,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

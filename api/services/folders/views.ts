import type { DeedTypeRow } from '../../db/models/catalogue.js';
import type { FolderRow } from '../../db/models/folder.js';

export interface FolderDeedType {
  code: string;
  label: string;
}

export interface Folder {
  id: string;
  /** The office's own folder number, unique within the office. */
  number: string;
  title: string;
  deedType: FolderDeedType;
  note: string;
  /** `office`: every active member of the office; `members`: only the members listed on the folder. */
  access: 'office' | 'members';
  status: 'open' | 'archived';
  /** Changes on every update; send it back in `If-Match` to avoid overwriting someone else's edit. */
  version: number;
  createdAt: Date;
  updatedAt: Date;
  archivedAt: Date | null;
}

export function toFolder(row: FolderRow, deedType: DeedTypeRow): Folder {
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    deedType: { code: deedType.code, label: deedType.label },
    note: row.note,
    access: row.access,
    status: row.status,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    archivedAt: row.archivedAt ?? null,
  };
}

export function folderSearchText(row: Pick<FolderRow, 'number' | 'title'>, clientNames: string[] = []): string {
  return [row.number, row.title, ...clientNames].join(' ');
}

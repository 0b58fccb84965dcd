import type { InferAttributes } from 'sequelize';
import type { FolderRow } from '../../db/models/folder.js';
import { type Completion, completionOf } from '../../domain/review.js';

export interface FolderDeedType {
  code: string;
  label: string;
}

/** A client as seen from one folder, with how far along they are in it. */
export interface FolderClient {
  id: string;
  lastName: string;
  firstName: string;
  email: string;
  mobile: string;
  completion: Completion;
}

/** Where the folder stands on the blockchain ("Valider et ancrer"). */
export interface FolderAnchorSummary {
  status: 'anchoring' | 'anchored' | 'anchoring_failed';
  /** Why the last attempt failed; it is retried with the next batch. */
  error: string | null;
  requestedAt: Date;
  anchoredAt: Date | null;
  /** `mainnet`, `ghostnet`… or `local-dev` (signed locally, NOT on a public chain). */
  network: string | null;
  operationHash: string | null;
  explorerUrl: string | null;
}

export interface Folder {
  id: string;
  /** The office's own folder number, unique within the office. */
  number: string;
  title: string;
  deedType: FolderDeedType;
  /** Internal note for the office's members; empty for clients. */
  note: string;
  /** `office`: every active member of the office; `members`: only `memberIds` (and the notaries). */
  access: 'office' | 'members';
  /** Members given access when `access` is `members`. */
  memberIds: string[];
  status: 'open' | 'archived';
  /** Validated requests over live requests, for the whole folder. */
  completion: Completion;
  /** Files wait for review: the guide's clock symbol. */
  actionRequired: boolean;
  clients: FolderClient[];
  /** Changes on every update; send it back in `If-Match` to avoid overwriting someone else's edit. */
  version: number;
  /** null until anchoring is asked for; the folder is frozen from then on. */
  anchor: FolderAnchorSummary | null;
  /** When the folder last reached 100%; null below. */
  completedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  archivedAt: Date | null;
}

/** A folder's own columns, as a model instance or a raw row carries them. */
export type FolderFields = Omit<InferAttributes<FolderRow>, 'searchText' | 'createdBy'>;

export interface FolderExtras {
  deedType: FolderDeedType;
  clients: FolderClient[];
  memberIds: string[];
  /** Clients must not read the office's internal note. */
  hideNote: boolean;
  anchor: FolderAnchorSummary | null;
}

export function toFolder(row: FolderFields, extras: FolderExtras): Folder {
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    deedType: { code: extras.deedType.code, label: extras.deedType.label },
    note: extras.hideNote ? '' : row.note,
    access: row.access,
    memberIds: extras.memberIds,
    status: row.status,
    completion: completionOf(row.requestsValidated, row.requestsTotal),
    actionRequired: row.filesPending > 0,
    clients: extras.clients,
    anchor: extras.anchor,
    version: row.version,
    completedAt: row.completedAt ?? null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    archivedAt: row.archivedAt ?? null,
  };
}

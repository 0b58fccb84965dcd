import type { MetadataRecord, TimestampFacts } from '@lecoffre/proof';
import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  type Model,
  type Sequelize,
} from 'sequelize';
import type { FinalisedAnchor, PreparedAnchor } from '../../ports/anchor.js';
import { idColumn, integer, optionalDate, optionalText, text, timestamps } from './columns.js';

export interface ProofStepJson {
  side: 'left' | 'right';
  hash: string;
}

export interface AnchorBatchRow extends Model<InferAttributes<AnchorBatchRow>, InferCreationAttributes<AnchorBatchRow>> {
  id: string;
  network: string;
  status: 'open' | 'submitted' | 'final' | 'failed';
  /** Merkle root of the batch's folder roots, hex. */
  root: string;
  folderCount: number;
  prepared: CreationOptional<PreparedAnchor | null>;
  final: CreationOptional<FinalisedAnchor | null>;
  attempts: CreationOptional<number>;
  lastError: CreationOptional<string | null>;
  createdAt: CreationOptional<Date>;
  updatedAt: CreationOptional<Date>;
  finalisedAt: CreationOptional<Date | null>;
  /** The RFC 3161 TimeStampResp on `root` (DER), once a TSA granted one. */
  timestampToken: CreationOptional<Buffer | null>;
  /** What the token states, kept beside it so the certificate is written without parsing it again. */
  timestampFacts: CreationOptional<TimestampFacts | null>;
  timestampAttempts: CreationOptional<number>;
  timestampError: CreationOptional<string | null>;
}

export interface FolderAnchorRow extends Model<InferAttributes<FolderAnchorRow>, InferCreationAttributes<FolderAnchorRow>> {
  folderId: string;
  officeId: string;
  folderRoot: string;
  /** The validated files the root was built from. */
  files: Array<{ id: string; sha256: string }>;
  /** What the proof certifies besides the bytes (format version 2); null for folders anchored before it. */
  metadata: CreationOptional<MetadataRecord | null>;
  batchId: CreationOptional<string | null>;
  batchPath: CreationOptional<ProofStepJson[] | null>;
  requestedAt: CreationOptional<Date>;
  anchoredAt: CreationOptional<Date | null>;
  failures: CreationOptional<number>;
  lastError: CreationOptional<string | null>;
}

export function defineAnchoringModels(sequelize: Sequelize) {
  const AnchorBatch = sequelize.define<AnchorBatchRow>(
    'AnchorBatch',
    {
      id: idColumn(),
      network: text(),
      status: text(),
      root: text(),
      folderCount: integer(),
      prepared: { type: DataTypes.JSONB, allowNull: true },
      final: { type: DataTypes.JSONB, allowNull: true },
      attempts: integer(0),
      lastError: optionalText(),
      ...timestamps(),
      finalisedAt: optionalDate(),
      timestampToken: { type: DataTypes.BLOB, allowNull: true },
      timestampFacts: { type: DataTypes.JSONB, allowNull: true },
      timestampAttempts: integer(0),
      timestampError: optionalText(),
    },
    { tableName: 'anchor_batches' },
  );
  const FolderAnchor = sequelize.define<FolderAnchorRow>(
    'FolderAnchor',
    {
      folderId: idColumn(),
      officeId: text(),
      folderRoot: text(),
      files: { type: DataTypes.JSONB, allowNull: false },
      metadata: { type: DataTypes.JSONB, allowNull: true },
      batchId: optionalText(),
      batchPath: { type: DataTypes.JSONB, allowNull: true },
      requestedAt: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
      anchoredAt: optionalDate(),
      failures: integer(0),
      lastError: optionalText(),
    },
    { tableName: 'folder_anchors', timestamps: false },
  );
  return { AnchorBatch, FolderAnchor };
}

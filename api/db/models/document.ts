import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  type Model,
  type Sequelize,
} from 'sequelize';
import type { FileStatus, RequestStatus } from '../../domain/review.js';
import { idColumn, optionalDate, optionalText, text, timestamps } from './columns.js';

export type { FileStatus, RequestStatus };

export interface DocumentRequestRow extends Model<InferAttributes<DocumentRequestRow>, InferCreationAttributes<DocumentRequestRow>> {
  id: string;
  officeId: string;
  folderId: string;
  clientId: string;
  documentTypeId: string | null;
  /** The document type's label when requested, or the free label: what the client reads. */
  label: string;
  note: CreationOptional<string>;
  /** ISO date (YYYY-MM-DD). */
  dueDate: string | null;
  /** Derived from its files (domain/request-status.ts) and kept here for lists and counts. */
  status: CreationOptional<RequestStatus>;
  cancelledAt: CreationOptional<Date | null>;
  requestedBy: string | null;
  createdAt: CreationOptional<Date>;
  updatedAt: CreationOptional<Date>;
}

export interface DocumentFileRow extends Model<InferAttributes<DocumentFileRow>, InferCreationAttributes<DocumentFileRow>> {
  id: string;
  officeId: string;
  folderId: string;
  clientId: string;
  /** null for the guide's "documents supplémentaires" (extra files). */
  requestId: string | null;
  originalName: string;
  contentType: string;
  size: number;
  sha256: string;
  sha256Source: 'client' | 'server';
  storageKey: string;
  wrappedDataKey: string;
  masterKeyId: string;
  status: CreationOptional<FileStatus>;
  refusalReason: CreationOptional<string | null>;
  reviewedBy: CreationOptional<string | null>;
  reviewedAt: CreationOptional<Date | null>;
  uploadedBy: string | null;
  createdAt: CreationOptional<Date>;
  updatedAt: CreationOptional<Date>;
}

export function defineDocumentModels(sequelize: Sequelize) {
  const DocumentRequest = sequelize.define<DocumentRequestRow>(
    'DocumentRequest',
    {
      id: idColumn(),
      officeId: text(),
      folderId: text(),
      clientId: text(),
      documentTypeId: optionalText(),
      label: text(),
      note: { ...text(), defaultValue: '' },
      dueDate: { type: DataTypes.DATEONLY, allowNull: true },
      status: { ...text(), defaultValue: 'requested' },
      cancelledAt: optionalDate(),
      requestedBy: optionalText(),
      ...timestamps(),
    },
    { tableName: 'document_requests' },
  );
  const DocumentFile = sequelize.define<DocumentFileRow>(
    'DocumentFile',
    {
      id: idColumn(),
      officeId: text(),
      folderId: text(),
      clientId: text(),
      requestId: optionalText(),
      originalName: text(),
      contentType: text(),
      size: { type: DataTypes.BIGINT, allowNull: false },
      sha256: text(),
      sha256Source: text(),
      storageKey: text(),
      wrappedDataKey: text(),
      masterKeyId: text(),
      status: { ...text(), defaultValue: 'pending' },
      refusalReason: optionalText(),
      reviewedBy: optionalText(),
      reviewedAt: optionalDate(),
      uploadedBy: optionalText(),
      ...timestamps(),
    },
    { tableName: 'document_files' },
  );
  return { DocumentRequest, DocumentFile };
}

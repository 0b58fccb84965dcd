import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  type Model,
  type Sequelize,
} from 'sequelize';
import { idColumn, integer, optionalDate, optionalText, text, timestamps } from './columns.js';

export interface BankDetailsRow extends Model<InferAttributes<BankDetailsRow>, InferCreationAttributes<BankDetailsRow>> {
  id: string;
  officeId: string;
  label: string;
  holder: string;
  /** Electronic format: no spaces, upper case. */
  iban: string;
  bic: string | null;
  fileId: string | null;
  deletedAt: CreationOptional<Date | null>;
  version: CreationOptional<number>;
  createdAt: CreationOptional<Date>;
  updatedAt: CreationOptional<Date>;
}

export interface OfficeFileRow extends Model<InferAttributes<OfficeFileRow>, InferCreationAttributes<OfficeFileRow>> {
  id: string;
  officeId: string;
  originalName: string;
  contentType: string;
  size: number;
  sha256: string;
  storageKey: string;
  wrappedDataKey: string;
  masterKeyId: string;
  createdAt: CreationOptional<Date>;
}

export interface SharedDocumentRow extends Model<InferAttributes<SharedDocumentRow>, InferCreationAttributes<SharedDocumentRow>> {
  id: string;
  officeId: string;
  folderId: string;
  kind: 'bank_details' | 'file';
  bankDetailsId: string | null;
  officeFileId: string | null;
  label: string;
  /** Bank details as shared (label, holder, iban, bic), frozen at sharing time. */
  snapshot: Record<string, string | null>;
  sharedBy: string | null;
  createdAt: CreationOptional<Date>;
}

export function defineOfficeDocumentModels(sequelize: Sequelize) {
  const BankDetails = sequelize.define<BankDetailsRow>(
    'BankDetails',
    {
      id: idColumn(),
      officeId: text(),
      label: text(),
      holder: text(),
      iban: text(),
      bic: optionalText(),
      fileId: optionalText(),
      deletedAt: optionalDate(),
      version: integer(1),
      ...timestamps(),
    },
    { tableName: 'office_bank_details' },
  );
  const OfficeFile = sequelize.define<OfficeFileRow>(
    'OfficeFile',
    {
      id: idColumn(),
      officeId: text(),
      originalName: text(),
      contentType: text(),
      size: { type: DataTypes.BIGINT, allowNull: false },
      sha256: text(),
      storageKey: text(),
      wrappedDataKey: text(),
      masterKeyId: text(),
      createdAt: DataTypes.DATE,
    },
    { tableName: 'office_files', updatedAt: false },
  );
  const SharedDocument = sequelize.define<SharedDocumentRow>(
    'SharedDocument',
    {
      id: idColumn(),
      officeId: text(),
      folderId: text(),
      kind: text(),
      bankDetailsId: optionalText(),
      officeFileId: optionalText(),
      label: text(),
      snapshot: { type: DataTypes.JSONB, allowNull: false, defaultValue: {} },
      sharedBy: optionalText(),
      createdAt: DataTypes.DATE,
    },
    { tableName: 'shared_documents', updatedAt: false },
  );
  return { BankDetails, OfficeFile, SharedDocument };
}

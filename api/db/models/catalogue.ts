import { type CreationOptional, type InferAttributes, type InferCreationAttributes, type Model, type Sequelize } from 'sequelize';
import { idColumn, integer, optionalText, text, timestamps } from './columns.js';

export interface DeedTypeRow extends Model<InferAttributes<DeedTypeRow>, InferCreationAttributes<DeedTypeRow>> {
  id: string;
  code: string;
  label: string;
  labelEn: string;
  position: number;
  createdAt: CreationOptional<Date>;
  updatedAt: CreationOptional<Date>;
}

export interface DocumentTypeRow extends Model<InferAttributes<DocumentTypeRow>, InferCreationAttributes<DocumentTypeRow>> {
  id: string;
  /** NULL for the global catalogue; an office id for the office's own "créer un document" types. */
  officeId: string | null;
  code: string | null;
  label: string;
  labelEn: string | null;
  description: string | null;
  normalizedLabel: string;
  createdAt: CreationOptional<Date>;
  updatedAt: CreationOptional<Date>;
}

export interface DeedTypeDocumentTypeRow
  extends Model<InferAttributes<DeedTypeDocumentTypeRow>, InferCreationAttributes<DeedTypeDocumentTypeRow>> {
  deedTypeId: string;
  documentTypeId: string;
  position: number;
}

export function defineCatalogueModels(sequelize: Sequelize) {
  const DeedType = sequelize.define<DeedTypeRow>(
    'DeedType',
    {
      id: idColumn(),
      code: text(),
      label: text(),
      labelEn: text(),
      position: integer(),
      ...timestamps(),
    },
    { tableName: 'deed_types' },
  );
  const DocumentType = sequelize.define<DocumentTypeRow>(
    'DocumentType',
    {
      id: idColumn(),
      officeId: optionalText(),
      code: optionalText(),
      label: text(),
      labelEn: optionalText(),
      description: optionalText(),
      normalizedLabel: text(),
      ...timestamps(),
    },
    { tableName: 'document_types' },
  );
  const DeedTypeDocumentType = sequelize.define<DeedTypeDocumentTypeRow>(
    'DeedTypeDocumentType',
    {
      deedTypeId: idColumn(),
      documentTypeId: idColumn(),
      position: integer(),
    },
    { tableName: 'deed_type_document_types', timestamps: false },
  );
  DeedType.belongsToMany(DocumentType, {
    through: DeedTypeDocumentType,
    foreignKey: 'deedTypeId',
    otherKey: 'documentTypeId',
    as: 'suggestedDocumentTypes',
  });
  return { DeedType, DocumentType, DeedTypeDocumentType };
}

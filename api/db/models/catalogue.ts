import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  type Model,
  type Sequelize,
} from 'sequelize';

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
      id: { type: DataTypes.TEXT, primaryKey: true },
      code: { type: DataTypes.TEXT, allowNull: false },
      label: { type: DataTypes.TEXT, allowNull: false },
      labelEn: { type: DataTypes.TEXT, allowNull: false },
      position: { type: DataTypes.INTEGER, allowNull: false },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE,
    },
    { tableName: 'deed_types' },
  );
  const DocumentType = sequelize.define<DocumentTypeRow>(
    'DocumentType',
    {
      id: { type: DataTypes.TEXT, primaryKey: true },
      officeId: { type: DataTypes.TEXT, allowNull: true },
      code: { type: DataTypes.TEXT, allowNull: true },
      label: { type: DataTypes.TEXT, allowNull: false },
      labelEn: { type: DataTypes.TEXT, allowNull: true },
      description: { type: DataTypes.TEXT, allowNull: true },
      normalizedLabel: { type: DataTypes.TEXT, allowNull: false },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE,
    },
    { tableName: 'document_types' },
  );
  const DeedTypeDocumentType = sequelize.define<DeedTypeDocumentTypeRow>(
    'DeedTypeDocumentType',
    {
      deedTypeId: { type: DataTypes.TEXT, primaryKey: true },
      documentTypeId: { type: DataTypes.TEXT, primaryKey: true },
      position: { type: DataTypes.INTEGER, allowNull: false },
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

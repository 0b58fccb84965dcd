import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  type Model,
  type Sequelize,
} from 'sequelize';

export interface FolderRow extends Model<InferAttributes<FolderRow>, InferCreationAttributes<FolderRow>> {
  id: string;
  officeId: string;
  number: string;
  title: string;
  deedTypeId: string;
  note: CreationOptional<string>;
  access: CreationOptional<'office' | 'members'>;
  status: CreationOptional<'open' | 'archived'>;
  /** Case- and accent-folded number, title and client names: what `?q=` searches. */
  searchText: CreationOptional<string>;
  /** Bumped on every change; the ETag of the folder. */
  version: CreationOptional<number>;
  /** Live requests of the folder, and how many are validated: completion without a join. */
  requestsTotal: CreationOptional<number>;
  requestsValidated: CreationOptional<number>;
  /** Files waiting for review: the guide's clock symbol ("une action est demandée"). */
  filesPending: CreationOptional<number>;
  completedAt: CreationOptional<Date | null>;
  createdBy: string | null;
  archivedAt: CreationOptional<Date | null>;
  createdAt: CreationOptional<Date>;
  updatedAt: CreationOptional<Date>;
}

export function defineFolderModels(sequelize: Sequelize) {
  const Folder = sequelize.define<FolderRow>(
    'Folder',
    {
      id: { type: DataTypes.TEXT, primaryKey: true },
      officeId: { type: DataTypes.TEXT, allowNull: false },
      number: { type: DataTypes.TEXT, allowNull: false },
      title: { type: DataTypes.TEXT, allowNull: false },
      deedTypeId: { type: DataTypes.TEXT, allowNull: false },
      note: { type: DataTypes.TEXT, allowNull: false, defaultValue: '' },
      access: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'office' },
      status: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'open' },
      searchText: { type: DataTypes.TEXT, allowNull: false, defaultValue: '' },
      version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 1 },
      requestsTotal: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      requestsValidated: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      filesPending: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      completedAt: { type: DataTypes.DATE, allowNull: true },
      createdBy: { type: DataTypes.TEXT, allowNull: true },
      archivedAt: { type: DataTypes.DATE, allowNull: true },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE,
    },
    { tableName: 'folders' },
  );
  return { Folder };
}

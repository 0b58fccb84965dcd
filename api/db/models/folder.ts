import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  type Model,
  type Sequelize,
} from 'sequelize';
import { idColumn, integer, optionalDate, optionalText, text, timestamps } from './columns.js';

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
  /** null until the notary asks to anchor ("Valider et ancrer"); from then on the folder is frozen. */
  anchorStatus: CreationOptional<'anchoring' | 'anchored' | 'anchoring_failed' | null>;
  anchorError: CreationOptional<string | null>;
  createdBy: string | null;
  archivedAt: CreationOptional<Date | null>;
  createdAt: CreationOptional<Date>;
  updatedAt: CreationOptional<Date>;
}

export function defineFolderModels(sequelize: Sequelize) {
  const Folder = sequelize.define<FolderRow>(
    'Folder',
    {
      id: idColumn(),
      officeId: text(),
      number: text(),
      title: text(),
      deedTypeId: text(),
      note: { type: DataTypes.TEXT, allowNull: false, defaultValue: '' },
      access: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'office' },
      status: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'open' },
      searchText: { type: DataTypes.TEXT, allowNull: false, defaultValue: '' },
      version: integer(1),
      requestsTotal: integer(0),
      requestsValidated: integer(0),
      filesPending: integer(0),
      completedAt: optionalDate(),
      anchorStatus: optionalText(),
      anchorError: optionalText(),
      createdBy: optionalText(),
      archivedAt: optionalDate(),
      ...timestamps(),
    },
    { tableName: 'folders' },
  );
  return { Folder };
}

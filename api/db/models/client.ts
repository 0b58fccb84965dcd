import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  type Model,
  type Sequelize,
} from 'sequelize';
import { idColumn, text, timestamps } from './columns.js';

export interface ClientRow extends Model<InferAttributes<ClientRow>, InferCreationAttributes<ClientRow>> {
  id: string;
  officeId: string;
  lastName: string;
  firstName: string;
  email: string;
  /** Lower-cased, trimmed: what logins and the per-office uniqueness compare. */
  emailNormalized: string;
  /** E.164 (+33626597292): the SMS login depends on it. */
  mobile: string;
  language: CreationOptional<'fr' | 'en'>;
  searchText: string;
  createdAt: CreationOptional<Date>;
  updatedAt: CreationOptional<Date>;
}

export interface FolderClientRow extends Model<InferAttributes<FolderClientRow>, InferCreationAttributes<FolderClientRow>> {
  folderId: string;
  clientId: string;
  officeId: string;
  createdAt: CreationOptional<Date>;
}

export interface FolderMemberRow extends Model<InferAttributes<FolderMemberRow>, InferCreationAttributes<FolderMemberRow>> {
  folderId: string;
  memberId: string;
  officeId: string;
}

export function defineClientModels(sequelize: Sequelize) {
  const Client = sequelize.define<ClientRow>(
    'Client',
    {
      id: idColumn(),
      officeId: text(),
      lastName: text(),
      firstName: text(),
      email: text(),
      emailNormalized: text(),
      mobile: text(),
      language: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'fr' },
      searchText: text(),
      ...timestamps(),
    },
    { tableName: 'clients' },
  );
  const FolderClient = sequelize.define<FolderClientRow>(
    'FolderClient',
    {
      folderId: idColumn(),
      clientId: idColumn(),
      officeId: text(),
      createdAt: DataTypes.DATE,
    },
    { tableName: 'folder_clients', updatedAt: false },
  );
  const FolderMember = sequelize.define<FolderMemberRow>(
    'FolderMember',
    {
      folderId: idColumn(),
      memberId: idColumn(),
      officeId: text(),
    },
    { tableName: 'folder_members', timestamps: false },
  );
  return { Client, FolderClient, FolderMember };
}

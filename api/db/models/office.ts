import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  type Model,
  type Sequelize,
} from 'sequelize';

export interface OfficeRow extends Model<InferAttributes<OfficeRow>, InferCreationAttributes<OfficeRow>> {
  id: string;
  name: string;
  crpcen: string;
  address: CreationOptional<string>;
  createdAt: CreationOptional<Date>;
  updatedAt: CreationOptional<Date>;
}

export interface MemberRow extends Model<InferAttributes<MemberRow>, InferCreationAttributes<MemberRow>> {
  id: string;
  officeId: string;
  idnotSubject: string | null;
  firstName: string;
  lastName: string;
  email: string;
  role: 'notary' | 'collaborator';
  status: 'pending' | 'active';
  createdAt: CreationOptional<Date>;
  updatedAt: CreationOptional<Date>;
}

export interface ApiKeyRow extends Model<InferAttributes<ApiKeyRow>, InferCreationAttributes<ApiKeyRow>> {
  id: string;
  officeId: string;
  createdByMemberId: string | null;
  name: string;
  mode: 'live' | 'test';
  displayPrefix: string;
  secretHash: string;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdAt: CreationOptional<Date>;
  updatedAt: CreationOptional<Date>;
}

export function defineOfficeModels(sequelize: Sequelize) {
  const Office = sequelize.define<OfficeRow>(
    'Office',
    {
      id: { type: DataTypes.TEXT, primaryKey: true },
      name: { type: DataTypes.TEXT, allowNull: false },
      crpcen: { type: DataTypes.TEXT, allowNull: false },
      address: { type: DataTypes.TEXT, allowNull: false, defaultValue: '' },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE,
    },
    { tableName: 'offices' },
  );
  const Member = sequelize.define<MemberRow>(
    'Member',
    {
      id: { type: DataTypes.TEXT, primaryKey: true },
      officeId: { type: DataTypes.TEXT, allowNull: false },
      idnotSubject: { type: DataTypes.TEXT, allowNull: true },
      firstName: { type: DataTypes.TEXT, allowNull: false },
      lastName: { type: DataTypes.TEXT, allowNull: false },
      email: { type: DataTypes.TEXT, allowNull: false },
      role: { type: DataTypes.TEXT, allowNull: false },
      status: { type: DataTypes.TEXT, allowNull: false },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE,
    },
    { tableName: 'members' },
  );
  const ApiKey = sequelize.define<ApiKeyRow>(
    'ApiKey',
    {
      id: { type: DataTypes.TEXT, primaryKey: true },
      officeId: { type: DataTypes.TEXT, allowNull: false },
      createdByMemberId: { type: DataTypes.TEXT, allowNull: true },
      name: { type: DataTypes.TEXT, allowNull: false },
      mode: { type: DataTypes.TEXT, allowNull: false },
      displayPrefix: { type: DataTypes.TEXT, allowNull: false },
      secretHash: { type: DataTypes.TEXT, allowNull: false },
      lastUsedAt: { type: DataTypes.DATE, allowNull: true },
      revokedAt: { type: DataTypes.DATE, allowNull: true },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE,
    },
    { tableName: 'api_keys' },
  );
  return { Office, Member, ApiKey };
}

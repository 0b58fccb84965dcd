import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  type Model,
  type Sequelize,
} from 'sequelize';
import { DEFAULT_TIME_ZONE } from '../../domain/time-zones.js';
import { idColumn, optionalDate, optionalText, text, timestamps } from './columns.js';

export interface OfficeRow extends Model<InferAttributes<OfficeRow>, InferCreationAttributes<OfficeRow>> {
  id: string;
  name: string;
  crpcen: string;
  address: CreationOptional<string>;
  /** IANA name; the office's times are shown in it. */
  timeZone: CreationOptional<string>;
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
      id: idColumn(),
      name: text(),
      crpcen: text(),
      address: { type: DataTypes.TEXT, allowNull: false, defaultValue: '' },
      timeZone: { type: DataTypes.TEXT, allowNull: false, defaultValue: DEFAULT_TIME_ZONE, field: 'time_zone' },
      ...timestamps(),
    },
    { tableName: 'offices' },
  );
  const Member = sequelize.define<MemberRow>(
    'Member',
    {
      id: idColumn(),
      officeId: text(),
      idnotSubject: optionalText(),
      firstName: text(),
      lastName: text(),
      email: text(),
      role: text(),
      status: text(),
      ...timestamps(),
    },
    { tableName: 'members' },
  );
  const ApiKey = sequelize.define<ApiKeyRow>(
    'ApiKey',
    {
      id: idColumn(),
      officeId: text(),
      createdByMemberId: optionalText(),
      name: text(),
      mode: text(),
      displayPrefix: text(),
      secretHash: text(),
      lastUsedAt: optionalDate(),
      revokedAt: optionalDate(),
      ...timestamps(),
    },
    { tableName: 'api_keys' },
  );
  return { Office, Member, ApiKey };
}

import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  type Model,
  type Sequelize,
} from 'sequelize';

export interface SessionRow extends Model<InferAttributes<SessionRow>, InferCreationAttributes<SessionRow>> {
  id: string;
  kind: 'member' | 'client';
  officeId: string;
  memberId: string | null;
  clientId: string | null;
  /** How the session was opened: setting a password needs a fresh `sms_code` session. */
  authMethod: 'idnot' | 'sms_code' | 'password';
  tokenHash: string;
  ip: string | null;
  userAgent: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
  revokedAt: Date | null;
}

export interface WidgetSessionRow extends Model<InferAttributes<WidgetSessionRow>, InferCreationAttributes<WidgetSessionRow>> {
  id: string;
  officeId: string;
  apiKeyId: string;
  memberId: string | null;
  clientId: string | null;
  folderId: string | null;
  tokenHash: string;
  expiresAt: Date;
  revokedAt: Date | null;
  createdAt: CreationOptional<Date>;
}

export interface ClientCredentialRow extends Model<InferAttributes<ClientCredentialRow>, InferCreationAttributes<ClientCredentialRow>> {
  clientId: string;
  officeId: string;
  /** argon2id, PHC string format (parameters inside). */
  passwordHash: string;
  createdAt: CreationOptional<Date>;
  updatedAt: CreationOptional<Date>;
}

export interface ClientLoginAttemptRow
  extends Model<InferAttributes<ClientLoginAttemptRow>, InferCreationAttributes<ClientLoginAttemptRow>> {
  id: string;
  tokenHash: string;
  emailHash: string;
  /** Null when the e-mail matched no client with an open folder: such an attempt can never succeed. */
  clientId: string | null;
  officeId: string | null;
  codeHash: string | null;
  expiresAt: Date;
  failedTries: CreationOptional<number>;
  closedAt: CreationOptional<Date | null>;
  closedReason: CreationOptional<'used' | 'exhausted' | 'superseded' | null>;
  createdAt: Date;
}

export interface IdnotLoginTransactionRow
  extends Model<InferAttributes<IdnotLoginTransactionRow>, InferCreationAttributes<IdnotLoginTransactionRow>> {
  id: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  expiresAt: Date;
  createdAt: CreationOptional<Date>;
}

export interface DevOutboxMessageRow extends Model<InferAttributes<DevOutboxMessageRow>, InferCreationAttributes<DevOutboxMessageRow>> {
  id: string;
  kind: 'sms' | 'email';
  /** E.164 number for an SMS, address for an e-mail (column `recipient`). */
  to: string;
  subject: string | null;
  bodyText: string;
  bodyHtml: string | null;
  createdAt: CreationOptional<Date>;
}

export function defineIdentityModels(sequelize: Sequelize) {
  const Session = sequelize.define<SessionRow>(
    'Session',
    {
      id: { type: DataTypes.TEXT, primaryKey: true },
      kind: { type: DataTypes.TEXT, allowNull: false },
      officeId: { type: DataTypes.TEXT, allowNull: false },
      memberId: { type: DataTypes.TEXT, allowNull: true },
      clientId: { type: DataTypes.TEXT, allowNull: true },
      authMethod: { type: DataTypes.TEXT, allowNull: false },
      tokenHash: { type: DataTypes.TEXT, allowNull: false },
      ip: { type: DataTypes.TEXT, allowNull: true },
      userAgent: { type: DataTypes.TEXT, allowNull: true },
      createdAt: { type: DataTypes.DATE, allowNull: false },
      lastSeenAt: { type: DataTypes.DATE, allowNull: false },
      idleExpiresAt: { type: DataTypes.DATE, allowNull: false },
      absoluteExpiresAt: { type: DataTypes.DATE, allowNull: false },
      revokedAt: { type: DataTypes.DATE, allowNull: true },
    },
    // Times come from the injectable clock, not from Sequelize.
    { tableName: 'sessions', timestamps: false },
  );
  const WidgetSession = sequelize.define<WidgetSessionRow>(
    'WidgetSession',
    {
      id: { type: DataTypes.TEXT, primaryKey: true },
      officeId: { type: DataTypes.TEXT, allowNull: false },
      apiKeyId: { type: DataTypes.TEXT, allowNull: false },
      memberId: { type: DataTypes.TEXT, allowNull: true },
      clientId: { type: DataTypes.TEXT, allowNull: true },
      folderId: { type: DataTypes.TEXT, allowNull: true },
      tokenHash: { type: DataTypes.TEXT, allowNull: false },
      expiresAt: { type: DataTypes.DATE, allowNull: false },
      revokedAt: { type: DataTypes.DATE, allowNull: true },
      createdAt: DataTypes.DATE,
    },
    { tableName: 'widget_sessions', updatedAt: false },
  );
  const ClientCredential = sequelize.define<ClientCredentialRow>(
    'ClientCredential',
    {
      clientId: { type: DataTypes.TEXT, primaryKey: true },
      officeId: { type: DataTypes.TEXT, allowNull: false },
      passwordHash: { type: DataTypes.TEXT, allowNull: false },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE,
    },
    { tableName: 'client_credentials' },
  );
  const ClientLoginAttempt = sequelize.define<ClientLoginAttemptRow>(
    'ClientLoginAttempt',
    {
      id: { type: DataTypes.TEXT, primaryKey: true },
      tokenHash: { type: DataTypes.TEXT, allowNull: false },
      emailHash: { type: DataTypes.TEXT, allowNull: false },
      clientId: { type: DataTypes.TEXT, allowNull: true },
      officeId: { type: DataTypes.TEXT, allowNull: true },
      codeHash: { type: DataTypes.TEXT, allowNull: true },
      expiresAt: { type: DataTypes.DATE, allowNull: false },
      failedTries: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      closedAt: { type: DataTypes.DATE, allowNull: true },
      closedReason: { type: DataTypes.TEXT, allowNull: true },
      createdAt: { type: DataTypes.DATE, allowNull: false },
    },
    { tableName: 'client_login_attempts', timestamps: false },
  );
  const IdnotLoginTransaction = sequelize.define<IdnotLoginTransactionRow>(
    'IdnotLoginTransaction',
    {
      id: { type: DataTypes.TEXT, primaryKey: true },
      state: { type: DataTypes.TEXT, allowNull: false },
      nonce: { type: DataTypes.TEXT, allowNull: false },
      codeVerifier: { type: DataTypes.TEXT, allowNull: false },
      returnTo: { type: DataTypes.TEXT, allowNull: false },
      expiresAt: { type: DataTypes.DATE, allowNull: false },
      createdAt: DataTypes.DATE,
    },
    { tableName: 'idnot_login_transactions', updatedAt: false },
  );
  const DevOutboxMessage = sequelize.define<DevOutboxMessageRow>(
    'DevOutboxMessage',
    {
      id: { type: DataTypes.TEXT, primaryKey: true },
      kind: { type: DataTypes.TEXT, allowNull: false },
      to: { type: DataTypes.TEXT, allowNull: false, field: 'recipient' },
      subject: { type: DataTypes.TEXT, allowNull: true },
      bodyText: { type: DataTypes.TEXT, allowNull: false },
      bodyHtml: { type: DataTypes.TEXT, allowNull: true },
      createdAt: DataTypes.DATE,
    },
    { tableName: 'dev_outbox_messages', updatedAt: false },
  );
  return { Session, WidgetSession, ClientCredential, ClientLoginAttempt, IdnotLoginTransaction, DevOutboxMessage };
}

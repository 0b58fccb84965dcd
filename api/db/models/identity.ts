import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  type Model,
  type Sequelize,
} from 'sequelize';
import type { WidgetComponent } from '../../domain/capabilities.js';
import { date, idColumn, integer, optionalDate, optionalText, text } from './columns.js';

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
  /** Who minted it: an API key, or (exactly one of the two) a connected app's connection `apc_…`. */
  apiKeyId: string | null;
  appConnectionId: CreationOptional<string | null>;
  memberId: string | null;
  clientId: string | null;
  folderId: string | null;
  components: WidgetComponent[];
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
      id: idColumn(),
      kind: text(),
      officeId: text(),
      memberId: optionalText(),
      clientId: optionalText(),
      authMethod: text(),
      tokenHash: text(),
      ip: optionalText(),
      userAgent: optionalText(),
      createdAt: date(),
      lastSeenAt: date(),
      idleExpiresAt: date(),
      absoluteExpiresAt: date(),
      revokedAt: optionalDate(),
    },
    // Times come from the injectable clock, not from Sequelize.
    { tableName: 'sessions', timestamps: false },
  );
  const WidgetSession = sequelize.define<WidgetSessionRow>(
    'WidgetSession',
    {
      id: idColumn(),
      officeId: text(),
      apiKeyId: optionalText(),
      appConnectionId: optionalText(),
      memberId: optionalText(),
      clientId: optionalText(),
      folderId: optionalText(),
      components: { type: DataTypes.ARRAY(DataTypes.TEXT), allowNull: false },
      tokenHash: text(),
      expiresAt: date(),
      revokedAt: optionalDate(),
      createdAt: DataTypes.DATE,
    },
    { tableName: 'widget_sessions', updatedAt: false },
  );
  const ClientCredential = sequelize.define<ClientCredentialRow>(
    'ClientCredential',
    {
      clientId: idColumn(),
      officeId: text(),
      passwordHash: text(),
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE,
    },
    { tableName: 'client_credentials' },
  );
  const ClientLoginAttempt = sequelize.define<ClientLoginAttemptRow>(
    'ClientLoginAttempt',
    {
      id: idColumn(),
      tokenHash: text(),
      emailHash: text(),
      clientId: optionalText(),
      officeId: optionalText(),
      codeHash: optionalText(),
      expiresAt: date(),
      failedTries: integer(0),
      closedAt: optionalDate(),
      closedReason: optionalText(),
      createdAt: date(),
    },
    { tableName: 'client_login_attempts', timestamps: false },
  );
  const IdnotLoginTransaction = sequelize.define<IdnotLoginTransactionRow>(
    'IdnotLoginTransaction',
    {
      id: idColumn(),
      state: text(),
      nonce: text(),
      codeVerifier: text(),
      returnTo: text(),
      expiresAt: date(),
      createdAt: DataTypes.DATE,
    },
    { tableName: 'idnot_login_transactions', updatedAt: false },
  );
  const DevOutboxMessage = sequelize.define<DevOutboxMessageRow>(
    'DevOutboxMessage',
    {
      id: idColumn(),
      kind: text(),
      to: { type: DataTypes.TEXT, allowNull: false, field: 'recipient' },
      subject: optionalText(),
      bodyText: text(),
      bodyHtml: optionalText(),
      createdAt: DataTypes.DATE,
    },
    { tableName: 'dev_outbox_messages', updatedAt: false },
  );
  return { Session, WidgetSession, ClientCredential, ClientLoginAttempt, IdnotLoginTransaction, DevOutboxMessage };
}

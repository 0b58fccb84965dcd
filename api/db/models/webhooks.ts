import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  type Model,
  type Sequelize,
} from 'sequelize';
import { date, idColumn, integer, optionalDate, optionalText, text } from './columns.js';

export type EndpointDisabledReason = 'manual' | 'gone' | 'failing';

export interface WebhookEndpointRow extends Model<InferAttributes<WebhookEndpointRow>, InferCreationAttributes<WebhookEndpointRow>> {
  id: string;
  /** The office whose events it receives; null for an app's endpoint (every office connected to the app). */
  officeId: string | null;
  /** The vendor's app owning it, when it is an app's endpoint (then officeId is null). */
  appId: CreationOptional<string | null>;
  url: string;
  description: string;
  /** Empty: every public event type. */
  eventTypes: string[];
  enabled: boolean;
  disabledReason: EndpointDisabledReason | null;
  disabledAt: Date | null;
  /** The signing secret's 32 bytes, sealed with the master key `secretKeyId`. */
  secretSealed: string;
  secretKeyId: string;
  previousSecretSealed: string | null;
  previousSecretKeyId: string | null;
  previousSecretExpiresAt: Date | null;
  failingSince: Date | null;
  deletedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export type WebhookMessageStatus = 'pending' | 'delivered' | 'failed' | 'cancelled';

export interface WebhookMessageRow extends Model<InferAttributes<WebhookMessageRow>, InferCreationAttributes<WebhookMessageRow>> {
  id: string;
  officeId: string;
  endpointId: string;
  /** The outbox event id: the `webhook-id` header. */
  eventId: string;
  eventSeq: number;
  eventType: string;
  folderId: string | null;
  lane: string;
  status: WebhookMessageStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  leaseUntil: Date | null;
  lastAttemptAt: Date | null;
  deliveredAt: Date | null;
  createdAt: Date;
}

export interface WebhookAttemptRow extends Model<InferAttributes<WebhookAttemptRow>, InferCreationAttributes<WebhookAttemptRow>> {
  id: string;
  officeId: string;
  endpointId: string;
  messageId: string;
  attempt: number;
  outcome: 'succeeded' | 'failed';
  responseStatus: number | null;
  error: string | null;
  responseBody: string | null;
  durationMs: number;
  attemptedAt: Date;
  nextAttemptAt: Date | null;
}

export type NotificationChannel = 'email' | 'sms';
export type NotificationStatus = 'pending' | 'sent' | 'failed' | 'skipped';

export interface NotificationRow extends Model<InferAttributes<NotificationRow>, InferCreationAttributes<NotificationRow>> {
  id: string;
  officeId: string;
  folderId: string | null;
  kind: string;
  channel: NotificationChannel;
  clientId: string | null;
  memberId: string | null;
  dedupeKey: string;
  data: Record<string, unknown>;
  status: CreationOptional<NotificationStatus>;
  dueAt: Date;
  leaseUntil: CreationOptional<Date | null>;
  attempts: CreationOptional<number>;
  lastError: CreationOptional<string | null>;
  sentAt: CreationOptional<Date | null>;
  createdAt: Date;
}

export interface OfficeNotificationSettingsRow
  extends Model<InferAttributes<OfficeNotificationSettingsRow>, InferCreationAttributes<OfficeNotificationSettingsRow>> {
  officeId: string;
  reminderDaysBefore: number;
  reminderEveryDays: number;
  reminderMaxCount: number;
  updatedAt: Date;
}

// Functions, not shared objects: Sequelize writes each attribute's column name into its definition.

export function defineWebhookModels(sequelize: Sequelize) {
  // Times come from the jobs' injectable clock, never from Sequelize: `timestamps: false` everywhere.
  const WebhookEndpoint = sequelize.define<WebhookEndpointRow>(
    'WebhookEndpoint',
    {
      id: idColumn(),
      officeId: optionalText(),
      appId: optionalText(),
      url: text(),
      description: { ...text(), defaultValue: '' },
      eventTypes: { type: DataTypes.ARRAY(DataTypes.TEXT), allowNull: false, defaultValue: [] },
      enabled: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
      disabledReason: optionalText(),
      disabledAt: optionalDate(),
      secretSealed: text(),
      secretKeyId: text(),
      previousSecretSealed: optionalText(),
      previousSecretKeyId: optionalText(),
      previousSecretExpiresAt: optionalDate(),
      failingSince: optionalDate(),
      deletedAt: optionalDate(),
      createdAt: date(),
      updatedAt: date(),
    },
    { tableName: 'webhook_endpoints', timestamps: false },
  );
  const WebhookMessage = sequelize.define<WebhookMessageRow>(
    'WebhookMessage',
    {
      id: idColumn(),
      officeId: text(),
      endpointId: text(),
      eventId: text(),
      eventSeq: { type: DataTypes.BIGINT, allowNull: false },
      eventType: text(),
      folderId: optionalText(),
      lane: text(),
      status: { ...text(), defaultValue: 'pending' },
      attempts: integer(0),
      nextAttemptAt: optionalDate(),
      leaseUntil: optionalDate(),
      lastAttemptAt: optionalDate(),
      deliveredAt: optionalDate(),
      createdAt: date(),
    },
    { tableName: 'webhook_messages', timestamps: false },
  );
  const WebhookAttempt = sequelize.define<WebhookAttemptRow>(
    'WebhookAttempt',
    {
      id: idColumn(),
      officeId: text(),
      endpointId: text(),
      messageId: text(),
      attempt: integer(),
      outcome: text(),
      responseStatus: { type: DataTypes.INTEGER, allowNull: true },
      error: optionalText(),
      responseBody: optionalText(),
      durationMs: integer(),
      attemptedAt: date(),
      nextAttemptAt: optionalDate(),
    },
    { tableName: 'webhook_attempts', timestamps: false },
  );
  const Notification = sequelize.define<NotificationRow>(
    'Notification',
    {
      id: idColumn(),
      officeId: text(),
      folderId: optionalText(),
      kind: text(),
      channel: text(),
      clientId: optionalText(),
      memberId: optionalText(),
      dedupeKey: text(),
      data: { type: DataTypes.JSONB, allowNull: false, defaultValue: {} },
      status: { ...text(), defaultValue: 'pending' },
      dueAt: date(),
      leaseUntil: optionalDate(),
      attempts: integer(0),
      lastError: optionalText(),
      sentAt: optionalDate(),
      createdAt: date(),
    },
    { tableName: 'notifications', timestamps: false },
  );
  const OfficeNotificationSettings = sequelize.define<OfficeNotificationSettingsRow>(
    'OfficeNotificationSettings',
    {
      officeId: idColumn(),
      reminderDaysBefore: integer(),
      reminderEveryDays: integer(),
      reminderMaxCount: integer(),
      updatedAt: date(),
    },
    { tableName: 'office_notification_settings', timestamps: false },
  );
  return { WebhookEndpoint, WebhookMessage, WebhookAttempt, Notification, OfficeNotificationSettings };
}

import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  type Model,
  type Sequelize,
} from 'sequelize';

export type EndpointDisabledReason = 'manual' | 'gone' | 'failing';

export interface WebhookEndpointRow extends Model<InferAttributes<WebhookEndpointRow>, InferCreationAttributes<WebhookEndpointRow>> {
  id: string;
  officeId: string;
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
const text = () => ({ type: DataTypes.TEXT, allowNull: false });
const optionalText = () => ({ type: DataTypes.TEXT, allowNull: true });
const time = () => ({ type: DataTypes.DATE, allowNull: false });
const optionalTime = () => ({ type: DataTypes.DATE, allowNull: true });
const count = () => ({ type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 });

export function defineWebhookModels(sequelize: Sequelize) {
  // Times come from the jobs' injectable clock, never from Sequelize: `timestamps: false` everywhere.
  const WebhookEndpoint = sequelize.define<WebhookEndpointRow>(
    'WebhookEndpoint',
    {
      id: { type: DataTypes.TEXT, primaryKey: true },
      officeId: text(),
      url: text(),
      description: { ...text(), defaultValue: '' },
      eventTypes: { type: DataTypes.ARRAY(DataTypes.TEXT), allowNull: false, defaultValue: [] },
      enabled: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
      disabledReason: optionalText(),
      disabledAt: optionalTime(),
      secretSealed: text(),
      secretKeyId: text(),
      previousSecretSealed: optionalText(),
      previousSecretKeyId: optionalText(),
      previousSecretExpiresAt: optionalTime(),
      failingSince: optionalTime(),
      deletedAt: optionalTime(),
      createdAt: time(),
      updatedAt: time(),
    },
    { tableName: 'webhook_endpoints', timestamps: false },
  );
  const WebhookMessage = sequelize.define<WebhookMessageRow>(
    'WebhookMessage',
    {
      id: { type: DataTypes.TEXT, primaryKey: true },
      officeId: text(),
      endpointId: text(),
      eventId: text(),
      eventSeq: { type: DataTypes.BIGINT, allowNull: false },
      eventType: text(),
      folderId: optionalText(),
      lane: text(),
      status: { ...text(), defaultValue: 'pending' },
      attempts: count(),
      nextAttemptAt: optionalTime(),
      leaseUntil: optionalTime(),
      lastAttemptAt: optionalTime(),
      deliveredAt: optionalTime(),
      createdAt: time(),
    },
    { tableName: 'webhook_messages', timestamps: false },
  );
  const WebhookAttempt = sequelize.define<WebhookAttemptRow>(
    'WebhookAttempt',
    {
      id: { type: DataTypes.TEXT, primaryKey: true },
      officeId: text(),
      endpointId: text(),
      messageId: text(),
      attempt: { type: DataTypes.INTEGER, allowNull: false },
      outcome: text(),
      responseStatus: { type: DataTypes.INTEGER, allowNull: true },
      error: optionalText(),
      responseBody: optionalText(),
      durationMs: { type: DataTypes.INTEGER, allowNull: false },
      attemptedAt: time(),
      nextAttemptAt: optionalTime(),
    },
    { tableName: 'webhook_attempts', timestamps: false },
  );
  const Notification = sequelize.define<NotificationRow>(
    'Notification',
    {
      id: { type: DataTypes.TEXT, primaryKey: true },
      officeId: text(),
      folderId: optionalText(),
      kind: text(),
      channel: text(),
      clientId: optionalText(),
      memberId: optionalText(),
      dedupeKey: text(),
      data: { type: DataTypes.JSONB, allowNull: false, defaultValue: {} },
      status: { ...text(), defaultValue: 'pending' },
      dueAt: time(),
      leaseUntil: optionalTime(),
      attempts: count(),
      lastError: optionalText(),
      sentAt: optionalTime(),
      createdAt: time(),
    },
    { tableName: 'notifications', timestamps: false },
  );
  const OfficeNotificationSettings = sequelize.define<OfficeNotificationSettingsRow>(
    'OfficeNotificationSettings',
    {
      officeId: { type: DataTypes.TEXT, primaryKey: true },
      reminderDaysBefore: { type: DataTypes.INTEGER, allowNull: false },
      reminderEveryDays: { type: DataTypes.INTEGER, allowNull: false },
      reminderMaxCount: { type: DataTypes.INTEGER, allowNull: false },
      updatedAt: time(),
    },
    { tableName: 'office_notification_settings', timestamps: false },
  );
  return { WebhookEndpoint, WebhookMessage, WebhookAttempt, Notification, OfficeNotificationSettings };
}

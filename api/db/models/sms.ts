import type { InferAttributes, InferCreationAttributes, Model, Sequelize } from 'sequelize';
import { date, idColumn, optionalText, text } from './columns.js';

export type SmsTrackedStatus =
  | 'queued'
  | 'accepted'
  | 'failed'
  | 'sent'
  | 'delivered'
  | 'soft_bounce'
  | 'hard_bounce'
  | 'blocked'
  | 'rejected';

export interface SmsDeliveryRow extends Model<InferAttributes<SmsDeliveryRow>, InferCreationAttributes<SmsDeliveryRow>> {
  id: string;
  provider: string;
  purpose: 'login_code' | 'notification';
  /** E.164. */
  recipient: string;
  loginAttemptId: string | null;
  notificationId: string | null;
  status: SmsTrackedStatus;
  providerMessageId: string | null;
  /** Why it failed: the provider's refusal when sending, or its bounce reason. */
  error: string | null;
  statusAt: Date;
  createdAt: Date;
}

export function defineSmsModels(sequelize: Sequelize) {
  const SmsDelivery = sequelize.define<SmsDeliveryRow>(
    'SmsDelivery',
    {
      id: idColumn(),
      provider: text(),
      purpose: text(),
      recipient: text(),
      loginAttemptId: optionalText(),
      notificationId: optionalText(),
      status: text(),
      providerMessageId: optionalText(),
      error: optionalText(),
      statusAt: date(),
      createdAt: date(),
    },
    // Times come from the injectable clock, not from Sequelize.
    { tableName: 'sms_deliveries', timestamps: false },
  );
  return { SmsDelivery };
}

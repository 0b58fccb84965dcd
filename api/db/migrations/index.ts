import type { Sequelize, Transaction } from 'sequelize';
import * as m0001 from './0001-foundation.js';
import * as m0002 from './0002-notary-workflow.js';
import * as m0003 from './0003-identity.js';
import * as m0004 from './0004-webhooks-notifications.js';
import * as m0005 from './0005-anchoring.js';
import * as m0006 from './0006-widget-components.js';
import * as m0007 from './0007-upload-idempotency.js';
import * as m0008 from './0008-batch-timestamps.js';
import * as m0009 from './0009-folder-audit-chain.js';
import * as m0010 from './0010-integrity-scrub.js';
import * as m0011 from './0011-sms-delivery.js';
import * as m0014 from './0014-search-trigram.js';
import * as m0015 from './0015-idempotency-lease.js';
import * as m0030 from './0030-live-events.js';
import * as m0040 from './0040-oauth-apps.js';
import * as m0050 from './0050-api-key-revocation-notify.js';
import * as m0051 from './0051-audit-chain-linked-after-commit.js';
import * as m0052 from './0052-outbox-wake-after-commit.js';
import * as m0060 from './0060-app-webhooks.js';
import * as m0110 from './0110-idempotency-claim-owner.js';
import * as m0130 from './0130-office-time-zone.js';
import * as m0140 from './0140-folders-office-order.js';
import * as m0150 from './0150-ascending-id-indexes.js';
import * as m0160 from './0160-folder-words.js';

export interface Migration {
  name: string;
  up(sequelize: Sequelize, transaction: Transaction): Promise<void>;
}

/** Listed by hand, in order: a glob would depend on how the code is run (tsx, bundled, compiled). */
export const migrations: Migration[] = [
  { name: '0001-foundation', up: m0001.up },
  { name: '0002-notary-workflow', up: m0002.up },
  { name: '0003-identity', up: m0003.up },
  { name: '0004-webhooks-notifications', up: m0004.up },
  { name: '0005-anchoring', up: m0005.up },
  { name: '0006-widget-components', up: m0006.up },
  { name: '0007-upload-idempotency', up: m0007.up },
  { name: '0008-batch-timestamps', up: m0008.up },
  { name: '0009-folder-audit-chain', up: m0009.up },
  { name: '0010-integrity-scrub', up: m0010.up },
  { name: '0011-sms-delivery', up: m0011.up },
  { name: '0014-search-trigram', up: m0014.up },
  { name: '0015-idempotency-lease', up: m0015.up },
  { name: '0030-live-events', up: m0030.up },
  { name: '0040-oauth-apps', up: m0040.up },
  { name: '0050-api-key-revocation-notify', up: m0050.up },
  { name: '0051-audit-chain-linked-after-commit', up: m0051.up },
  { name: '0052-outbox-wake-after-commit', up: m0052.up },
  { name: '0060-app-webhooks', up: m0060.up },
  { name: '0110-idempotency-claim-owner', up: m0110.up },
  { name: '0130-office-time-zone', up: m0130.up },
  { name: '0140-folders-office-order', up: m0140.up },
  { name: '0150-ascending-id-indexes', up: m0150.up },
  { name: '0160-folder-words', up: m0160.up },
];

import type { Sequelize } from 'sequelize';
import { type ConnectionOptions, createSequelize } from './connection.js';
import { defineAnchoringModels } from './models/anchoring.js';
import { defineCatalogueModels } from './models/catalogue.js';
import { defineClientModels } from './models/client.js';
import { defineDocumentModels } from './models/document.js';
import { defineFolderModels } from './models/folder.js';
import { defineIdentityModels } from './models/identity.js';
import { defineOfficeModels } from './models/office.js';
import { defineOfficeDocumentModels } from './models/office-documents.js';
import { defineSmsModels } from './models/sms.js';
import { defineWebhookModels } from './models/webhooks.js';

function defineModels(sequelize: Sequelize) {
  return {
    ...defineOfficeModels(sequelize),
    ...defineCatalogueModels(sequelize),
    ...defineFolderModels(sequelize),
    ...defineClientModels(sequelize),
    ...defineDocumentModels(sequelize),
    ...defineOfficeDocumentModels(sequelize),
    ...defineAnchoringModels(sequelize),
    ...defineIdentityModels(sequelize),
    ...defineWebhookModels(sequelize),
    ...defineSmsModels(sequelize),
  };
}

export type Models = ReturnType<typeof defineModels>;

/**
 * One connection pool and its models. Models are defined per instance (not as global classes) so that a
 * process may hold several databases at once: tests do, and so does a migration run beside the app.
 */
export interface Database {
  sequelize: Sequelize;
  models: Models;
  close(): Promise<void>;
}

export function openDatabase(databaseUrl: string, options?: ConnectionOptions): Database {
  const sequelize = createSequelize(databaseUrl, options);
  return { sequelize, models: defineModels(sequelize), close: () => sequelize.close() };
}

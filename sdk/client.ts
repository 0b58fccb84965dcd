import { httpClientFor, type LeCoffreOptions } from './client-options.js';
import { ApiKeys } from './resources/api-keys.js';
import { Catalogue } from './resources/catalogue.js';
import { ClientAuth } from './resources/client-auth.js';
import { Clients } from './resources/clients.js';
import { DocumentRequests } from './resources/document-requests.js';
import { Documents } from './resources/documents.js';
import { Folders } from './resources/folders.js';
import { Me } from './resources/me.js';
import { Members } from './resources/members.js';
import { Office } from './resources/office.js';
import { WebhookEndpoints } from './resources/webhook-endpoints.js';
import { WidgetSessions } from './resources/widget-sessions.js';

export type { AppCredentials, LeCoffreOptions } from './client-options.js';

/**
 * The LeCoffre API client. One instance per credential; it is cheap and holds no connection of its own.
 *
 * ```ts
 * const lecoffre = new LeCoffre({ apiKey: process.env.LECOFFRE_API_KEY!, baseUrl: 'https://api.example.fr' });
 * const folder = await lecoffre.folders.create({ number: '2024-001', title: 'Vente Martin', deedType: 'vente' });
 * ```
 *
 * Every resource is built, so a bundle that holds this class holds all of them: a browser bundle that makes
 * a few calls builds only those with `createClient`.
 */
export class LeCoffre {
  readonly folders: Folders;
  readonly catalogue: Catalogue;
  readonly clients: Clients;
  readonly documentRequests: DocumentRequests;
  readonly documents: Documents;
  /**
   * @deprecated Use `documents` (the same methods: `documents.upload`, `documents.refuse`…). What a client
   * sends is a document everywhere in the API; kept until the next major version.
   */
  readonly files: Documents;
  readonly office: Office;
  readonly members: Members;
  readonly webhookEndpoints: WebhookEndpoints;
  readonly apiKeys: ApiKeys;
  readonly widgetSessions: WidgetSessions;
  readonly me: Me;
  readonly clientAuth: ClientAuth;

  constructor(options: LeCoffreOptions) {
    const http = httpClientFor(options, 'new LeCoffre()');
    this.folders = new Folders(http);
    this.catalogue = new Catalogue(http);
    this.clients = new Clients(http);
    this.documentRequests = new DocumentRequests(http);
    this.documents = new Documents(http);
    this.files = this.documents;
    this.office = new Office(http);
    this.members = new Members(http);
    this.webhookEndpoints = new WebhookEndpoints(http);
    this.apiKeys = new ApiKeys(http);
    this.widgetSessions = new WidgetSessions(http);
    this.me = new Me(http);
    this.clientAuth = new ClientAuth(http);
  }
}

// Every resource class, for `createClient` (create-client.ts): exported as the `resources` namespace
// (`resources.Folders`), since some class names are also the names of the records they serve (`Office`, `Me`).
export { ApiKeys } from './resources/api-keys.js';
export { Catalogue, DeedTypes, DocumentTypes } from './resources/catalogue.js';
export { ClientAuth } from './resources/client-auth.js';
export { Clients } from './resources/clients.js';
export { DocumentRequests } from './resources/document-requests.js';
export { Documents } from './resources/documents.js';
export { Folders } from './resources/folders.js';
export { Me } from './resources/me.js';
export { Members } from './resources/members.js';
export { BankDetails, Office } from './resources/office.js';
export { WebhookEndpoints } from './resources/webhook-endpoints.js';
export { WidgetSessions } from './resources/widget-sessions.js';

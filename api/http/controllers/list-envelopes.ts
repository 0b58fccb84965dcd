/**
 * The list answers, one named interface each, so the OpenAPI document (and every client generated from
 * it) names them `FolderPage`, `DeedTypeList`… rather than after the generic they are built from.
 */
import type { ApiKey } from '../../services/api-keys/views.js';
import type { AppConnection } from '../../services/apps/app-connection-view.js';
import type { DeedType, DocumentType } from '../../services/catalogue/views.js';
import type { Client } from '../../services/clients/views.js';
import type { DocumentFile } from '../../services/files/views.js';
import type { Folder } from '../../services/folders/views.js';
import type { Member } from '../../services/members/views.js';
import type { Page } from '../../services/pagination.js';
import type { EventTypeInfo } from '../../services/webhooks/event-catalogue.js';
import type { WebhookAttempt, WebhookEndpoint } from '../../services/webhooks/views.js';

export interface FolderPage extends Page<Folder> {}
export interface ClientPage extends Page<Client> {}
export interface MemberPage extends Page<Member> {}
export interface ApiKeyPage extends Page<ApiKey> {}
export interface WebhookEndpointPage extends Page<WebhookEndpoint> {}
export interface WebhookAttemptPage extends Page<WebhookAttempt> {}
export interface EventTypePage extends Page<EventTypeInfo> {}

/** The catalogue answers whole lists (no paging): it is short and the same for every page of a form. */
export interface DeedTypeList {
  data: DeedType[];
}
export interface DocumentTypeList {
  data: DocumentType[];
}
export interface ExtraFileList {
  data: DocumentFile[];
}
export interface AppConnectionList {
  data: AppConnection[];
}

import { createHash } from 'node:crypto';
import type { World } from './world.js';
import { newApiKeyId, newAppConnectionId, newPendingMember, newRemovableClient, PDF } from './world.js';

/**
 * What one cell sends. Every path id and body points at office A's folder F1 or its office, so a
 * caller's answer says whether it may reach them.
 */
export interface Call {
  path: string;
  body?: object;
  /** Multipart fields then one PDF part, for uploads. */
  upload?: Record<string, string>;
}

/**
 * - `none`: acts on the caller's own office as a whole (lists, creations): any granted caller succeeds;
 * - `office`: a row of office A outside folders (RIB, member, key, endpoint);
 * - `folder`: F1 or something of F1;
 * - `client`: client C1 of F1, a record the office shares across folders.
 */
export type Target = 'none' | 'office' | 'folder' | 'client';

export interface OperationCase {
  target: Target;
  /** `granted`: the caller will succeed, so what the call consumes is made afresh for it. */
  build(world: World, granted: boolean): Promise<Call> | Call;
  /** The answer of a granted caller in reach, when it is not a 2xx: the state F1 is in decides it. */
  granted?: { status: number; code: string };
  /** Puts F1 back as it was after a granted call changed it, so the next caller meets the same state. */
  reset?(world: World): Promise<void>;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const fixed = (path: string, body?: object) => () => ({ path, body });

/** One row per operationId of the spec: the matrix test fails for an operation missing here. */
export const OPERATIONS: Record<string, OperationCase> = {
  CreateWidgetSession: {
    target: 'office',
    build: (w) => ({ path: '/v1/widget-sessions', body: { memberId: w.ids.notary, folderId: w.ids.f1 } }),
  },
  ListWebhookEndpoints: { target: 'none', build: fixed('/v1/webhook-endpoints') },
  CreateWebhookEndpoint: { target: 'none', build: fixed('/v1/webhook-endpoints', { url: 'https://93.184.215.14/other' }) },
  GetWebhookEndpoint: { target: 'office', build: (w) => ({ path: `/v1/webhook-endpoints/${w.ids.endpoint}` }) },
  UpdateWebhookEndpoint: {
    target: 'office',
    build: (w) => ({ path: `/v1/webhook-endpoints/${w.ids.endpoint}`, body: { description: 'Logiciel de rédaction' } }),
  },
  DeleteWebhookEndpoint: {
    target: 'office',
    build: async (w) => ({
      path: `/v1/webhook-endpoints/${(await w.asOffice('post', '/v1/webhook-endpoints', { url: 'https://93.184.215.14/x' })).id}`,
    }),
  },
  RotateWebhookSecret: { target: 'office', build: (w) => ({ path: `/v1/webhook-endpoints/${w.ids.endpoint}/rotate-secret` }) },
  ListWebhookAttempts: { target: 'office', build: (w) => ({ path: `/v1/webhook-endpoints/${w.ids.endpoint}/attempts` }) },
  RecoverWebhookMessages: {
    target: 'office',
    build: (w) => ({ path: `/v1/webhook-endpoints/${w.ids.endpoint}/recover`, body: { since: '2020-01-01T00:00:00Z' } }),
  },
  ResendWebhookMessage: { target: 'office', build: (w) => ({ path: `/v1/webhook-messages/${w.ids.webhookMessage}/resend` }) },
  ListEventTypes: { target: 'none', build: fixed('/v1/event-types') },
  GetOffice: { target: 'none', build: fixed('/v1/office') },
  ListBankDetails: { target: 'none', build: fixed('/v1/office/bank-details') },
  CreateBankDetails: {
    target: 'none',
    build: fixed('/v1/office/bank-details', { label: 'Fraude', holder: 'M. Escroc', iban: 'DE89370400440532013000' }),
  },
  GetBankDetails: { target: 'office', build: (w) => ({ path: `/v1/office/bank-details/${w.ids.bankDetails}` }) },
  UpdateBankDetails: {
    target: 'office',
    build: (w) => ({ path: `/v1/office/bank-details/${w.ids.bankDetails}`, body: { iban: 'DE89370400440532013000' } }),
  },
  DeleteBankDetails: {
    target: 'office',
    build: async (w, granted) => ({
      path: `/v1/office/bank-details/${granted ? (await w.asOffice('post', '/v1/office/bank-details', { label: 'x', holder: 'x', iban: 'FR7630006000011234567890189' })).id : w.ids.bankDetails}`,
    }),
  },
  ShareDocument: {
    target: 'folder',
    build: (w) => ({ path: `/v1/folders/${w.ids.f1}/shared-documents`, body: { bankDetailsId: w.ids.bankDetails } }),
  },
  ListSharedDocuments: { target: 'folder', build: (w) => ({ path: `/v1/folders/${w.ids.f1}/shared-documents` }) },
  GetNotificationSettings: { target: 'none', build: fixed('/v1/office/notification-settings') },
  UpdateNotificationSettings: { target: 'none', build: fixed('/v1/office/notification-settings', { reminderMaxCount: 0 }) },
  ListMembers: { target: 'none', build: fixed('/v1/members') },
  ApproveMember: {
    target: 'office',
    build: async (w, granted) => ({ path: `/v1/members/${granted ? await newPendingMember(w) : w.ids.pendingMember}/approve` }),
  },
  GetMe: { target: 'none', build: fixed('/v1/me') },
  ListFolders: { target: 'none', build: fixed('/v1/folders') },
  CreateFolder: {
    target: 'none',
    build: (w) => ({ path: '/v1/folders', body: { number: `N-${w.unique()}`, title: 'Vente', deedType: 'vente' } }),
  },
  GetFolder: { target: 'folder', build: (w) => ({ path: `/v1/folders/${w.ids.f1}` }) },
  UpdateFolder: { target: 'folder', build: (w) => ({ path: `/v1/folders/${w.ids.f1}`, body: { title: w.ids.f1Title } }) },
  SetFolderAccess: {
    target: 'folder',
    build: (w) => ({ path: `/v1/folders/${w.ids.f1}/members`, body: { access: 'members', memberIds: [w.ids.notary] } }),
  },
  ArchiveFolder: {
    target: 'folder',
    build: (w) => ({ path: `/v1/folders/${w.ids.f1}/archive` }),
    reset: async (w) => {
      await w.t.db.models.Folder.update({ status: 'open', archivedAt: null }, { where: { id: w.ids.f1 } });
    },
  },
  ListFolderEvents: { target: 'folder', build: (w) => ({ path: `/v1/folders/${w.ids.f1}/events` }) },
  GetFile: { target: 'folder', build: (w) => ({ path: `/v1/files/${w.ids.file}` }) },
  ValidateFile: {
    target: 'folder',
    build: async (w, granted) => ({ path: `/v1/files/${granted ? await w.newPendingFile() : w.ids.file}/validate` }),
  },
  RefuseFile: {
    target: 'folder',
    build: async (w, granted) => ({
      path: `/v1/files/${granted ? await w.newPendingFile() : w.ids.file}/refuse`,
      body: { reason: 'Illisible' },
    }),
  },
  UploadRequestFiles: {
    target: 'folder',
    build: async (w, granted) => ({
      path: `/v1/document-requests/${granted ? await w.newRequest() : w.ids.request}/files`,
      upload: { sha256: sha256(PDF) },
    }),
  },
  UploadExtraFiles: {
    target: 'folder',
    build: (w) => ({ path: `/v1/folders/${w.ids.f1}/extra-files`, upload: { clientId: w.ids.c1, sha256: sha256(PDF) } }),
  },
  PreviewFile: { target: 'folder', build: (w) => ({ path: `/v1/files/${w.ids.file}/preview` }) },
  DownloadFile: { target: 'folder', build: (w) => ({ path: `/v1/files/${w.ids.validatedFile}/download` }) },
  ListDocumentRequests: { target: 'folder', build: (w) => ({ path: `/v1/folders/${w.ids.f1}/document-requests` }) },
  CreateDocumentRequests: {
    target: 'folder',
    build: (w) => ({ path: `/v1/folders/${w.ids.f1}/document-requests`, body: { clientId: w.ids.c1, documents: [{ label: 'CNI' }] } }),
  },
  CancelDocumentRequest: {
    target: 'folder',
    build: async (w, granted) => ({ path: `/v1/document-requests/${granted ? await w.newRequest() : w.ids.request}` }),
  },
  ListClients: { target: 'none', build: fixed('/v1/clients') },
  CreateClient: {
    target: 'none',
    build: (w) => ({
      path: '/v1/clients',
      body: { lastName: 'Nouveau', firstName: 'Jean', email: `new-${w.unique()}@client.test`, mobile: '0699887766' },
    }),
  },
  GetClient: { target: 'client', build: (w) => ({ path: `/v1/clients/${w.ids.c1}` }) },
  UpdateClient: { target: 'client', build: (w) => ({ path: `/v1/clients/${w.ids.c1}`, body: { firstName: 'Claire' } }) },
  AddFolderClient: {
    target: 'folder',
    build: (w) => ({
      path: `/v1/folders/${w.ids.f1}/clients`,
      body: { client: { lastName: 'Ajout', firstName: 'Léo', email: `add-${w.unique()}@client.test`, mobile: '0655443322' } },
    }),
  },
  RemoveFolderClient: {
    target: 'folder',
    build: async (w, granted) => ({
      path: `/v1/folders/${w.ids.f1}/clients/${granted ? await newRemovableClient(w) : w.ids.removableClient}`,
    }),
  },
  Start: { target: 'none', build: (w) => ({ path: '/v1/client-auth/start', body: { email: `nobody-${w.unique()}@client.test` } }) },
  Verify: { target: 'none', build: fixed('/v1/client-auth/verify', { attempt: 'lca_unknown', code: '000000' }) },
  Login: {
    target: 'none',
    build: (w) => ({ path: '/v1/client-auth/login', body: { email: `nobody-${w.unique()}@client.test`, password: 'x'.repeat(12) } }),
  },
  // Without the caller's credential: logging out would end the session the next cells use.
  Logout: { target: 'none', build: fixed('/v1/client-auth/logout') },
  SetPassword: { target: 'none', build: fixed('/v1/client-auth/password', { password: 'Gr4nd-Pr3-Fleuri-du-Sud' }) },
  ListDeedTypes: { target: 'none', build: fixed('/v1/deed-types') },
  ListDocumentTypes: { target: 'none', build: fixed('/v1/document-types') },
  CreateDocumentType: { target: 'none', build: (w) => ({ path: '/v1/document-types', body: { label: `Attestation ${w.unique()}` } }) },
  ListApiKeys: { target: 'none', build: fixed('/v1/api-keys') },
  ListAppConnections: { target: 'none', build: fixed('/v1/app-connections') },
  DisconnectApp: {
    target: 'office',
    build: async (w, granted) => ({ path: `/v1/app-connections/${granted ? await newAppConnectionId(w) : w.ids.spareAppConnection}` }),
  },
  CreateApiKey: { target: 'none', build: fixed('/v1/api-keys', { name: 'Logiciel', mode: 'test' }) },
  RevokeApiKey: {
    target: 'office',
    build: async (w, granted) => ({ path: `/v1/api-keys/${granted ? await newApiKeyId(w) : w.ids.spareApiKey}` }),
  },
  // F1 still waits for a review, so a caller allowed to anchor it is told it is not complete.
  AnchorFolder: {
    target: 'folder',
    build: (w) => ({ path: `/v1/folders/${w.ids.f1}/anchor` }),
    granted: { status: 409, code: 'folder_not_complete' },
  },
  GetProof: {
    target: 'folder',
    build: (w) => ({ path: `/v1/folders/${w.ids.f1}/proof` }),
    granted: { status: 409, code: 'folder_not_anchored' },
  },
};

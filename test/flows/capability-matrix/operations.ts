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

/** The rows of a document's operations, under `/v1/documents/…` or the deprecated `/v1/files/…` names. */
function documentOperations(
  sdkName: 'documents' | 'files',
  segments: { one: string; ofRequest: string; extra: string },
): Record<string, OperationCase> {
  const { one, ofRequest, extra } = segments;
  return {
    [`${sdkName}.retrieve`]: { target: 'folder', build: (w) => ({ path: `/v1/${one}/${w.ids.file}` }) },
    [`${sdkName}.validate`]: {
      target: 'folder',
      build: async (w, granted) => ({ path: `/v1/${one}/${granted ? await w.newPendingFile() : w.ids.file}/validate` }),
    },
    [`${sdkName}.refuse`]: {
      target: 'folder',
      build: async (w, granted) => ({
        path: `/v1/${one}/${granted ? await w.newPendingFile() : w.ids.file}/refuse`,
        body: { reason: 'Illisible' },
      }),
    },
    [`${sdkName}.upload`]: {
      target: 'folder',
      build: async (w, granted) => ({
        path: `/v1/document-requests/${granted ? await w.newRequest() : w.ids.request}/${ofRequest}`,
        upload: { sha256: sha256(PDF) },
      }),
    },
    [`${sdkName}.uploadExtra`]: {
      target: 'folder',
      build: (w) => ({ path: `/v1/folders/${w.ids.f1}/${extra}`, upload: { clientId: w.ids.c1, sha256: sha256(PDF) } }),
    },
    [`${sdkName}.preview`]: { target: 'folder', build: (w) => ({ path: `/v1/${one}/${w.ids.file}/preview` }) },
    [`${sdkName}.download`]: { target: 'folder', build: (w) => ({ path: `/v1/${one}/${w.ids.validatedFile}/download` }) },
  };
}

/** One row per operationId of the spec: the matrix test fails for an operation missing here. */
export const OPERATIONS: Record<string, OperationCase> = {
  'widgetSessions.create': {
    target: 'office',
    build: (w) => ({ path: '/v1/widget-sessions', body: { memberId: w.ids.notary, folderId: w.ids.f1 } }),
  },
  'webhookEndpoints.list': { target: 'none', build: fixed('/v1/webhook-endpoints') },
  'webhookEndpoints.create': { target: 'none', build: fixed('/v1/webhook-endpoints', { url: 'https://93.184.215.14/other' }) },
  'webhookEndpoints.retrieve': { target: 'office', build: (w) => ({ path: `/v1/webhook-endpoints/${w.ids.endpoint}` }) },
  'webhookEndpoints.update': {
    target: 'office',
    build: (w) => ({ path: `/v1/webhook-endpoints/${w.ids.endpoint}`, body: { description: 'Logiciel de rédaction' } }),
  },
  'webhookEndpoints.delete': {
    target: 'office',
    build: async (w) => ({
      path: `/v1/webhook-endpoints/${(await w.asOffice('post', '/v1/webhook-endpoints', { url: 'https://93.184.215.14/x' })).id}`,
    }),
  },
  'webhookEndpoints.rotateSecret': { target: 'office', build: (w) => ({ path: `/v1/webhook-endpoints/${w.ids.endpoint}/rotate-secret` }) },
  'webhookEndpoints.attempts': { target: 'office', build: (w) => ({ path: `/v1/webhook-endpoints/${w.ids.endpoint}/attempts` }) },
  'webhookEndpoints.recover': {
    target: 'office',
    build: (w) => ({ path: `/v1/webhook-endpoints/${w.ids.endpoint}/recover`, body: { since: '2020-01-01T00:00:00Z' } }),
  },
  'webhookEndpoints.resendMessage': { target: 'office', build: (w) => ({ path: `/v1/webhook-messages/${w.ids.webhookMessage}/resend` }) },
  'webhookEndpoints.eventTypes': { target: 'none', build: fixed('/v1/event-types') },
  'office.retrieve': { target: 'none', build: fixed('/v1/office') },
  // The zone it already has: a granted caller changes nothing the next caller would meet.
  'office.update': { target: 'none', build: fixed('/v1/office', { timeZone: 'Europe/Paris' }) },
  'office.bankDetails.list': { target: 'none', build: fixed('/v1/office/bank-details') },
  'office.bankDetails.create': {
    target: 'none',
    build: fixed('/v1/office/bank-details', { label: 'Fraude', holder: 'M. Escroc', iban: 'DE89370400440532013000' }),
  },
  'office.bankDetails.retrieve': { target: 'office', build: (w) => ({ path: `/v1/office/bank-details/${w.ids.bankDetails}` }) },
  'office.bankDetails.update': {
    target: 'office',
    build: (w) => ({ path: `/v1/office/bank-details/${w.ids.bankDetails}`, body: { iban: 'DE89370400440532013000' } }),
  },
  'office.bankDetails.delete': {
    target: 'office',
    build: async (w, granted) => ({
      path: `/v1/office/bank-details/${granted ? (await w.asOffice('post', '/v1/office/bank-details', { label: 'x', holder: 'x', iban: 'FR7630006000011234567890189' })).id : w.ids.bankDetails}`,
    }),
  },
  'folders.shareDocument': {
    target: 'folder',
    build: (w) => ({ path: `/v1/folders/${w.ids.f1}/shared-documents`, body: { bankDetailsId: w.ids.bankDetails } }),
  },
  'folders.sharedDocuments': { target: 'folder', build: (w) => ({ path: `/v1/folders/${w.ids.f1}/shared-documents` }) },
  'office.notificationSettings.retrieve': { target: 'none', build: fixed('/v1/office/notification-settings') },
  'office.notificationSettings.update': { target: 'none', build: fixed('/v1/office/notification-settings', { reminderMaxCount: 0 }) },
  'members.list': { target: 'none', build: fixed('/v1/members') },
  'members.approve': {
    target: 'office',
    build: async (w, granted) => ({ path: `/v1/members/${granted ? await newPendingMember(w) : w.ids.pendingMember}/approve` }),
  },
  'me.retrieve': { target: 'none', build: fixed('/v1/me') },
  'folders.list': { target: 'none', build: fixed('/v1/folders') },
  'folders.create': {
    target: 'none',
    build: (w) => ({ path: '/v1/folders', body: { number: `N-${w.unique()}`, title: 'Vente', deedType: 'vente' } }),
  },
  'folders.retrieve': { target: 'folder', build: (w) => ({ path: `/v1/folders/${w.ids.f1}` }) },
  // Streams: `follow=false` answers the events after lastEventId and ends, so the cell has an answer.
  'folders.follow': { target: 'folder', build: (w) => ({ path: `/v1/folders/${w.ids.f1}/live?follow=false&lastEventId=0` }) },
  'office.follow': { target: 'none', build: fixed('/v1/office/live?follow=false&lastEventId=0') },
  'folders.shareFile': {
    target: 'folder',
    build: (w) => ({ path: `/v1/folders/${w.ids.f1}/shared-files`, upload: { label: 'Projet d’acte' } }),
  },
  'folders.downloadSharedDocument': { target: 'folder', build: (w) => ({ path: `/v1/shared-documents/${w.ids.sharedFile}/download` }) },
  'folders.extraDocuments': { target: 'folder', build: (w) => ({ path: `/v1/folders/${w.ids.f1}/extra-documents` }) },
  'folders.extraFiles': { target: 'folder', build: (w) => ({ path: `/v1/folders/${w.ids.f1}/extra-files` }) },
  'folders.update': { target: 'folder', build: (w) => ({ path: `/v1/folders/${w.ids.f1}`, body: { title: w.ids.f1Title } }) },
  'folders.setAccess': {
    target: 'folder',
    build: (w) => ({ path: `/v1/folders/${w.ids.f1}/members`, body: { access: 'members', memberIds: [w.ids.notary] } }),
  },
  'folders.archive': {
    target: 'folder',
    build: (w) => ({ path: `/v1/folders/${w.ids.f1}/archive` }),
    reset: async (w) => {
      await w.t.db.models.Folder.update({ status: 'open', archivedAt: null }, { where: { id: w.ids.f1 } });
    },
  },
  'folders.events': { target: 'folder', build: (w) => ({ path: `/v1/folders/${w.ids.f1}/events` }) },
  ...documentOperations('documents', { one: 'documents', ofRequest: 'documents', extra: 'extra-documents' }),
  // The deprecated aliases: the same capability and answers as the routes they name.
  ...documentOperations('files', { one: 'files', ofRequest: 'files', extra: 'extra-files' }),
  'documentRequests.list': { target: 'folder', build: (w) => ({ path: `/v1/folders/${w.ids.f1}/document-requests` }) },
  'documentRequests.create': {
    target: 'folder',
    build: (w) => ({ path: `/v1/folders/${w.ids.f1}/document-requests`, body: { clientId: w.ids.c1, documents: [{ label: 'CNI' }] } }),
  },
  'documentRequests.cancel': {
    target: 'folder',
    build: async (w, granted) => ({ path: `/v1/document-requests/${granted ? await w.newRequest() : w.ids.request}` }),
  },
  'clients.list': { target: 'none', build: fixed('/v1/clients') },
  'clients.create': {
    target: 'none',
    build: (w) => ({
      path: '/v1/clients',
      body: { lastName: 'Nouveau', firstName: 'Jean', email: `new-${w.unique()}@client.test`, mobile: '0699887766' },
    }),
  },
  'clients.retrieve': { target: 'client', build: (w) => ({ path: `/v1/clients/${w.ids.c1}` }) },
  'clients.update': { target: 'client', build: (w) => ({ path: `/v1/clients/${w.ids.c1}`, body: { firstName: 'Claire' } }) },
  'folders.addClient': {
    target: 'folder',
    build: (w) => ({
      path: `/v1/folders/${w.ids.f1}/clients`,
      body: { client: { lastName: 'Ajout', firstName: 'Léo', email: `add-${w.unique()}@client.test`, mobile: '0655443322' } },
    }),
  },
  'folders.removeClient': {
    target: 'folder',
    build: async (w, granted) => ({
      path: `/v1/folders/${w.ids.f1}/clients/${granted ? await newRemovableClient(w) : w.ids.removableClient}`,
    }),
  },
  'clientAuth.start': {
    target: 'none',
    build: (w) => ({ path: '/v1/client-auth/start', body: { email: `nobody-${w.unique()}@client.test` } }),
  },
  'clientAuth.verify': { target: 'none', build: fixed('/v1/client-auth/verify', { attempt: 'lca_unknown', code: '000000' }) },
  'clientAuth.login': {
    target: 'none',
    build: (w) => ({ path: '/v1/client-auth/login', body: { email: `nobody-${w.unique()}@client.test`, password: 'x'.repeat(12) } }),
  },
  // Without the caller's credential: logging out would end the session the next cells use.
  'clientAuth.logout': { target: 'none', build: fixed('/v1/client-auth/logout') },
  'clientAuth.setPassword': { target: 'none', build: fixed('/v1/client-auth/password', { password: 'Gr4nd-Pr3-Fleuri-du-Sud' }) },
  'catalogue.deedTypes.list': { target: 'none', build: fixed('/v1/deed-types') },
  'catalogue.documentTypes.list': { target: 'none', build: fixed('/v1/document-types') },
  'catalogue.documentTypes.create': {
    target: 'none',
    build: (w) => ({ path: '/v1/document-types', body: { label: `Attestation ${w.unique()}` } }),
  },
  'apiKeys.list': { target: 'none', build: fixed('/v1/api-keys') },
  'appConnections.list': { target: 'none', build: fixed('/v1/app-connections') },
  'appConnections.disconnect': {
    target: 'office',
    build: async (w, granted) => ({ path: `/v1/app-connections/${granted ? await newAppConnectionId(w) : w.ids.spareAppConnection}` }),
  },
  'apiKeys.create': { target: 'none', build: fixed('/v1/api-keys', { name: 'Logiciel', mode: 'test' }) },
  'apiKeys.revoke': {
    target: 'office',
    build: async (w, granted) => ({ path: `/v1/api-keys/${granted ? await newApiKeyId(w) : w.ids.spareApiKey}` }),
  },
  // F1 still waits for a review, so a caller allowed to anchor it is told it is not complete.
  'folders.anchor': {
    target: 'folder',
    build: (w) => ({ path: `/v1/folders/${w.ids.f1}/anchor` }),
    granted: { status: 409, code: 'folder_not_complete' },
  },
  'folders.proof': {
    target: 'folder',
    build: (w) => ({ path: `/v1/folders/${w.ids.f1}/proof` }),
    granted: { status: 409, code: 'folder_not_anchored' },
  },
};

import { randomBytes } from 'node:crypto';
import { systemClock } from '../../../api/adapters/clock/system-clock.js';
import type { Principal } from '../../../api/domain/capabilities.js';
import { dispatchOutbox } from '../../../api/jobs/dispatch-outbox.js';
import { mintApiKey } from '../../../api/services/api-keys/mint-api-key.js';
import { registerApp } from '../../../api/services/apps/register-app.js';
import { openSession } from '../../../api/services/auth/sessions.js';
import { clientActor, recordUploadedFile } from '../../support/files.js';
import { appWebhookDeps } from '../../support/oauth-vendor.js';
import { createIdentityTestApp, createMemberSession, type IdentityTestApp, mintWidgetToken } from '../../support/test-app.js';

/**
 * Every kind of caller, with what the capability table needs to know of it: its principals, its office,
 * and whether it may open folder F1 (the folder every operation is aimed at).
 */
interface ActorMeta {
  principals: Principal[] | null;
  office: 'A' | 'B';
  seesF1: boolean;
}

export const ACTORS = {
  anonymous: { principals: null, office: 'A', seesF1: false },
  apiKeyOfOtherOffice: { principals: ['api_key'], office: 'B', seesF1: false },
  notaryOfOtherOffice: { principals: ['notary'], office: 'B', seesF1: false },
  apiKey: { principals: ['api_key'], office: 'A', seesF1: true },
  notary: { principals: ['notary'], office: 'A', seesF1: true },
  collaboratorNotOnFolder: { principals: ['collaborator'], office: 'A', seesF1: false },
  pendingMember: { principals: ['pending_member'], office: 'A', seesF1: false },
  clientOfFolder: { principals: ['client'], office: 'A', seesF1: true },
  clientOfOtherFolder: { principals: ['client'], office: 'A', seesF1: false },
  folderWidget: { principals: ['folder_widget'], office: 'A', seesF1: true },
  folderWidgetOfOtherFolder: { principals: ['folder_widget'], office: 'A', seesF1: false },
  folderListWidget: { principals: ['folder_list_widget'], office: 'A', seesF1: true },
  clientUploadWidget: { principals: ['upload_widget'], office: 'A', seesF1: true },
} satisfies Record<string, ActorMeta>;
export type ActorName = keyof typeof ACTORS;
export const actorMeta = (name: ActorName): ActorMeta => ACTORS[name];

export const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(64, 32), Buffer.from('\n%%EOF\n')]);

/**
 * Office A: folder F1 open to the notary only (so the collaborator does not see it), with client C1, a
 * request, a pending and a validated file, a RIB and a webhook endpoint; folder F2 with client C2.
 * Office B: its own key and notary. Strings that must never reach a caller outside F1 are in `secrets`.
 */
export interface World {
  t: IdentityTestApp;
  auth: Record<ActorName, string | undefined>;
  ids: {
    f1: string;
    f1Title: string;
    c1: string;
    request: string;
    file: string;
    validatedFile: string;
    /** A document the office sent to F1's clients. */
    sharedFile: string;
    bankDetails: string;
    endpoint: string;
    webhookMessage: string;
    notary: string;
    /** Targets of the calls that consume one, for the callers that must be refused. */
    pendingMember: string;
    removableClient: string;
    spareApiKey: string;
    spareAppConnection: string;
  };
  secrets: string[];
  /** Runs a call as office A's API key (setting up what one cell consumes). */
  asOffice(method: 'get' | 'post' | 'put' | 'patch' | 'delete', path: string, body?: object): Promise<Record<string, unknown>>;
  newRequest(): Promise<string>;
  newPendingFile(): Promise<string>;
  unique(): string;
  close(): Promise<void>;
}

export async function createWorld(): Promise<World> {
  const t = await createIdentityTestApp();
  const asOffice: World['asOffice'] = async (method, path, body) => {
    const res = await t.request[method](path).set('Authorization', t.office.auth).send(body);
    if (res.status >= 300) throw new Error(`setup ${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  let counter = 0;
  const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${randomBytes(2).toString('hex')}`;

  const notary = await createMemberSession(t.db, t.office.id, { role: 'notary' });
  const collaborator = await createMemberSession(t.db, t.office.id, { role: 'collaborator' });
  const pending = await createMemberSession(t.db, t.office.id, { role: 'collaborator', status: 'pending' });
  const notaryB = await createMemberSession(t.db, t.otherOffice.id, { role: 'notary' });

  const f1Title = `Succession Secrète ${unique()}`;
  const f1 = (await asOffice('post', '/v1/folders', { number: `S-${unique()}`, title: f1Title, deedType: 'succession' })).id as string;
  await asOffice('put', `/v1/folders/${f1}/members`, { access: 'members', memberIds: [notary.memberId] });
  const c1LastName = `Confidentiel${unique()}`;
  const c1Email = `c1-${unique()}@client.test`;
  const withC1 = await asOffice('post', `/v1/folders/${f1}/clients`, {
    client: { lastName: c1LastName, firstName: 'Claire', email: c1Email, mobile: '0626597292' },
  });
  const c1 = (withC1.client as { id: string }).id;
  const f2 = (await asOffice('post', '/v1/folders', { number: `O-${unique()}`, title: 'Autre dossier', deedType: 'vente' })).id as string;
  const withC2 = await asOffice('post', `/v1/folders/${f2}/clients`, {
    client: { lastName: 'Autre', firstName: 'Paul', email: `c2-${unique()}@client.test`, mobile: '0612345678' },
  });
  const c2 = (withC2.client as { id: string }).id;

  const newRequest = async () => {
    const created = await asOffice('post', `/v1/folders/${f1}/document-requests`, {
      clientId: c1,
      documents: [{ label: `Pièce ${unique()}` }],
    });
    return (created.data as Array<{ id: string }>)[0].id;
  };
  const newPendingFile = async () =>
    (await recordUploadedFile(t.db, clientActor(t.office.id, c1), { kind: 'request', requestId: await newRequest() })).id;
  // Files that are read back are uploaded for real: their bytes must decrypt and hash as recorded.
  const uploadFor = async (requestId: string) => {
    const res = await t.request
      .post(`/v1/document-requests/${requestId}/documents`)
      .set('Authorization', t.office.auth)
      .attach('file', PDF, { filename: 'scan.pdf' });
    if (res.status !== 201) throw new Error(`setup upload: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.data[0].id as string;
  };
  const request = await newRequest();
  const file = await uploadFor(await newRequest());
  const validatedFile = await uploadFor(await newRequest());
  await asOffice('post', `/v1/documents/${validatedFile}/validate`);
  const iban = 'FR7630006000011234567890189';
  const bankDetails = (await asOffice('post', '/v1/office/bank-details', { label: 'Étude', holder: 'SELAS', iban })).id as string;
  const sharedRes = await t.request
    .post(`/v1/folders/${f1}/shared-files`)
    .set('Authorization', t.office.auth)
    .attach('file', PDF, { filename: 'projet-acte.pdf' });
  if (sharedRes.status !== 201) throw new Error(`setup shared file: ${sharedRes.status} ${JSON.stringify(sharedRes.body)}`);
  const sharedFile = sharedRes.body.id as string;
  const endpointUrl = `https://93.184.215.14/hooks-${unique()}`;
  const endpoint = (await asOffice('post', '/v1/webhook-endpoints', { url: endpointUrl })).id as string;
  await dispatchOutbox({ db: t.db, clock: systemClock });
  const message = await t.db.models.WebhookMessage.findOne({ where: { endpointId: endpoint }, rejectOnEmpty: true });

  const clientSession = async (clientId: string) =>
    `Bearer ${(await openSession(t.db, { kind: 'client', officeId: t.office.id, clientId }, 'sms_code', { ip: null, userAgent: null }, t.config.sessions, t.clock.now())).token}`;
  const widget = async (body: Parameters<typeof mintWidgetToken>[2]) => `Bearer ${await mintWidgetToken(t.request, t.office.auth, body)}`;
  const keyB = await mintApiKey(t.db, { officeId: t.otherOffice.id, name: 'b', mode: 'test' });

  const auth: World['auth'] = {
    anonymous: undefined,
    apiKeyOfOtherOffice: `Bearer ${keyB.secret}`,
    notaryOfOtherOffice: notaryB.auth,
    apiKey: t.office.auth,
    notary: notary.auth,
    collaboratorNotOnFolder: collaborator.auth,
    pendingMember: pending.auth,
    clientOfFolder: await clientSession(c1),
    clientOfOtherFolder: await clientSession(c2),
    folderWidget: await widget({ memberId: notary.memberId, folderId: f1 }),
    folderWidgetOfOtherFolder: await widget({ memberId: notary.memberId, folderId: f2 }),
    folderListWidget: await widget({ memberId: notary.memberId, components: ['folder-list'] }),
    clientUploadWidget: await widget({ clientId: c1, folderId: f1 }),
  };
  const world: World = {
    t,
    auth,
    ids: {
      f1,
      f1Title,
      c1,
      request,
      file,
      validatedFile,
      sharedFile,
      bankDetails,
      endpoint,
      webhookMessage: message.id,
      notary: notary.memberId,
      pendingMember: '',
      removableClient: '',
      spareApiKey: '',
      spareAppConnection: '',
    },
    secrets: [f1Title, c1LastName, c1Email, iban, endpointUrl],
    asOffice,
    newRequest,
    newPendingFile,
    unique,
    close: () => t.close(),
  };
  world.ids.pendingMember = await newPendingMember(world);
  world.ids.removableClient = await newRemovableClient(world);
  world.ids.spareApiKey = await newApiKeyId(world);
  world.ids.spareAppConnection = await newAppConnectionId(world);
  return world;
}

/** A vendor's app connected to office A (as a notary's consent leaves it), that one cell disconnects. */
export async function newAppConnectionId(world: World): Promise<string> {
  const { db } = world.t;
  const app = await registerApp(db, appWebhookDeps(world.t), {
    name: `App ${world.unique()}`,
    redirectUris: ['https://vendor.test/cb'],
    scopes: ['folders:read'],
  });
  const notary = await createMemberSession(db, world.t.office.id);
  const id = `apc_${world.unique()}`;
  await db.sequelize.query(
    `INSERT INTO app_connections (id, app_id, office_id, grant_id, scopes, authorized_by)
     VALUES (:id, :appId, :officeId, :grantId, '["folders:read"]', :memberId)`,
    { replacements: { id, appId: app.id, officeId: world.t.office.id, grantId: `grant-${world.unique()}`, memberId: notary.memberId } },
  );
  return id;
}

/** A member waiting for approval, to be approved by one cell. */
export async function newPendingMember(world: World): Promise<string> {
  return (await createMemberSession(world.t.db, world.t.office.id, { role: 'collaborator', status: 'pending' })).memberId;
}

/** A client on F1 with no file, that one cell removes. */
export async function newRemovableClient(world: World): Promise<string> {
  const added = await world.asOffice('post', `/v1/folders/${world.ids.f1}/clients`, {
    client: { lastName: 'Amovible', firstName: 'Léa', email: `rm-${world.unique()}@client.test`, mobile: '0611223344' },
  });
  return (added.client as { id: string }).id;
}

/** An API key of office A that one cell revokes. */
export async function newApiKeyId(world: World): Promise<string> {
  return (await mintApiKey(world.t.db, { officeId: world.t.office.id, name: `k-${world.unique()}`, mode: 'test' })).id;
}

/**
 * A digest of everything a caller could change: if a refused call leaves it equal, nothing was written.
 * Columns that reading bumps (last use of a key or a session) are left out.
 */
export async function digestState(world: World): Promise<string> {
  const tables = [
    'offices',
    'members',
    'document_types',
    'folders',
    'clients',
    'folder_clients',
    'folder_members',
    'document_requests',
    'document_files',
    'office_bank_details',
    'office_files',
    'shared_documents',
    'audit_events',
    'outbox_events',
    'client_credentials',
    'webhook_endpoints',
    'webhook_messages',
    'office_notification_settings',
    'folder_anchors',
  ];
  const parts = tables.map((table) => `(SELECT md5(coalesce(string_agg(md5(x::text), '' ORDER BY md5(x::text)), '')) FROM ${table} x)`);
  parts.push(`(SELECT md5(coalesce(string_agg(id || coalesce(revoked_at::text, ''), '' ORDER BY id), '')) FROM api_keys)`);
  parts.push(`(SELECT md5(coalesce(string_agg(id || coalesce(revoked_at::text, ''), '' ORDER BY id), '')) FROM widget_sessions)`);
  const [rows] = await world.t.db.sequelize.query(`SELECT md5(${parts.join(' || ')}) AS digest`);
  return (rows as Array<{ digest: string }>)[0].digest;
}

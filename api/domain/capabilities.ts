/**
 * Who may call what: the one table every API operation is checked against, deny by default.
 *
 * Each operation declares one capability (`@Security('bearer', ['files:review'])`); a credential is
 * admitted when one of its principals is granted that capability. An operation that declares none is
 * refused to everyone, and `docs/security.md` and the OpenAPI scopes are derived from this table.
 *
 * The grant says how far the principal reaches; the services enforce the reach when they load rows
 * (`services/access/`), so a row outside it is "not found", never "forbidden".
 */

/** The kinds of caller. A widget session is one principal per component it was minted for. */
export const PRINCIPALS = [
  'api_key',
  'notary',
  'collaborator',
  'pending_member',
  'client',
  'folder_widget',
  'folder_list_widget',
  'upload_widget',
  /** A vendor's app connected to the office by OAuth 2.0: office-wide, and only within the scopes consented to. */
  'app',
] as const;
export type Principal = (typeof PRINCIPALS)[number];

/** What a widget session may be minted for; each maps to one principal. */
export const WIDGET_COMPONENTS = {
  /** `<lecoffre-folder>` for a member: one folder (or, with `folder-list`, the folders the member sees). */
  folder: 'folder_widget',
  /** `<lecoffre-folder-list>` for a member: the folder list and creating folders. */
  'folder-list': 'folder_list_widget',
  /** `<lecoffre-upload>` for a client: their requests, uploads and shared documents. */
  upload: 'upload_widget',
} as const satisfies Record<string, Principal>;
export type WidgetComponent = keyof typeof WIDGET_COMPONENTS;

/**
 * - `office`: every row of the office;
 * - `visible`: the folders the member may open (a collaborator: office-wide ones and those listing them);
 * - `folder`: the widget session's own folder and what hangs off it (its clients, requests, files);
 * - `own`: a client's own folders, requests, files and profile.
 */
export type Reach = 'office' | 'visible' | 'folder' | 'own';

export interface CapabilityRule {
  /** What the capability lets a caller do, in a phrase. */
  does: string;
  grants: Partial<Record<Principal, Reach>>;
  /** Why the grant is what it is, where the answer is not obvious. */
  why?: string;
}

/**
 * What a connected app may be granted: a capability is an OAuth scope when the app principal holds it, and the
 * office's consent picks which of these the app's tokens carry (deny by default: a scope not consented to is
 * refused like a capability the table does not grant).
 */
const APP = { app: 'office' } as const;
const STAFF = { api_key: 'office', notary: 'office', collaborator: 'visible', ...APP } as const;
const NOTARIES = { api_key: 'office', notary: 'office' } as const;
/** Whoever may open a folder, each within their reach; the folder list widget only lists folders. */
const FOLDER_READERS = { ...STAFF, client: 'own', folder_widget: 'folder', upload_widget: 'own' } as const;
const ANY_SIGNED_IN = { ...FOLDER_READERS, folder_list_widget: 'visible' } as const;
const OFFICE_STAFF = { api_key: 'office', notary: 'office', collaborator: 'office', ...APP } as const;
/** Office-wide reference data (the office itself, the catalogue) that every signed-in caller reads. */
const EVERYONE_READS_OFFICE = {
  ...OFFICE_STAFF,
  client: 'office',
  folder_widget: 'office',
  folder_list_widget: 'office',
  upload_widget: 'office',
} as const;

export const CAPABILITIES = {
  'me:read': {
    does: 'see who the credential stands for and what it may do',
    grants: {
      api_key: 'own',
      notary: 'own',
      collaborator: 'own',
      pending_member: 'own',
      client: 'own',
      folder_widget: 'own',
      folder_list_widget: 'own',
      upload_widget: 'own',
      app: 'own',
    },
    why: 'a member awaiting approval must be able to learn that they are pending',
  },
  'office:read': {
    does: "read the office's name, CRPCEN, address and time zone",
    grants: EVERYONE_READS_OFFICE,
    why: 'clients see which office asks them for documents',
  },
  'office:write': {
    does: "change the office's settings (its time zone)",
    grants: NOTARIES,
    why: 'what every member and client of the office sees: a notary (or the office key) decides it',
  },
  'catalogue:read': { does: 'list deed types and document types', grants: EVERYONE_READS_OFFICE },
  'catalogue:write': {
    does: 'add a document type to the office catalogue',
    grants: { api_key: 'office', notary: 'office', collaborator: 'office' },
    why: 'the catalogue is office-wide: no client and no widget writes it',
  },
  'folders:read': { does: 'list and read folders', grants: ANY_SIGNED_IN },
  'folders:create': {
    does: 'create a folder',
    grants: { ...OFFICE_STAFF, folder_list_widget: 'office' },
    why: 'a widget session creates folders only when minted for the folder list',
  },
  'folders:write': {
    does: 'edit a folder, choose who may open it, archive it',
    grants: { ...STAFF, folder_widget: 'folder' },
  },
  'live:read': {
    does: 'follow changes to the folders it may open as they happen (server-sent events)',
    grants: ANY_SIGNED_IN,
    why: 'a stream says only which folder changed and how; the caller reads the change with its own reach',
  },
  'folders:audit': { does: "read a folder's audit trail", grants: { ...STAFF, folder_widget: 'folder' } },
  'clients:read': {
    does: 'read client records (names, e-mail, mobile)',
    grants: { ...OFFICE_STAFF, client: 'own', folder_widget: 'folder', upload_widget: 'own' },
    why: "a folder widget sees the clients of its folder only, never the office's directory",
  },
  'clients:create': {
    does: 'create a client outside any folder',
    grants: { ...OFFICE_STAFF },
    why: 'widgets add clients through their folder instead',
  },
  'clients:write': {
    does: 'edit a client, add one to a folder or remove one from it',
    grants: { ...OFFICE_STAFF, folder_widget: 'folder' },
    why:
      'a folder widget edits the names of its folder’s clients and adds new ones to it; it may neither change a ' +
      'client’s e-mail or mobile (their sign-in factors) nor link an existing client of the office into its folder',
  },
  'requests:read': { does: "list a folder's document requests", grants: FOLDER_READERS },
  'requests:write': { does: 'request documents, cancel a request', grants: { ...STAFF, folder_widget: 'folder' } },
  'files:read': {
    does: 'read, preview and download files',
    grants: FOLDER_READERS,
  },
  'files:upload': {
    does: 'send files for a request, or extra documents',
    grants: { ...STAFF, client: 'own', folder_widget: 'folder', upload_widget: 'own' },
  },
  'files:review': { does: 'validate or refuse a file', grants: { ...STAFF, folder_widget: 'folder' } },
  'bank_details:read': {
    does: "read the office's RIBs",
    grants: { ...OFFICE_STAFF, folder_widget: 'office' },
    why: 'a folder widget picks which existing RIB to send; it never writes one',
  },
  'bank_details:write': {
    does: "add, change or retire the office's RIBs",
    grants: NOTARIES,
    why: 'a RIB is where clients send money: only a notary (or the office key) changes it',
  },
  'shared_documents:read': {
    does: 'list what the office sent to a folder’s clients',
    grants: FOLDER_READERS,
  },
  'shared_documents:write': {
    does: "send one of the office's RIBs, or one of its documents, to a folder's clients",
    grants: { ...STAFF, folder_widget: 'folder' },
  },
  'anchoring:write': { does: 'validate and anchor a complete folder', grants: { ...STAFF, folder_widget: 'folder' } },
  'proofs:read': {
    does: "download a folder's proof bundle",
    grants: { ...STAFF, folder_widget: 'folder' },
    why: 'the bundle holds every depositor’s documents, so one client may not download it',
  },
  'members:read': {
    does: "list the office's members",
    grants: { ...OFFICE_STAFF, folder_widget: 'office' },
    why: 'a folder widget chooses, by name, which collaborators may open its folder',
  },
  'members:approve': { does: 'approve a pending member', grants: NOTARIES },
  'api_keys:manage': {
    does: 'list, create and revoke API keys',
    grants: { notary: 'office' },
    why: 'keys are made by a notary signed in with ID.not, never by a key or a widget',
  },
  'apps:read': {
    does: 'list the apps connected to the office, their scopes and last use',
    grants: { notary: 'office', collaborator: 'office' },
    why: 'the office sees what each vendor may do; apps and keys do not inspect other vendors',
  },
  'apps:disconnect': {
    does: 'disconnect an app from the office',
    grants: { notary: 'office' },
    why: 'only a notary consents to an app, so only a notary (signed in with ID.not) disconnects one',
  },
  'widget_sessions:create': {
    does: 'mint widget sessions',
    grants: { api_key: 'office', ...APP },
    why: 'a vendor’s back end mints them, with the office key or its app’s token of that office, for each page view',
  },
  'webhooks:read': {
    does: 'read webhook endpoints, their attempts and the event types',
    grants: NOTARIES,
    why: 'attempts carry payloads of every folder, including those a collaborator may not open',
  },
  'webhooks:write': { does: 'create, change, delete webhook endpoints, resend, recover', grants: NOTARIES },
  'notifications:read': {
    does: "read the office's notification settings",
    grants: { api_key: 'office', notary: 'office', collaborator: 'office' },
  },
  'notifications:write': { does: "change the office's notification settings", grants: NOTARIES },
  'client_auth:password': {
    does: 'set the client’s password',
    grants: { client: 'own' },
    why: 'only the client signed in by e-mail and SMS code; never a widget session a vendor minted',
  },
} as const satisfies Record<string, CapabilityRule>;

export type Capability = keyof typeof CAPABILITIES;

export function isCapability(name: string): name is Capability {
  return Object.hasOwn(CAPABILITIES, name);
}

/** How far the first of `principals` granted `capability` reaches, or null when none is. */
export function reachOf(capability: Capability, principals: readonly Principal[]): Reach | null {
  const grants: Partial<Record<Principal, Reach>> = CAPABILITIES[capability].grants;
  for (const principal of principals) {
    const reach = grants[principal];
    if (reach) return reach;
  }
  return null;
}

/** Every capability one of `principals` holds, in table order (what `GET /v1/me` lists). */
export function capabilitiesOf(principals: readonly Principal[]): Capability[] {
  return (Object.keys(CAPABILITIES) as Capability[]).filter((capability) => reachOf(capability, principals) !== null);
}

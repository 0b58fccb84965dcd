/** Why a connection ended. */
export type AppConnectionEnd = 'disconnected_by_office' | 'revoked_by_app' | 'replaced' | 'token_reuse_detected';

/** An office's consent to a vendor's app, as the office (and the app's webhooks) see it. */
export interface AppConnection {
  /** `apc_…` */
  id: string;
  officeId: string;
  app: { id: string; name: string; logoUrl: string | null };
  /** What the office granted: capabilities of the API's table. */
  scopes: string[];
  authorizedAt: string;
  /** The notary who consented. */
  authorizedBy: string;
  /** The last API call made with one of its tokens (to the minute). */
  lastUsedAt: string | null;
  revokedAt: string | null;
  revokedReason: AppConnectionEnd | null;
}

export interface AppConnectionRow {
  id: string;
  office_id: string;
  app_id: string;
  app_name: string;
  app_logo_url: string | null;
  grant_id: string;
  scopes: string[];
  authorized_at: Date;
  authorized_by: string;
  last_used_at: Date | null;
  revoked_at: Date | null;
  revoked_reason: AppConnectionEnd | null;
}

/** The columns toAppConnection reads, joined with the app (alias `c` for app_connections, `a` for oauth_apps). */
export const APP_CONNECTION_COLUMNS = `c.id, c.office_id, c.app_id, a.name AS app_name, a.logo_url AS app_logo_url, c.grant_id, c.scopes,
  c.authorized_at, c.authorized_by, c.last_used_at, c.revoked_at, c.revoked_reason`;

export function toAppConnection(row: AppConnectionRow): AppConnection {
  return {
    id: row.id,
    officeId: row.office_id,
    app: { id: row.app_id, name: row.app_name, logoUrl: row.app_logo_url },
    scopes: row.scopes,
    authorizedAt: row.authorized_at.toISOString(),
    authorizedBy: row.authorized_by,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
    revokedReason: row.revoked_reason,
  };
}

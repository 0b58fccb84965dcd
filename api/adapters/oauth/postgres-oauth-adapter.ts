import { createHash } from 'node:crypto';
import { QueryTypes } from 'sequelize';
import type { Database } from '../../db/database.js';

/** What oidc-provider stores and reads back: a JSON object with a few well-known fields. */
type Payload = Record<string, unknown> & { grantId?: string; uid?: string; consumed?: unknown };

const digest = (id: string) => createHash('sha256').update(id).digest('base64url');

interface AppRow {
  client_id: string;
  client_secret_hash: string;
  name: string;
  logo_url: string | null;
  redirect_uris: string[];
  scopes: string[];
}

/**
 * oidc-provider's storage in PostgreSQL, so that every API process sees the same interactions, grants,
 * codes and tokens (a code issued by one process is redeemed at another; a revocation holds everywhere).
 * Rows are keyed by the SHA-256 of their id: codes and opaque tokens are their ids, and a copy of the
 * table must not hold a usable one. Clients are the registered apps, read from `oauth_apps`; their
 * `client_secret` is the stored digest, which the provider compares with the digest of what a client
 * presents (see apps-authorization-server.ts).
 */
export function postgresOAuthAdapter(db: Database) {
  const query = <T extends object>(sql: string, replacements: Record<string, unknown>) =>
    db.sequelize.query<T>(sql, { replacements, type: QueryTypes.SELECT });
  const run = (sql: string, replacements: Record<string, unknown>) => db.sequelize.query(sql, { replacements });

  return class PostgresOAuthAdapter {
    constructor(private readonly model: string) {}

    async upsert(id: string, payload: Payload, expiresIn?: number): Promise<void> {
      if (this.model === 'Client') throw new Error('clients are registered apps: they are not written by the provider');
      await run(
        `INSERT INTO oauth_records (model, id_hash, payload, grant_id, uid, expires_at)
         VALUES (:model, :idHash, :payload, :grantId, :uid, CASE WHEN :expiresIn::int IS NULL THEN NULL ELSE now() + make_interval(secs => :expiresIn::int) END)
         ON CONFLICT (model, id_hash) DO UPDATE SET payload = EXCLUDED.payload, grant_id = EXCLUDED.grant_id, uid = EXCLUDED.uid,
           expires_at = EXCLUDED.expires_at`,
        {
          model: this.model,
          idHash: digest(id),
          payload: JSON.stringify(payload),
          // A grant is its own group: revoking it by id removes it with its codes and tokens.
          grantId: this.model === 'Grant' ? id : (payload.grantId ?? null),
          uid: payload.uid ?? null,
          expiresIn: typeof expiresIn === 'number' ? Math.ceil(expiresIn) : null,
        },
      );
    }

    async find(id: string): Promise<Payload | undefined> {
      if (this.model === 'Client') return findClient(id);
      const [row] = await query<{ payload: Payload; consumed_at: Date | null }>(
        `SELECT payload, consumed_at FROM oauth_records
          WHERE model = :model AND id_hash = :idHash AND (expires_at IS NULL OR expires_at > now())`,
        { model: this.model, idHash: digest(id) },
      );
      if (!row) return undefined;
      return row.consumed_at ? { ...row.payload, consumed: Math.floor(row.consumed_at.getTime() / 1000) } : row.payload;
    }

    async findByUid(uid: string): Promise<Payload | undefined> {
      const [row] = await query<{ payload: Payload }>(
        `SELECT payload FROM oauth_records WHERE model = :model AND uid = :uid AND (expires_at IS NULL OR expires_at > now())`,
        { model: this.model, uid },
      );
      return row?.payload;
    }

    async findByUserCode(): Promise<undefined> {
      return undefined; // the device flow is not enabled
    }

    async consume(id: string): Promise<void> {
      await run('UPDATE oauth_records SET consumed_at = now() WHERE model = :model AND id_hash = :idHash', {
        model: this.model,
        idHash: digest(id),
      });
    }

    async destroy(id: string): Promise<void> {
      await run('DELETE FROM oauth_records WHERE model = :model AND id_hash = :idHash', { model: this.model, idHash: digest(id) });
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      await run('DELETE FROM oauth_records WHERE model = :model AND grant_id = :grantId', { model: this.model, grantId });
    }
  };

  async function findClient(clientId: string): Promise<Payload | undefined> {
    const [app] = await query<AppRow>(
      'SELECT client_id, client_secret_hash, name, logo_url, redirect_uris, scopes FROM oauth_apps WHERE client_id = :clientId',
      { clientId },
    );
    if (!app) return undefined;
    return {
      client_id: app.client_id,
      client_secret: app.client_secret_hash,
      client_name: app.name,
      ...(app.logo_url ? { logo_uri: app.logo_url } : {}),
      redirect_uris: app.redirect_uris,
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
      id_token_signed_response_alg: 'ES256', // the only key there is (no ID token is issued)
      scope: app.scopes.join(' '),
    };
  }
}

/** A value every process of the deployment shares, created by the first that needs it. */
export async function sharedOAuthKey(db: Database, name: string, create: () => string): Promise<string> {
  await db.sequelize.query('INSERT INTO oauth_keys (name, value) VALUES (:name, :value) ON CONFLICT (name) DO NOTHING', {
    replacements: { name, value: create() },
  });
  const [row] = await db.sequelize.query<{ value: string }>('SELECT value FROM oauth_keys WHERE name = :name', {
    replacements: { name },
    type: QueryTypes.SELECT,
  });
  if (!row) throw new Error(`oauth key ${name} vanished`);
  return row.value;
}

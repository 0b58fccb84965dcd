import type { Sequelize, Transaction } from 'sequelize';

// API processes keep the keys they verified in memory for a minute (services/auth/verified-api-keys.ts).
// Any change that ends a key (revoked_at set, the row deleted or its hash changed), by the API or by an
// operator's own SQL, is announced at commit on lecoffre_api_keys with the key's id; every process listens
// and drops the key at once.
const statements = [
  `CREATE FUNCTION announce_api_key_change() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     PERFORM pg_notify('lecoffre_api_keys', OLD.id);
     RETURN NULL;
   END $$`,
  `CREATE TRIGGER api_keys_announce_change
     AFTER UPDATE OF revoked_at, secret_hash, office_id OR DELETE ON api_keys
     FOR EACH ROW EXECUTE FUNCTION announce_api_key_change()`,
];

export async function up(sequelize: Sequelize, transaction: Transaction): Promise<void> {
  for (const sql of statements) await sequelize.query(sql, { transaction });
}

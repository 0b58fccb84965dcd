import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { Database } from './database.js';
import { onPooledConnection } from './pooled-connection.js';

/** Statement names by SQL text: a text always gets the same name, two texts never share one. */
const names = new Map<string, string>();
/**
 * Callers pass a few texts, their values bound. Should one inline values after all, each text would be
 * prepared for good on every connection: past this many, texts run unnamed (planned each time, as before).
 */
const MAX_NAMED_TEXTS = 500;

function statementName(text: string): string | undefined {
  let name = names.get(text);
  if (name === undefined && names.size < MAX_NAMED_TEXTS) {
    name = `lecoffre_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * The rows of a read run as a named prepared statement on one of the pool's connections, outside any
 * transaction. Each connection parses and plans the text once and then only binds and executes it: for
 * a read with subqueries PostgreSQL's planning costs more than the execution (0.5–0.9 ms against 0.2 ms
 * for a folder), and Sequelize can only send unnamed statements, planned anew each time. For hot reads
 * whose text has a few shapes; the values go in `values` as $1, $2…
 */
export function preparedRows<T>(db: Database, text: string, values: readonly unknown[]): Promise<T[]> {
  const name = statementName(text);
  return onPooledConnection(db, async (client) => (await client.query<T & pg.QueryResultRow>({ name, text, values: [...values] })).rows);
}

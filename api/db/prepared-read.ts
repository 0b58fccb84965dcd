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

/**
 * The rows of a read planned for its values each time (an unnamed statement), on one of the pool's
 * connections: for a text whose best plan depends on the values (a searched word, a LIMIT), where a
 * plan made once for any value could cost a full scan. Sequelize's query layer is skipped, as it costs
 * more than the statement for a small read.
 */
export function plannedRows<T>(db: Database, text: string, values: readonly unknown[]): Promise<T[]> {
  return onPooledConnection(db, async (client) => (await client.query<T & pg.QueryResultRow>({ text, values: [...values] })).rows);
}

/** `value` appended to a statement's `values`, as the $n that refers to it. */
export function bind(values: unknown[], value: unknown): string {
  return `$${values.push(value)}`;
}

import type pg from 'pg';
import { QueryTypes } from 'sequelize';
import type { Database } from '../../db/database.js';
import { onPooledConnection, type PooledClient, rollingBackOnFailure } from '../../db/pooled-connection.js';
import { chainHash, GENESIS_HASH } from '../../domain/audit-chain.js';
import { type RawAuditRow, toAuditRow } from './audit-rows.js';

// Events linked per transaction: the linker of a busy office takes everything that waits, in bounded steps.
const BATCH = 500;

/**
 * Links an office's events that committed without their office-chain links, oldest first: each gets the
 * next chain_seq, prev_hash = the hash of the event linked before it, hash = sha256(prev_hash || event).
 * One linker per office at a time (an advisory lock held for its transaction); writers no longer hold that
 * lock while they work and commit, so one office's changes run side by side and the chain stays gap-free.
 * Every change links its office's chain after its commit and before it answers (recordAuditEvent), so an
 * event a caller was told about is chained; a process that dies in between leaves its events to the next
 * change of the office, to verifyAuditChain and to the jobs' minute sweep (linkAllOfficeChains).
 * Returns how many events it linked.
 */
export async function linkOfficeChain(db: Database, officeId: string): Promise<number> {
  let linked = 0;
  for (;;) {
    const count = await onPooledConnection(db, (client) => linkBatch(db, client, officeId));
    linked += count;
    if (count < BATCH) return linked;
  }
}

type PendingRow = RawAuditRow & { head_hash: string | null; head_seq: string | null };

/**
 * One linking transaction in two round trips (it runs after every change, on the office's critical
 * path): the lock and the read in one, the links and the commit in the other. The read is its own
 * statement after the lock's, so it sees every link committed by the linker it waited for.
 */
async function linkBatch(db: Database, client: PooledClient, officeId: string): Promise<number> {
  const office = db.sequelize.escape(officeId);
  return rollingBackOnFailure(client, async () => {
    const results = (await client.query(`BEGIN;
      SELECT pg_advisory_xact_lock(hashtext('audit:' || ${office}));
      SELECT a.*, head.hash AS head_hash, head.chain_seq AS head_seq
      FROM audit_events a
      LEFT JOIN LATERAL (
        SELECT hash, chain_seq FROM audit_events WHERE office_id = ${office} AND chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1
      ) head ON true
      WHERE a.office_id = ${office} AND a.chain_seq IS NULL ORDER BY a.seq LIMIT ${BATCH}`)) as unknown as pg.QueryResult[];
    const pending = (results.at(-1)?.rows ?? []) as PendingRow[];
    if (pending.length === 0) {
      await client.query('COMMIT');
      return 0;
    }
    let prev = pending[0]?.head_hash ?? GENESIS_HASH;
    let position = Number(pending[0]?.head_seq ?? 0);
    const links = { ids: [] as string[], prevs: [] as string[], hashes: [] as string[], positions: [] as number[] };
    for (const raw of pending) {
      const { seq: _seq, prevHash: _p, hash: _h, folderPrevHash: _fp, folderHash: _fh, ...event } = toAuditRow(raw);
      const hash = chainHash(prev, event);
      links.ids.push(event.id);
      links.prevs.push(prev);
      links.hashes.push(hash);
      links.positions.push(++position);
      prev = hash;
    }
    const array = (values: Array<string | number>, type: string) =>
      `ARRAY[${values.map((v) => db.sequelize.escape(v)).join(',')}]::${type}[]`;
    await client.query(`UPDATE audit_events AS a SET prev_hash = v.prev_hash, hash = v.hash, chain_seq = v.chain_seq
      FROM unnest(${array(links.ids, 'text')}, ${array(links.prevs, 'text')}, ${array(links.hashes, 'text')}, ${array(links.positions, 'bigint')})
        AS v(id, prev_hash, hash, chain_seq)
      WHERE a.id = v.id AND a.chain_seq IS NULL;
      COMMIT`);
    return pending.length;
  });
}

interface Runs {
  running?: Promise<number>;
  /** Starts once `running` ends; every commit made before it starts is linked by it. */
  queued?: Promise<number>;
}
const runsByDatabase = new WeakMap<Database, Map<string, Runs>>();

/**
 * linkOfficeChain for a change that just committed, shared with the other changes of this process: while
 * one linking runs, those that commit meanwhile wait for a single next one (it starts after their commits,
 * so it sees their events), instead of each taking the lock in turn.
 */
export function linkOfficeChainAfterCommit(db: Database, officeId: string): Promise<number> {
  let offices = runsByDatabase.get(db);
  if (!offices) {
    offices = new Map();
    runsByDatabase.set(db, offices);
  }
  let runs = offices.get(officeId);
  if (!runs) {
    runs = {};
    offices.set(officeId, runs);
  }
  const state = runs;
  const start = (): Promise<number> => {
    state.queued = undefined;
    const run = linkOfficeChain(db, officeId);
    state.running = run;
    const settle = () => {
      if (state.running === run) state.running = undefined;
      if (!state.running && !state.queued) offices?.delete(officeId);
    };
    run.then(settle, settle);
    return run;
  };
  if (state.queued) return state.queued;
  if (state.running) {
    state.queued = state.running.then(start, start);
    return state.queued;
  }
  return start();
}

/** Every office with events left unlinked (a process died between a commit and its linking). */
export async function linkAllOfficeChains(db: Database): Promise<number> {
  const offices = await db.sequelize.query<{ office_id: string }>('SELECT DISTINCT office_id FROM audit_events WHERE chain_seq IS NULL', {
    type: QueryTypes.SELECT,
  });
  let linked = 0;
  for (const { office_id } of offices) linked += await linkOfficeChain(db, office_id);
  return linked;
}

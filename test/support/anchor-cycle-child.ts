/**
 * Runs one anchor cycle against a Tezos RPC (the double) and a database, as the batching job would, in a
 * process of its own: the crash test SIGKILLs it mid-cycle. Env: DATABASE_URL, TEZOS_RPC, CONTRACT, SEED_BYTE.
 */
import { InMemorySigner } from '@taquito/signer';
import { b58Encode, PrefixV2 } from '@taquito/utils';
import { TezosAnchor } from '../../api/adapters/anchor/tezos-anchor.js';
import { openDatabase } from '../../api/db/database.js';
import { runAnchorCycle } from '../../api/services/anchoring/anchor-cycle.js';
import { patientConnection } from './patience.js';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};
const signer = await InMemorySigner.fromSecretKey(b58Encode(new Uint8Array(32).fill(Number(env('SEED_BYTE'))), PrefixV2.Ed25519Seed));
const anchor = new TezosAnchor({ rpcUrl: env('TEZOS_RPC'), network: 'ghostnet', contract: env('CONTRACT'), signer, sleep: async () => {} });
const db = openDatabase(env('DATABASE_URL'), patientConnection());
console.log('cycle starting');
const outcome = await runAnchorCycle({ db, anchor, maxBatch: 1000, wait: { pollMs: 50, timeoutMs: 120_000 } });
console.log(JSON.stringify(outcome));
await db.close();

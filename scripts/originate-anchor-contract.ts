/**
 * Originates LeCoffre's anchoring contract (api/adapters/anchor/contract/anchor.tz) and prints its KT1
 * address, to put in LECOFFRE_TEZOS_CONTRACT. Run once per network:
 *
 *   LECOFFRE_TEZOS_RPC_URL=https://rpc.ghostnet.teztnets.com \
 *   LECOFFRE_TEZOS_SECRET_KEY=edsk... \
 *   npx tsx scripts/originate-anchor-contract.ts
 *
 * The key's account pays (about 0.1 tez of storage burn, once) and must hold a little tez: on ghostnet, from
 * the faucet (https://faucet.ghostnet.teztnets.com). It waits until the origination is final (2 blocks).
 */
import { readFile } from 'node:fs/promises';
import { InMemorySigner } from '@taquito/signer';
import { PollingSubscribeProvider, type Signer, TezosToolkit } from '@taquito/taquito';

export const ANCHOR_CONTRACT_SOURCE = new URL('../api/adapters/anchor/contract/anchor.tz', import.meta.url);

export interface OriginationOptions {
  rpcUrl: string;
  signer: Signer;
  /** Blocks on top of the origination's block before we call it done. */
  confirmations?: number;
  /** Head polling period, in ms (Taquito's default follows the block time). */
  pollingIntervalMs?: number;
  log?: (line: string) => void;
}

export interface Origination {
  contract: string;
  operationHash: string;
}

export async function originateAnchorContract(options: OriginationOptions): Promise<Origination> {
  const log = options.log ?? (() => {});
  const tezos = new TezosToolkit(options.rpcUrl);
  tezos.setProvider({ signer: options.signer });
  if (options.pollingIntervalMs) {
    tezos.setStreamProvider(tezos.getFactory(PollingSubscribeProvider)({ pollingIntervalMilliseconds: options.pollingIntervalMs }));
  }
  const code = await readFile(ANCHOR_CONTRACT_SOURCE, 'utf8');
  log(`Originating from ${await options.signer.publicKeyHash()} on ${options.rpcUrl}…`);
  const operation = await tezos.contract.originate({ code, init: 'Unit' });
  log(`Operation ${operation.hash} injected; waiting for ${options.confirmations ?? 2} confirmations…`);
  await operation.confirmation(options.confirmations ?? 2);
  const contract = operation.contractAddress;
  if (!contract) throw new Error(`Operation ${operation.hash} originated no contract.`);
  return { contract, operationHash: operation.hash };
}

async function main(): Promise<void> {
  const rpcUrl = process.env.LECOFFRE_TEZOS_RPC_URL;
  const secretKey = process.env.LECOFFRE_TEZOS_SECRET_KEY;
  if (!rpcUrl || !secretKey) {
    console.error('Set LECOFFRE_TEZOS_RPC_URL and LECOFFRE_TEZOS_SECRET_KEY (see the comment at the top of this script).');
    process.exit(2);
  }
  const { contract, operationHash } = await originateAnchorContract({
    rpcUrl,
    signer: await InMemorySigner.fromSecretKey(secretKey),
    log: (line) => console.log(line),
  });
  console.log(`Contract originated: ${contract} (operation ${operationHash})`);
  console.log(`Set LECOFFRE_TEZOS_CONTRACT=${contract}`);
}

if (import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

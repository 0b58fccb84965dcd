/**
 * A Tezos RPC DOUBLE: a loopback HTTP server (node:http) that answers the Octez RPCs Taquito and LeCoffre use,
 * backed by DoubleChain (tezos-double-chain.ts). It is a test double for the one boundary we cannot reach
 * offline (a Tezos node); it speaks the real wire protocol, so the real Taquito code runs against it.
 *
 * Answered (under /chains/main/blocks/<id>, id = head | head~n | level | hash): the block itself, header,
 * hash, protocols, operation_hashes[/pass], operations[/pass], context/constants, context/contracts/<id>
 * (+ /manager_key, /counter, /balance), helpers/scripts/simulate_operation, helpers/preapply/operations;
 * and /chains/main/chain_id, /chains/main/mempool/pending_operations, /chains/main/mempool/filter (404, as
 * on nodes that do not expose it), POST /injection/operation. Anything else is a 404, recorded in
 * `unhandled` so a test can assert nothing unexpected was asked.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ChainOptions, DOUBLE_PROTOCOL, DoubleChain, type Json, type RpcError, RpcFailure } from './tezos-double-chain.js';

export interface InjectionRecord {
  bytes: string;
  /** The hash the double answered, or undefined when it refused the bytes. */
  hash?: string;
  refused?: RpcError[];
}

export interface TezosRpcDouble {
  url: string;
  chain: DoubleChain;
  /** Every POST /injection/operation, accepted or not, in order. */
  injections: InjectionRecord[];
  /** "METHOD /path" of every request. */
  requests: string[];
  unhandled: string[];
  /** Gives an implicit account a balance and, with a public key, marks it revealed. */
  fund(address: string, options?: { publicKey?: string; mutez?: bigint }): void;
  /** Refuses the next injection with these errors (as a node would with HTTP 500), whatever it holds. */
  refuseNextInjection(errors: RpcError[]): void;
  /** Declares an already originated contract taking `bytes` (the anchoring contract). */
  deployBytesContract(address: string): void;
  bake(count?: number): void;
  close(): Promise<void>;
}

export async function startTezosRpcDouble(options: ChainOptions = {}): Promise<TezosRpcDouble> {
  const chain = new DoubleChain(options);
  const injections: InjectionRecord[] = [];
  const requests: string[] = [];
  const unhandled: string[] = [];
  const refusals: RpcError[][] = [];

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://double');
    const route = `${request.method} ${url.pathname}`;
    requests.push(route);
    const body = request.method === 'POST' ? JSON.parse(await readBody(request)) : undefined;
    try {
      const answer = await answerFor(request.method ?? 'GET', url.pathname, body);
      if (answer === undefined) {
        unhandled.push(route);
        return send(response, 404, 'Not found');
      }
      send(response, 200, answer);
    } catch (error) {
      if (error instanceof RpcFailure) return send(response, 500, error.errors);
      send(response, 500, [{ kind: 'temporary', id: 'double.internal_error', message: String(error) }]);
    }
  };

  async function answerFor(method: string, path: string, body: unknown): Promise<unknown> {
    if (method === 'POST' && path === '/injection/operation') {
      const bytes = String(body);
      const forced = refusals.shift();
      if (forced) {
        injections.push({ bytes, refused: forced });
        throw new RpcFailure(forced);
      }
      try {
        const hash = await chain.inject(bytes);
        injections.push({ bytes, hash });
        return hash;
      } catch (error) {
        if (error instanceof RpcFailure) injections.push({ bytes, refused: error.errors });
        throw error;
      }
    }
    if (method === 'GET' && path === '/chains/main/chain_id') return chain.chainId;
    if (method === 'GET' && path === '/chains/main/mempool/filter') return undefined;
    if (method === 'GET' && path === '/chains/main/mempool/pending_operations') {
      const validated = chain.mempool.map(({ hash, branch, contents, signature }) => ({
        hash,
        protocol: DOUBLE_PROTOCOL,
        branch,
        contents,
        signature,
      }));
      return { validated, refused: [], outdated: [], branch_refused: [], branch_delayed: [], unprocessed: [] };
    }
    const match = /^\/chains\/main\/blocks\/([^/]+)(\/.*)?$/.exec(path);
    if (!match) return undefined;
    const block = chain.block(match[1]);
    if (!block) return undefined;
    const rest = match[2] ?? '';
    if (method === 'POST') return answerPost(rest, body);
    if (rest === '') return chain.fullBlock(block);
    if (rest === '/header') return chain.header(block);
    if (rest === '/hash') return block.hash;
    if (rest === '/protocols') return { protocol: DOUBLE_PROTOCOL, next_protocol: DOUBLE_PROTOCOL };
    if (rest === '/operation_hashes') return [[], [], [], block.operations.map((op) => op.hash)];
    if (rest === '/operation_hashes/3') return block.operations.map((op) => op.hash);
    if (rest === '/operations') return [[], [], [], block.operations];
    if (rest === '/operations/3') return block.operations;
    if (rest === '/context/constants') return constants(chain);
    const contract = /^\/context\/contracts\/([^/]+)(\/manager_key|\/counter|\/balance)?$/.exec(rest);
    if (contract) return answerContract(contract[1], contract[2]);
    return undefined;
  }

  function answerPost(rest: string, body: unknown): unknown {
    if (rest === '/helpers/scripts/simulate_operation') {
      const { operation } = body as { operation: { contents: Json[]; signature: string } };
      return { contents: chain.apply(operation.contents), signature: operation.signature };
    }
    if (rest === '/helpers/preapply/operations') {
      return (body as Array<{ contents: Json[]; signature: string }>).map((op) => ({
        contents: chain.apply(op.contents),
        signature: op.signature,
      }));
    }
    return undefined;
  }

  function answerContract(address: string, field: string | undefined): unknown {
    if (address.startsWith('KT1')) {
      if (!chain.bytesContracts.has(address)) return undefined;
      return field ? undefined : { balance: '0', script: { code: [], storage: { prim: 'Unit' } } };
    }
    const account = chain.account(address);
    if (field === '/manager_key') return account.publicKey;
    if (field === '/counter') return `${account.counter}`;
    if (field === '/balance') return `${account.balance}`;
    return { balance: `${account.balance}`, counter: `${account.counter}` };
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error) => send(response, 500, String(error)));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    chain,
    injections,
    requests,
    unhandled,
    fund(address, { publicKey, mutez = 10_000_000_000n } = {}) {
      const account = chain.account(address);
      account.balance += mutez;
      if (publicKey) account.publicKey = publicKey;
    },
    refuseNextInjection(errors) {
      refusals.push(errors);
    },
    deployBytesContract(address) {
      chain.bytesContracts.add(address);
    },
    bake(count = 1) {
      chain.bake(count);
    },
    async close() {
      if (!server.listening) return;
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

function constants(chain: DoubleChain): Json {
  return {
    proof_of_work_nonce_size: 8,
    max_operations_time_to_live: chain.maxOperationsTtl,
    minimal_block_delay: `${chain.minimalBlockDelay}`,
    hard_gas_limit_per_operation: '1040000',
    hard_gas_limit_per_block: '1386666',
    hard_storage_limit_per_operation: '60000',
    cost_per_byte: '250',
    origination_size: 257,
    smart_rollup_origination_size: 6314,
    consensus_rights_delay: 2,
    blocks_per_cycle: 10800,
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, status: number, payload: unknown): void {
  if (response.headersSent) return;
  const text = typeof payload === 'string' && status === 404 ? payload : JSON.stringify(payload);
  response.writeHead(status, { 'content-type': status === 404 ? 'text/plain' : 'application/json' });
  response.end(text);
}

import { hexToBytes } from './bytes.js';
import { type AnchorProof, LOCAL_DEV_NOTICE, type LocalDevAnchorProof, localDevStatement, type TezosAnchorProof } from './certificate.js';
import type { AnchorVerdict, Problem } from './report.js';
import { checkTezosNetwork } from './tezos-networks.js';

/** Blocks on top of the inclusion block before an operation is final (Tenderbake). */
export const TEZOS_FINALITY_BLOCKS = 2;

export interface AnchorCheckOptions {
  tezosRpcUrl?: string;
  fetch?: typeof fetch;
}

export interface AnchorCheck {
  verdict: AnchorVerdict;
  problems: Problem[];
}

/** Checks that `anchor` vouches for `batchRoot`: a signature for local-dev, a Tezos node for Tezos. */
export async function verifyAnchor(anchor: AnchorProof, batchRoot: string, options: AnchorCheckOptions = {}): Promise<AnchorCheck> {
  return anchor.kind === 'local-dev' ? verifyLocalDev(anchor, batchRoot) : verifyTezos(anchor, batchRoot, options);
}

async function verifyLocalDev(anchor: LocalDevAnchorProof, batchRoot: string): Promise<AnchorCheck> {
  const base = { kind: anchor.kind, network: anchor.network, operationHash: anchor.operationHash, explorerUrl: null };
  let valid = false;
  try {
    const subtle = globalThis.crypto.subtle;
    const key = await subtle.importKey('raw', hexToBytes(anchor.publicKey), { name: 'Ed25519' }, false, ['verify']);
    const statement = new TextEncoder().encode(localDevStatement(batchRoot, anchor.timestamp));
    valid = await subtle.verify({ name: 'Ed25519' }, key, hexToBytes(anchor.signature), statement);
  } catch {
    valid = false; // a malformed key or a runtime without Ed25519 in WebCrypto: the signature is not shown valid
  }
  if (!valid) {
    const message = {
      fr: 'La signature locale ne correspond pas à l’empreinte du lot et à l’heure indiquées : certificate.json a été modifié.',
      en: 'The local signature does not match the stated batch hash and time: certificate.json was altered.',
    };
    return {
      verdict: { ...base, status: 'failed', message },
      problems: [{ code: 'anchor_signature_invalid', culprit: 'certificate.json', detail: '$.anchor', message }],
    };
  }
  // The verifier's own wording, not the certificate's: an edited notice must not soften the warning.
  return { verdict: { ...base, status: 'local_dev', message: { ...LOCAL_DEV_NOTICE } }, problems: [] };
}

interface RpcOperation {
  hash?: string;
  chain_id?: string;
  contents?: Array<{
    kind?: string;
    destination?: string;
    parameters?: { entrypoint?: string; value?: { bytes?: string } };
    metadata?: { operation_result?: { status?: string } };
  }>;
}

async function verifyTezos(anchor: TezosAnchorProof, batchRoot: string, options: AnchorCheckOptions): Promise<AnchorCheck> {
  const base = { kind: anchor.kind, network: anchor.network, operationHash: anchor.operationHash, explorerUrl: anchor.explorerUrl };
  // Offline, before any node is asked: the name a reader trusts ("mainnet") must be the chain the ids point to.
  const network = checkTezosNetwork(anchor.network, anchor.chainId);
  if (!network.ok) {
    const message =
      network.reason === 'unknown_network'
        ? {
            fr: `Réseau Tezos inconnu : « ${anchor.network} » n’est pas un réseau public dont l’identifiant de chaîne est connu (mainnet, ghostnet).`,
            en: `Unknown Tezos network: "${anchor.network}" is not a public network with a known chain id (mainnet, ghostnet).`,
          }
        : {
            fr: `certificate.json a été modifié : le réseau « ${anchor.network} » a l’identifiant de chaîne ${network.expected}, pas ${anchor.chainId}.`,
            en: `certificate.json was altered: network "${anchor.network}" has chain id ${network.expected}, not ${anchor.chainId}.`,
          };
    const code = network.reason === 'unknown_network' ? 'anchor_network_unknown' : 'anchor_network_mismatch';
    return {
      verdict: { ...base, status: 'failed', message },
      problems: [{ code, culprit: 'certificate.json', detail: '$.anchor.network', message }],
    };
  }
  if (!options.tezosRpcUrl) {
    return {
      verdict: {
        ...base,
        status: 'not_checked',
        message: {
          fr: `Ancrage Tezos (${anchor.network}) non vérifié : aucun nœud RPC indiqué. Vérifiez l’opération ${anchor.operationHash} au bloc ${anchor.level}.`,
          en: `Tezos anchor (${anchor.network}) not checked: no RPC node given. Check operation ${anchor.operationHash} in block ${anchor.level}.`,
        },
      },
      problems: [],
    };
  }
  const fetchJson = jsonFetcher(options.tezosRpcUrl, options.fetch ?? globalThis.fetch);
  const fail = (
    reason: { fr: string; en: string },
    code: Problem['code'] = 'anchor_not_on_chain',
    culprit = 'certificate.json',
  ): AnchorCheck => ({
    verdict: { ...base, status: 'failed', message: reason },
    problems: [{ code, culprit, detail: '$.anchor', message: reason }],
  });

  let header: { level?: number; timestamp?: string; chain_id?: string } | null;
  let passes: RpcOperation[][] | null;
  let head: { level?: number } | null;
  try {
    header = await fetchJson(`/chains/main/blocks/${anchor.blockHash}/header`);
    passes = header ? await fetchJson(`/chains/main/blocks/${anchor.blockHash}/operations`) : null;
    head = await fetchJson('/chains/main/blocks/head/header');
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return fail(
      { fr: `Le nœud Tezos n’a pas pu être interrogé : ${why}`, en: `The Tezos node could not be queried: ${why}` },
      'anchor_rpc_unreachable',
      'anchor',
    );
  }
  if (!header || !passes) {
    return fail({
      fr: `Le bloc ${anchor.blockHash} est inconnu de ce nœud (autre réseau que ${anchor.network}, ou certificat modifié).`,
      en: `Block ${anchor.blockHash} is unknown to this node (a network other than ${anchor.network}, or an altered certificate).`,
    });
  }
  if (header.chain_id !== anchor.chainId || header.level !== anchor.level || !sameInstant(header.timestamp, anchor.timestamp)) {
    return fail({
      fr: `Le bloc ${anchor.blockHash} ne correspond pas au certificat (chaîne, niveau ou heure).`,
      en: `Block ${anchor.blockHash} does not match the certificate (chain, level or time).`,
    });
  }
  const operation = passes.flat().find((op) => op.hash === anchor.operationHash);
  if (!operation) {
    return fail({
      fr: `L’opération ${anchor.operationHash} n’est pas dans le bloc ${anchor.blockHash}.`,
      en: `Operation ${anchor.operationHash} is not in block ${anchor.blockHash}.`,
    });
  }
  const call = operation.contents?.find(
    (content) =>
      content.kind === 'transaction' &&
      content.destination === anchor.contract &&
      (content.parameters?.entrypoint ?? 'default') === 'default' &&
      content.parameters?.value?.bytes?.toLowerCase() === batchRoot,
  );
  if (!call) {
    return fail({
      fr: `L’opération ${anchor.operationHash} n’appelle pas le contrat ${anchor.contract} avec l’empreinte du lot ${batchRoot}.`,
      en: `Operation ${anchor.operationHash} does not call contract ${anchor.contract} with the batch hash ${batchRoot}.`,
    });
  }
  if (call.metadata?.operation_result?.status !== 'applied') {
    return fail({
      fr: `L’opération ${anchor.operationHash} a échoué sur la chaîne (statut ${call.metadata?.operation_result?.status ?? 'inconnu'}).`,
      en: `Operation ${anchor.operationHash} failed on chain (status ${call.metadata?.operation_result?.status ?? 'unknown'}).`,
    });
  }
  if ((head?.level ?? 0) < anchor.level + TEZOS_FINALITY_BLOCKS) {
    return {
      verdict: {
        ...base,
        status: 'pending',
        message: {
          fr: `L’opération est dans le bloc ${anchor.level}, pas encore définitif.`,
          en: `The operation is in block ${anchor.level}, not final yet.`,
        },
      },
      problems: [],
    };
  }
  return {
    verdict: {
      ...base,
      status: 'verified',
      message: {
        fr: `Ancré sur Tezos ${anchor.network} : opération ${anchor.operationHash}, bloc ${anchor.level} (${anchor.timestamp}), définitif.`,
        en: `Anchored on Tezos ${anchor.network}: operation ${anchor.operationHash}, block ${anchor.level} (${anchor.timestamp}), final.`,
      },
    },
    problems: [],
  };
}

function sameInstant(a: string | undefined, b: string): boolean {
  return a !== undefined && Date.parse(a) === Date.parse(b);
}

/** GET `path` on the node as JSON; null on 404 (unknown block), throws on anything else unexpected. */
function jsonFetcher(baseUrl: string, fetchImpl: typeof fetch) {
  const base = baseUrl.replace(/\/+$/, '');
  return async <T>(path: string): Promise<T | null> => {
    const response = await fetchImpl(`${base}${path}`, { headers: { accept: 'application/json' } });
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(`HTTP ${response.status} on ${path}`);
    return (await response.json()) as T;
  };
}

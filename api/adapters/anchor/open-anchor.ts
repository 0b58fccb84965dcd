import type { Config } from '../../config.js';
import type { Anchor } from '../../ports/anchor.js';
import { LocalDevAnchor } from './local-dev-anchor.js';

/**
 * The anchor the config asks for: local-dev (embedded default, signed locally) or Tezos. Taquito is loaded
 * only for Tezos: it is a quarter of the server's module loading, wasted on a local-dev process.
 */
export async function openAnchor(config: Config): Promise<Anchor> {
  const { anchor } = config.anchoring;
  if (anchor.kind === 'tezos') {
    const { TezosAnchor } = await import('./tezos-anchor.js');
    return TezosAnchor.withSecretKey({
      rpcUrl: anchor.rpcUrl,
      network: anchor.network,
      contract: anchor.contract,
      secretKey: anchor.secretKey,
    });
  }
  return LocalDevAnchor.open(config.dataDir);
}

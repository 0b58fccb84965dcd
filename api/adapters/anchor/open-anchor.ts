import type { Config } from '../../config.js';
import type { Anchor } from '../../ports/anchor.js';
import { LocalDevAnchor } from './local-dev-anchor.js';
import { TezosAnchor } from './tezos-anchor.js';

/** The anchor the config asks for: local-dev (embedded default, signed locally) or Tezos. */
export async function openAnchor(config: Config): Promise<Anchor> {
  const { anchor } = config.anchoring;
  if (anchor.kind === 'tezos') {
    return TezosAnchor.withSecretKey({
      rpcUrl: anchor.rpcUrl,
      network: anchor.network,
      contract: anchor.contract,
      secretKey: anchor.secretKey,
    });
  }
  return LocalDevAnchor.open(config.dataDir);
}

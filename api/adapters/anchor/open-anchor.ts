import type { Config } from '../../config.js';
import type { Anchor, AnchorStatus, PreparedAnchor, PrepareOptions, SubmittedAnchor } from '../../ports/anchor.js';
import { LocalDevAnchor } from './local-dev-anchor.js';
import { tzktUrl } from './tezos-explorer.js';

type TezosSettings = Extract<Config['anchoring']['anchor'], { kind: 'tezos' }>;

/**
 * The anchor the config asks for: local-dev (embedded default, signed locally) or Tezos. Taquito is a quarter
 * of the server's module loading and about 38 MB of memory: it is loaded by the first anchoring, not at start.
 * The configuration checks the secret key's checksum, so that a mistyped key still refuses the start.
 */
export async function openAnchor(config: Config): Promise<Anchor> {
  const { anchor } = config.anchoring;
  if (anchor.kind === 'tezos') {
    return new TezosAnchorOnDemand(anchor);
  }
  return LocalDevAnchor.open(config.dataDir);
}

class TezosAnchorOnDemand implements Anchor {
  readonly network: string;
  private loading: Promise<Anchor> | undefined;

  constructor(private readonly settings: TezosSettings) {
    this.network = settings.network;
  }

  private load(): Promise<Anchor> {
    if (!this.loading) {
      const { rpcUrl, network, contract, secretKey } = this.settings;
      const loading = import('./tezos-anchor.js').then(({ TezosAnchor }) =>
        TezosAnchor.withSecretKey({ rpcUrl, network, contract, secretKey }),
      );
      // A failed load is tried again by the next anchoring rather than kept.
      loading.catch(() => {
        if (this.loading === loading) this.loading = undefined;
      });
      this.loading = loading;
    }
    return this.loading;
  }

  async prepare(root: Uint8Array, options?: PrepareOptions): Promise<PreparedAnchor> {
    return (await this.load()).prepare(root, options);
  }

  async inject(prepared: PreparedAnchor): Promise<SubmittedAnchor> {
    return (await this.load()).inject(prepared);
  }

  async confirm(prepared: PreparedAnchor): Promise<AnchorStatus> {
    return (await this.load()).confirm(prepared);
  }

  explorerUrl(operationHash: string): string | null {
    return tzktUrl(this.network, operationHash);
  }
}

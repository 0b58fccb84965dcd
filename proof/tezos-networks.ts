/**
 * The chain ids of the public Tezos networks a certificate may name. A chain id is the hash of the network's
 * genesis block: it never changes for a network, so it is a constant here. Test networks that restart
 * regularly (weeklynet, daily sandboxes) get a new chain id each time and cannot be listed: a certificate
 * naming one is reported as an unknown network, since nothing ties its name to its chain.
 */
export const TEZOS_CHAIN_IDS: Readonly<Record<string, string>> = {
  mainnet: 'NetXdQprcVkpaWU',
  ghostnet: 'NetXnHfVqm9iesp',
};

export type TezosNetworkCheck = { ok: true } | { ok: false; reason: 'unknown_network' | 'chain_mismatch'; expected?: string };

/** Does `chainId` belong to the network named `network`? */
export function checkTezosNetwork(network: string, chainId: string): TezosNetworkCheck {
  const expected = Object.hasOwn(TEZOS_CHAIN_IDS, network) ? TEZOS_CHAIN_IDS[network] : undefined;
  if (expected === undefined) return { ok: false, reason: 'unknown_network' };
  return expected === chainId ? { ok: true } : { ok: false, reason: 'chain_mismatch', expected };
}

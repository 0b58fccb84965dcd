/** tzkt.io pages: https://tzkt.io/<op> on mainnet, https://<network>.tzkt.io/<op> on public testnets. */
export function tzktUrl(network: string, operationHash: string): string | null {
  if (network === 'mainnet') return `https://tzkt.io/${operationHash}`;
  if (network === 'ghostnet' || network === 'shadownet') return `https://${network}.tzkt.io/${operationHash}`;
  return null;
}

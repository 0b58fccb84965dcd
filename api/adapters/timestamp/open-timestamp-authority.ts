import type { Config } from '../../config.js';
import type { TimestampAuthority } from '../../ports/timestamp-authority.js';
import { devTimestampAuthority } from './dev-tsa.js';
import { Rfc3161Client } from './rfc3161-client.js';

/** The TSA the config asks for: one over HTTP (LECOFFRE_TSA_URL), the local development TSA, or none. */
export async function openTimestampAuthority(config: Pick<Config, 'anchoring' | 'dataDir'>): Promise<TimestampAuthority | null> {
  const { timestamps } = config.anchoring;
  if (timestamps.kind === 'rfc3161') return new Rfc3161Client({ url: timestamps.url });
  if (timestamps.kind === 'dev') return devTimestampAuthority(config.dataDir);
  return null;
}

import { BlockList, isIP } from 'node:net';

/** Whether webhooks may reach this machine itself (embedded mode, tests). Never other private ranges. */
export interface AddressPolicy {
  allowLoopback: boolean;
}

// Where a webhook must never go: this machine, the private network around it, link-local (the cloud
// metadata service lives at 169.254.169.254 and fd00:ec2::254), and ranges that are not the public
// Internet. Sources: RFC 6890 special-purpose registries (IPv4 and IPv6).
const LOOPBACK: Array<[string, number, 'ipv4' | 'ipv6']> = [
  ['127.0.0.0', 8, 'ipv4'],
  ['::1', 128, 'ipv6'],
];
const FORBIDDEN: Array<[string, number, 'ipv4' | 'ipv6']> = [
  ['0.0.0.0', 8, 'ipv4'], // "this network"
  ['10.0.0.0', 8, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'], // carrier-grade NAT
  ['169.254.0.0', 16, 'ipv4'], // link-local, cloud metadata
  ['172.16.0.0', 12, 'ipv4'],
  ['192.0.0.0', 24, 'ipv4'], // IETF protocol assignments
  ['192.0.2.0', 24, 'ipv4'], // documentation
  ['192.88.99.0', 24, 'ipv4'], // 6to4 relay
  ['192.168.0.0', 16, 'ipv4'],
  ['198.18.0.0', 15, 'ipv4'], // benchmarking
  ['198.51.100.0', 24, 'ipv4'], // documentation
  ['203.0.113.0', 24, 'ipv4'], // documentation
  ['224.0.0.0', 4, 'ipv4'], // multicast
  ['240.0.0.0', 4, 'ipv4'], // reserved, broadcast
  ['::', 128, 'ipv6'], // unspecified
  ['64:ff9b::', 96, 'ipv6'], // NAT64: would reach any IPv4 address, private ones included
  ['64:ff9b:1::', 48, 'ipv6'],
  ['100::', 64, 'ipv6'], // discard
  ['2001::', 23, 'ipv6'], // IETF protocol assignments (Teredo, ORCHID…)
  ['2001:db8::', 32, 'ipv6'], // documentation
  ['2002::', 16, 'ipv6'], // 6to4: embeds an IPv4 address
  ['fc00::', 7, 'ipv6'], // unique local (fd00:ec2::254 is AWS metadata)
  ['fe80::', 10, 'ipv6'], // link-local
  ['fec0::', 10, 'ipv6'], // site-local (deprecated, still routed by some)
  ['ff00::', 8, 'ipv6'], // multicast
];

function blockList(ranges: Array<[string, number, 'ipv4' | 'ipv6']>): BlockList {
  const list = new BlockList();
  for (const [network, prefix, family] of ranges) list.addSubnet(network, prefix, family);
  return list;
}

const loopback = blockList(LOOPBACK);
const forbidden = blockList(FORBIDDEN);

/** `::ffff:10.0.0.1` (and its hex form) is the IPv4 address 10.0.0.1 to the network stack: judge it as such. */
function unmapIpv4(address: string): string {
  const mapped = /^::ffff:(?:0{1,4}:)?(.+)$/i.exec(address);
  if (!mapped) return address;
  const rest = mapped[1];
  if (isIP(rest) === 4) return rest;
  const hex = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(rest);
  if (!hex) return address;
  const high = Number.parseInt(hex[1], 16);
  const low = Number.parseInt(hex[2], 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/**
 * Why a webhook may not be sent to this IP address, or null when it may. Anything that is not a
 * plain public unicast address is refused.
 */
export function forbiddenAddressReason(address: string, policy: AddressPolicy): string | null {
  const ip = unmapIpv4(address.replace(/^\[|\]$/g, '').replace(/%.*$/, ''));
  const family = isIP(ip);
  if (family === 0) return `${address} is not an IP address`;
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (loopback.check(ip, type)) return policy.allowLoopback ? null : `${address} is a loopback address`;
  if (forbidden.check(ip, type)) return `${address} is a private, link-local or reserved address`;
  return null;
}

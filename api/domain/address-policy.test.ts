import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { forbiddenAddressReason } from './address-policy.js';

const strict = { allowLoopback: false };
const embedded = { allowLoopback: true };

describe('webhook address policy (SSRF guard)', () => {
  it('lets public unicast addresses through', () => {
    for (const ip of ['93.184.215.14', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8']) {
      assert.equal(forbiddenAddressReason(ip, strict), null, ip);
    }
  });

  it('refuses loopback, private, link-local, metadata and reserved addresses', () => {
    for (const ip of [
      '127.0.0.1',
      '127.1.2.3',
      '::1',
      '10.0.0.5',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254', // AWS, GCP, Azure metadata
      'fd00:ec2::254', // AWS metadata over IPv6
      '100.64.0.1',
      '0.0.0.0',
      '::',
      'fe80::1',
      'fc00::1',
      '224.0.0.1',
      '255.255.255.255',
      '::ffff:127.0.0.1', // IPv4-mapped forms of forbidden addresses
      '::ffff:a9fe:a9fe',
      '::ffff:0:10.0.0.1',
      '64:ff9b::a00:1', // NAT64 of 10.0.0.1
    ]) {
      assert.ok(forbiddenAddressReason(ip, strict), `${ip} must be refused`);
    }
  });

  it('allows loopback only when the embedded mode asks for it, and nothing else private', () => {
    assert.equal(forbiddenAddressReason('127.0.0.1', embedded), null);
    assert.equal(forbiddenAddressReason('::1', embedded), null);
    assert.ok(forbiddenAddressReason('10.0.0.1', embedded));
    assert.ok(forbiddenAddressReason('169.254.169.254', embedded));
  });
});

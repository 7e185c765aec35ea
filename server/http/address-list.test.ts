// TRUSTED_PROXIES and METRICS_ALLOW as pure functions: addresses here are data, never targets.
import { describe, expect, it } from 'vitest';
import { inAddressList, isLoopbackAddress, parseAddressList } from './address-list';

describe('address lists', () => {
  it('reads addresses and networks, IPv4 and IPv6, and names what is neither', () => {
    const { list, bad } = parseAddressList(' 10.0.0.5, 10.1.0.0/16 ,fd00::/8, nonsense, 10.0.0.0/33 ');
    expect(list).toHaveLength(3);
    expect(bad).toEqual(['nonsense', '10.0.0.0/33']);
  });

  it('matches an address within a network, an IPv4-mapped peer as its IPv4, and nothing else', () => {
    const { list } = parseAddressList('10.0.0.5, 10.1.0.0/16, fd00::/8');
    for (const peer of ['10.0.0.5', '10.1.255.3', '::ffff:10.1.0.9', 'fd12::5', '[fd12::5]', 'fd12::5%eth0']) expect(inAddressList(peer, list), peer).toBe(true);
    for (const peer of ['10.0.0.6', '10.2.0.1', '2001:db8::1', '127.0.0.1', 'not an address', '', undefined]) expect(inAddressList(peer, list), String(peer)).toBe(false);
  });

  it('knows loopback in every form, and nothing else as loopback', () => {
    for (const peer of ['127.0.0.1', '127.9.8.7', '::1', '::ffff:127.0.0.1']) expect(isLoopbackAddress(peer), peer).toBe(true);
    for (const peer of ['10.0.0.1', '::2', undefined]) expect(isLoopbackAddress(peer), String(peer)).toBe(false);
  });
});

// Lists of addresses and networks from the configuration (TRUSTED_PROXIES, METRICS_ALLOW):
// "10.0.0.5, 10.1.0.0/16, ::1, fd00::/8". Parsed once with ipaddr.js; IPv4-mapped IPv6 peers
// (::ffff:10.0.0.5, as Node reports IPv4 on a dual-stack socket) match their IPv4 entries.
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import ipaddr from 'ipaddr.js';

/** The TCP peer's address; undefined for in-process requests (tests, the bench). Never a forwarded header. */
export function peerAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];
export type AddressList = readonly Range[];

/** The list, or the entries that are not addresses or networks (for the configuration's message). */
export function parseAddressList(text: string): { list: AddressList; bad: string[] } {
  const list: Range[] = [];
  const bad: string[] = [];
  for (const entry of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    try {
      if (entry.includes('/')) list.push(ipaddr.parseCIDR(entry));
      else {
        const addr = ipaddr.parse(entry);
        list.push([addr, addr.kind() === 'ipv4' ? 32 : 128]);
      }
    } catch {
      bad.push(entry.slice(0, 64));
    }
  }
  return { list, bad };
}

function normalise(address: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  const raw = address.trim().replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!ipaddr.isValid(raw)) return undefined;
  const addr = ipaddr.parse(raw);
  return addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress() ? (addr as ipaddr.IPv6).toIPv4Address() : addr;
}

export function inAddressList(address: string | undefined, list: AddressList): boolean {
  if (!address) return false;
  const addr = normalise(address);
  if (!addr) return false;
  return list.some(([net, bits]) => net.kind() === addr.kind() && addr.match(net, bits));
}

/** Whether a peer address is loopback (127.0.0.0/8, ::1, or their IPv4-mapped form). */
export function isLoopbackAddress(address: string | undefined): boolean {
  const addr = address ? normalise(address) : undefined;
  return addr?.range() === 'loopback';
}

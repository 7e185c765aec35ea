// Where a `url` result may be fetched from: the base URL's own origin, or https to a public address
// (optionally only named hosts). Pure checks, plus a DNS lookup that refuses non-public answers.
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/** True only for a globally routable unicast address: no loopback, private, link-local, CGNAT, etc. */
export function isPublicAddress(ip: string): boolean {
  const text = ip.replace(/^\[|\]$/g, '');
  if (!isIP(text)) return false; // canonical forms only (ipaddr.js also takes `1.2.3` and the like)
  let address = ipaddr.parse(text);
  if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()) address = (address as ipaddr.IPv6).toIPv4Address();
  // Every public IPv6 address is in the global unicast block, whose first three bits are 001 (RFC
  // 4291). ipaddr.js's list alone would pass the rest of the reserved zero block, such as the
  // deprecated IPv4-compatible form of a loopback address.
  if (address.kind() === 'ipv6' && (address.toByteArray()[0]! & 0xe0) !== 0x20) return false;
  // `unicast` is what remains once every special-purpose range (ipaddr.js's list) is ruled out.
  return address.range() === 'unicast';
}

export interface ImageUrlPolicy {
  /** The configured FRIENDLI_BASE_URL: its own origin is always allowed, over http too. */
  baseUrl: string;
  /** FRIENDLI_IMAGE_HOSTS: when not empty, only these host names are allowed beyond the base origin. */
  imageHosts: readonly string[];
}

export type ImageUrlDecision = { ok: true; route: 'same-origin' | 'public'; url: URL } | { ok: false; reason: string };

/** Decides whether a URL the upstream returned may be fetched, and how (see the file comment). */
export function checkImageUrl(url: string, { baseUrl, imageHosts }: ImageUrlPolicy): ImageUrlDecision {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return { ok: false, reason: 'not a URL' };
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:') return { ok: false, reason: 'not http(s)' };
  if (target.username || target.password) return { ok: false, reason: 'credentials in the URL' };
  if (target.origin === new URL(baseUrl).origin) return { ok: true, route: 'same-origin', url: target };
  if (target.protocol !== 'https:') return { ok: false, reason: 'not https and not the base URL origin' };
  const host = target.hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase();
  if (imageHosts.length && !imageHosts.some((h) => h.toLowerCase() === host)) return { ok: false, reason: 'host not in FRIENDLI_IMAGE_HOSTS' };
  if (isIP(host)) return isPublicAddress(host) ? { ok: true, route: 'public', url: target } : { ok: false, reason: 'non-public address' };
  if (host === 'localhost' || host.endsWith('.localhost') || !host.includes('.')) return { ok: false, reason: 'local host name' };
  return { ok: true, route: 'public', url: target };
}

export const ADDRESS_REFUSED = 'E_NON_PUBLIC_ADDRESS';

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;
type Resolver = (hostname: string, options: LookupOptions & { all: true }, callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;

/**
 * A `lookup` for net/tls connect options: resolves the name and refuses it unless every address is
 * public, so the address actually connected to is the one checked (no DNS rebinding in between).
 */
export function createPublicLookup(resolve: Resolver = dnsLookup as unknown as Resolver) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback) => {
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      if (!addresses.length || !addresses.every((a) => isPublicAddress(a.address))) {
        return callback(Object.assign(new Error(`${hostname} resolves to a non-public address`), { code: ADDRESS_REFUSED }), []);
      }
      if (options.all) return callback(null, addresses);
      return callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

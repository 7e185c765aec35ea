// Addresses for testing address policies as pure functions. They are derived at run time, from
// ipaddr.js's table of special-purpose ranges and from fast-check's address generators, so that no
// test names a private, link-local or public address of its own (the project's network rule). None
// of them is ever contacted: they are data for functions that decide, not targets.
import fc from 'fast-check';
import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;
type Net = [Address, number];

/** Every special-purpose range of one family, by the name ipaddr.js gives it. */
function ranges(kind: 'IPv4' | 'IPv6'): [string, Net][] {
  const table = (ipaddr[kind].prototype as unknown as { SpecialRanges: Record<string, Net | Net[]> }).SpecialRanges;
  return Object.entries(table).flatMap(([name, nets]) => (Array.isArray(nets[0]) ? (nets as Net[]) : [nets as Net]).map((net): [string, Net] => [name, net]));
}

/** An address inside a range: its prefix, then host bits for the first host, the last, or a pattern between. */
function inside([net, bits]: Net, where: 'first' | 'middle' | 'last'): string {
  const bytes = net.toByteArray();
  const total = bytes.length * 8;
  for (let i = bits; i < total; i++) {
    const on = where === 'last' || (where === 'first' ? i === total - 1 : i % 3 === 0);
    if (on) bytes[i >> 3]! |= 0x80 >> (i & 7);
  }
  return ipaddr.fromByteArray(bytes).toString();
}

/** Names of every special-purpose range, IPv4 and IPv6. */
export const specialRangeNames = () => [...new Set([...ranges('IPv4'), ...ranges('IPv6')].map(([name]) => name))];

/**
 * Three addresses in each special-purpose range (IPv4-mapped IPv6 aside: such an address stands for
 * the IPv4 address inside it, and is tested through those).
 */
export function specialSamples(family: 4 | 6 | 'both' = 'both'): { range: string; address: string }[] {
  const kinds = family === 'both' ? (['IPv4', 'IPv6'] as const) : family === 4 ? (['IPv4'] as const) : (['IPv6'] as const);
  return kinds.flatMap((kind) =>
    ranges(kind)
      .filter(([name]) => name !== 'ipv4Mapped')
      .flatMap(([range, net]) => (['first', 'middle', 'last'] as const).map((where) => ({ range, address: inside(net, where) }))),
  );
}

/** The first host of the named special-purpose range. */
export function sampleIn(range: string, family: 4 | 6 = 4): string {
  const found = ranges(family === 4 ? 'IPv4' : 'IPv6').find(([name]) => name === range);
  if (!found) throw new Error(`ipaddr.js knows no ${range} range for IPv${family}`);
  return inside(found[1], 'first');
}

const isUnicast = (text: string) => ipaddr.parse(text).range() === 'unicast';
/** Globally routable unicast addresses, as fast-check arbitraries (filtered by ipaddr.js's table). */
export const publicV4 = fc.ipV4().filter(isUnicast);
// IPv6: in the global unicast block too (first three bits 001), where every public address is.
export const publicV6 = fc.ipV6().filter((a) => !a.includes('.') && isUnicast(a) && (ipaddr.parse(a).toByteArray()[0]! & 0xe0) === 0x20);
/** A few fixed public addresses (the same on every run), for table tests. */
export const publicSamples = (arbitrary: fc.Arbitrary<string>, count: number) => fc.sample(arbitrary, { numRuns: count, seed: 20261128 });

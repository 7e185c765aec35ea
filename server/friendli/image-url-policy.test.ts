// The image URL policy as pure functions. Apart from loopback, every address here is derived at run
// time (server/test/special-addresses.ts) and is data: no test connects to any of them.
import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import { publicSamples, publicV4, publicV6, sampleIn, specialRangeNames, specialSamples } from '../test/special-addresses';
import { ADDRESS_REFUSED, checkImageUrl, createPublicLookup, isPublicAddress } from './image-url-policy';

const [PUBLIC_V4, OTHER_PUBLIC_V4] = publicSamples(publicV4, 2) as [string, string];
const [PUBLIC_V6] = publicSamples(publicV6, 1) as [string];
const PRIVATE = sampleIn('private');
const LINK_LOCAL = sampleIn('linkLocal');
const CGNAT = sampleIn('carrierGradeNat');
const LINK_LOCAL_V6 = sampleIn('linkLocal', 6);

describe('isPublicAddress', () => {
  it('knows the ranges this policy exists for (a library update that dropped one would fail here)', () => {
    expect(specialRangeNames()).toEqual(
      expect.arrayContaining(['unspecified', 'broadcast', 'multicast', 'linkLocal', 'loopback', 'carrierGradeNat', 'private', 'reserved', 'uniqueLocal', 'rfc6052', '6to4', 'teredo']),
    );
  });

  it.each(specialSamples().map(({ range, address }) => [range, address]))('refuses %s: %s', (_range, address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(specialSamples(4).map(({ range, address }) => [range, address]))('refuses %s inside IPv6: ::ffff:%s', (_range, address) => {
    expect(isPublicAddress(`::ffff:${address}`)).toBe(false);
  });

  it.each([
    ['127.0.0.1'],
    ['127.255.255.254'],
    ['::1'],
    ['[::1]'],
    ['::ffff:127.0.0.1'],
    ['::ffff:7f00:1'],
    // the deprecated IPv4-compatible form, outside the global unicast block
    ['::7f00:1'],
    ['::127.0.0.1'],
    // not addresses at all
    ['localhost'],
    [''],
    ['1.2.3'],
  ])('refuses %s', (ip) => {
    expect(isPublicAddress(ip)).toBe(false);
  });

  it('takes public unicast addresses, IPv4 also inside IPv6', () => {
    fc.assert(fc.property(publicV4, (a) => isPublicAddress(a) && isPublicAddress(`::ffff:${a}`) && isPublicAddress(`[::ffff:${a}]`)));
    fc.assert(fc.property(publicV6, (a) => isPublicAddress(a) && isPublicAddress(`[${a}]`)));
  });

  it('never calls public an IPv6 address outside the global unicast block, nor any special-purpose one', () => {
    fc.assert(
      fc.property(fc.oneof(fc.ipV4(), fc.ipV6()), (a) => {
        if (!isPublicAddress(a)) return true;
        const parsed = ipaddr.parse(a);
        const v4 = parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress() ? (parsed as ipaddr.IPv6).toIPv4Address() : parsed;
        return v4.range() === 'unicast' && (v4.kind() === 'ipv4' || (v4.toByteArray()[0]! & 0xe0) === 0x20);
      }),
    );
  });
});

describe('checkImageUrl', () => {
  const policy = { baseUrl: 'http://127.0.0.1:8000/v', imageHosts: [] as string[] };
  const verdict = (url: string, p = policy) => {
    const d = checkImageUrl(url, p);
    return d.ok ? d.route : 'refused';
  };

  it.each([
    // the base URL's own origin, over http too (tests and self-hosted gateways)
    ['http://127.0.0.1:8000/files/a.png', 'same-origin'],
    ['http://127.0.0.1:8000/other/path?x=1', 'same-origin'],
    // loopback elsewhere: another port, another name, another scheme
    ['http://127.0.0.1:8001/a.png', 'refused'],
    ['https://127.0.0.1:8000/a.png', 'refused'],
    ['http://localhost:8000/a.png', 'refused'],
    ['https://localhost/a.png', 'refused'],
    ['https://img.localhost/a.png', 'refused'],
    ['https://[::1]/a.png', 'refused'],
    ['https://[::ffff:127.0.0.1]/a.png', 'refused'],
    ['https://2130706433/a.png', 'refused'], // 127.0.0.1 written as a number
    ['https://0x7f.1/a.png', 'refused'],
    // private, link-local and carrier-grade NAT addresses over https
    [`https://${PRIVATE}/a.png`, 'refused'],
    [`https://${LINK_LOCAL}/latest/meta-data`, 'refused'],
    [`https://[${LINK_LOCAL_V6}]/a.png`, 'refused'],
    [`https://${CGNAT}/a.png`, 'refused'],
    // public, but not https
    ['http://images.example.com/a.png', 'refused'],
    [`http://${PUBLIC_V4}/a.png`, 'refused'],
    // other schemes, credentials, junk
    ['file:///etc/passwd', 'refused'],
    ['ftp://images.example.com/a.png', 'refused'],
    ['data:image/png;base64,AAAA', 'refused'],
    ['https://user:pass@images.example.com/a.png', 'refused'],
    ['not a url', 'refused'],
    ['https://intranet/a.png', 'refused'],
    // https to a public name or address: allowed here, checked again on the address connected to
    ['https://images.example.com/a.png', 'public'],
    [`https://${PUBLIC_V4}/a.png`, 'public'],
    [`https://[${PUBLIC_V6}]/a.png`, 'public'],
  ])('%s → %s', (url, expected) => {
    expect(verdict(url)).toBe(expected);
  });

  it('FRIENDLI_IMAGE_HOSTS narrows public https to the named hosts; the base origin stays allowed', () => {
    const narrowed = { ...policy, imageHosts: ['cdn.example.com'] };
    expect(verdict('https://cdn.example.com/a.png', narrowed)).toBe('public');
    expect(verdict('https://CDN.example.com./a.png', narrowed)).toBe('public');
    expect(verdict('https://other.example.com/a.png', narrowed)).toBe('refused');
    expect(verdict(`https://${PUBLIC_V4}/a.png`, narrowed)).toBe('refused');
    expect(verdict('http://127.0.0.1:8000/files/a.png', narrowed)).toBe('same-origin');
    // Naming a non-public address does not make it fetchable.
    expect(verdict(`https://${PRIVATE}/a.png`, { ...policy, imageHosts: [PRIVATE] })).toBe('refused');
  });
});

describe('createPublicLookup (with a stand-in resolver: no DNS, no connection)', () => {
  type Answer = { address: string; family: number }[];
  const lookupWith = (answer: Answer) =>
    createPublicLookup((_host, _options, callback) => callback(null, answer));
  const run = (answer: Answer, all: boolean) =>
    new Promise<{ err: NodeJS.ErrnoException | null; address: unknown; family?: number }>((resolve) =>
      lookupWith(answer)('images.example.com', { all }, (err, address, family) => resolve({ err, address, family })),
    );

  it('passes public answers through, in both callback forms', async () => {
    expect(await run([{ address: PUBLIC_V4, family: 4 }], false)).toMatchObject({ err: null, address: PUBLIC_V4, family: 4 });
    const both = [{ address: OTHER_PUBLIC_V4, family: 4 }, { address: PUBLIC_V6, family: 6 }];
    expect(await run(both, true)).toMatchObject({ err: null, address: both });
  });

  it.each([
    [[{ address: '127.0.0.1', family: 4 }]],
    [[{ address: LINK_LOCAL, family: 4 }]],
    [[{ address: `::ffff:${PRIVATE}`, family: 6 }]],
    // a name that answers public and private at once (a rebinding trick) is refused as a whole
    [[{ address: PUBLIC_V4, family: 4 }, { address: PRIVATE, family: 4 }]],
    [[]],
  ])('refuses %j', async (answer) => {
    const { err } = await run(answer, true);
    expect(err?.code).toBe(ADDRESS_REFUSED);
  });

  it('passes resolver errors on', async () => {
    const failing = createPublicLookup((_h, _o, callback) => callback(Object.assign(new Error('nope'), { code: 'ENOTFOUND' }), []));
    const err = await new Promise<NodeJS.ErrnoException | null>((resolve) => failing('x.example.com', {}, (e) => resolve(e)));
    expect(err?.code).toBe('ENOTFOUND');
  });
});

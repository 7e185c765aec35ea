// The image URL policy as pure functions. Addresses here are DATA: no test connects to any of them.
import { describe, expect, it } from 'vitest';
import { ADDRESS_REFUSED, checkImageUrl, createPublicLookup, isPublicAddress } from './image-url-policy';

describe('isPublicAddress', () => {
  it.each([
    // IPv4 special-purpose ranges
    ['127.0.0.1', false],
    ['127.255.255.254', false],
    ['10.1.2.3', false],
    ['172.16.0.1', false],
    ['172.31.255.255', false],
    ['192.168.1.1', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['100.127.255.255', false],
    ['0.0.0.0', false],
    ['0.1.2.3', false],
    ['224.0.0.1', false],
    ['239.255.255.250', false],
    ['255.255.255.255', false],
    ['240.0.0.1', false],
    ['192.0.2.1', false],
    ['198.51.100.7', false],
    ['203.0.113.9', false],
    ['198.18.0.1', false],
    ['192.0.0.8', false],
    // IPv6 special-purpose ranges, and IPv4 inside IPv6
    ['::1', false],
    ['[::1]', false],
    ['::', false],
    ['fe80::1', false],
    ['fc00::1', false],
    ['fd12:3456::1', false],
    ['ff02::1', false],
    ['2001:db8::1', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:7f00:1', false],
    ['::ffff:10.0.0.1', false],
    ['::ffff:169.254.169.254', false],
    ['64:ff9b::a00:1', false],
    ['2002:a00:1::', false],
    ['fec0::1', false],
    // not addresses at all
    ['localhost', false],
    ['', false],
    ['1.2.3', false],
    // public unicast
    ['8.8.8.8', true],
    ['1.1.1.1', true],
    ['172.32.0.1', true],
    ['100.128.0.1', true],
    ['::ffff:8.8.8.8', true],
    ['2606:4700:4700::1111', true],
    ['2a00:1450:4001::1', true],
  ])('%s → %s', (ip, expected) => {
    expect(isPublicAddress(ip)).toBe(expected);
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
    // private, link-local and reserved literals over https
    ['https://10.0.0.5/a.png', 'refused'],
    ['https://169.254.169.254/latest/meta-data', 'refused'],
    ['https://[fe80::1]/a.png', 'refused'],
    ['https://100.64.1.1/a.png', 'refused'],
    // public, but not https
    ['http://images.example.com/a.png', 'refused'],
    ['http://8.8.8.8/a.png', 'refused'],
    // other schemes, credentials, junk
    ['file:///etc/passwd', 'refused'],
    ['ftp://images.example.com/a.png', 'refused'],
    ['data:image/png;base64,AAAA', 'refused'],
    ['https://user:pass@images.example.com/a.png', 'refused'],
    ['not a url', 'refused'],
    ['https://intranet/a.png', 'refused'],
    // https to a public name or address: allowed here, checked again on the address connected to
    ['https://images.example.com/a.png', 'public'],
    ['https://8.8.8.8/a.png', 'public'],
    ['https://[2606:4700:4700::1111]/a.png', 'public'],
  ])('%s → %s', (url, expected) => {
    expect(verdict(url)).toBe(expected);
  });

  it('FRIENDLI_IMAGE_HOSTS narrows public https to the named hosts; the base origin stays allowed', () => {
    const narrowed = { ...policy, imageHosts: ['cdn.example.com'] };
    expect(verdict('https://cdn.example.com/a.png', narrowed)).toBe('public');
    expect(verdict('https://CDN.example.com./a.png', narrowed)).toBe('public');
    expect(verdict('https://other.example.com/a.png', narrowed)).toBe('refused');
    expect(verdict('https://8.8.8.8/a.png', narrowed)).toBe('refused');
    expect(verdict('http://127.0.0.1:8000/files/a.png', narrowed)).toBe('same-origin');
    // Naming a non-public address does not make it fetchable.
    expect(verdict('https://10.0.0.5/a.png', { ...policy, imageHosts: ['10.0.0.5'] })).toBe('refused');
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
    expect(await run([{ address: '8.8.8.8', family: 4 }], false)).toMatchObject({ err: null, address: '8.8.8.8', family: 4 });
    const both = [{ address: '8.8.4.4', family: 4 }, { address: '2606:4700:4700::1111', family: 6 }];
    expect(await run(both, true)).toMatchObject({ err: null, address: both });
  });

  it.each([
    [[{ address: '127.0.0.1', family: 4 }]],
    [[{ address: '169.254.169.254', family: 4 }]],
    [[{ address: '::ffff:10.0.0.1', family: 6 }]],
    // a name that answers public and private at once (a rebinding trick) is refused as a whole
    [[{ address: '8.8.8.8', family: 4 }, { address: '192.168.0.10', family: 4 }]],
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

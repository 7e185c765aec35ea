import { describe, expect, it } from 'vitest';
import { loadAppConfig } from './app';
import { ConfigError, SHUTDOWN_MARGIN_MS } from './config';

function problems(env: Record<string, string>): string[] {
  try {
    loadAppConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('defaults to the local engine on loopback with the product step range', () => {
    const config = loadAppConfig({});
    expect(config).toMatchObject({
      engine: 'local',
      baseUrl: 'https://api.friendli.ai',
      host: '127.0.0.1',
      port: 8787,
      steps: { min: 1, max: 10, default: 4 },
      localEngineSize: 1024,
    });
    expect(config.allowedHosts).toEqual(expect.arrayContaining(['localhost', '127.0.0.1', '[::1]']));
    expect(config.token).toBeUndefined();
    expect(config.imageHosts).toEqual([]);
  });

  it('reads FRIENDLI_IMAGE_HOSTS as a list of host names', () => {
    expect(loadAppConfig({ FRIENDLI_IMAGE_HOSTS: ' cdn.example.com, Images.Example.com. ,' }).imageHosts).toEqual(['cdn.example.com', 'images.example.com']);
    for (const bad of ['https://cdn.example.com', 'cdn.example.com:443', 'cdn.example.com/images']) {
      expect(problems({ FRIENDLI_IMAGE_HOSTS: bad })).toEqual(['FRIENDLI_IMAGE_HOSTS must be host names (no scheme, port or path), comma-separated']);
    }
  });

  it('switches to FriendliAI with a token, and reads team, endpoint, base URL and steps', () => {
    const config = loadAppConfig({
      FRIENDLI_TOKEN: 'a-test-token-123456789',
      FRIENDLI_TEAM: 'team-1',
      FRIENDLI_ENDPOINT_ID: 'ep-xyz',
      FRIENDLI_BASE_URL: 'http://127.0.0.1:9999/',
      STEPS_MAX: '50',
      STEPS_DEFAULT: '20',
      ALLOWED_HOSTS: 'studio.example.com, Other.Example',
    });
    expect(config).toMatchObject({ engine: 'friendli', team: 'team-1', endpointId: 'ep-xyz', baseUrl: 'http://127.0.0.1:9999', steps: { min: 1, max: 50, default: 20 } });
    expect(config.allowedHosts).toEqual(expect.arrayContaining(['studio.example.com', 'other.example']));
  });

  it('treats empty variables as unset', () => {
    expect(loadAppConfig({ FRIENDLI_TOKEN: '', PORT: '' })).toMatchObject({ engine: 'local', port: 8787 });
  });

  it('names every bad variable', () => {
    expect(problems({ PORT: 'eighty', FRIENDLI_BASE_URL: 'ftp://x', STEPS_MAX: '99' }).sort()).toEqual([
      'FRIENDLI_BASE_URL must be an http(s) URL',
      'PORT must be a whole number',
      'STEPS_MAX must be at most 50',
    ]);
    expect(problems({ STEPS_MIN: '5', STEPS_MAX: '3' })[0]).toMatch(/STEPS_MIN \(5\) must not exceed STEPS_MAX \(3\)/);
    expect(problems({ STEPS_DEFAULT: '12' })[0]).toMatch(/STEPS_DEFAULT \(12\) must lie within/);
    expect(problems({ APP_ACCESS_KEY: 'short' })[0]).toMatch(/APP_ACCESS_KEY must be at least 16/);
  });

  it('refuses to listen beyond loopback without an access key', () => {
    expect(problems({ HOST: '0.0.0.0' })[0]).toMatch(/HOST is 0\.0\.0\.0.*APP_ACCESS_KEY/);
    const config = loadAppConfig({ HOST: '0.0.0.0', APP_ACCESS_KEY: 'a-long-enough-access-key' });
    expect(config.accessKey).toBe('a-long-enough-access-key');
    expect(loadAppConfig({ HOST: '::1' }).host).toBe('::1');
  });

  it.each([
    ['user and password', 'https://someone:s3cret-pass@127.0.0.1:9999'],
    ['a user name only', 'https://s3cret-user@localhost:9999/'],
    ['an empty user with a password', 'http://:s3cret-pass@127.0.0.1:9999'],
  ])('refuses a FRIENDLI_BASE_URL with %s, naming the variable and not echoing the value', (_, url) => {
    let error: unknown;
    try {
      loadAppConfig({ FRIENDLI_BASE_URL: url });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { problems: found, message } = error as ConfigError;
    expect(found).toEqual([expect.stringMatching(/^FRIENDLI_BASE_URL must not contain a user name or password/)]);
    expect(message).not.toMatch(/s3cret|someone/);
  });

  it('gives requests in flight at shutdown a grace that covers the upstream timeout, or the one set', () => {
    expect(loadAppConfig({}).shutdownGraceMs).toBe(120_000 + SHUTDOWN_MARGIN_MS);
    expect(loadAppConfig({ FRIENDLI_TIMEOUT_MS: '300000' }).shutdownGraceMs).toBe(300_000 + SHUTDOWN_MARGIN_MS);
    expect(loadAppConfig({ SHUTDOWN_GRACE_MS: '2500' }).shutdownGraceMs).toBe(2500);
    expect(problems({ SHUTDOWN_GRACE_MS: 'soon' })).toEqual(['SHUTDOWN_GRACE_MS must be a whole number']);
  });

  describe('FRIENDLI_ENDPOINTS', () => {
    const withToken = (list: unknown) => ({ FRIENDLI_TOKEN: 'a-test-token-123456789', FRIENDLI_ENDPOINTS: typeof list === 'string' ? list : JSON.stringify(list) });

    it('reads a list, filling every field but id with its documented default', () => {
      const config = loadAppConfig(withToken([{ id: 'ep-1' }, { id: 'ep-2', name: 'Sketch', adapters: ['ink'], steps: { min: 2, max: 30, default: 10 }, guidance_range: false, edit: true, control_images: 2 }]));
      expect(config.endpoints).toEqual([
        { id: 'ep-1', name: 'ep-1', adapters: [], steps: { min: 1, max: 50, default: 20 }, guidance_range: { min: 0, max: 20, default: 7.5 }, edit: false, control_images: 0, kind: 'dedicated', formats: ['url', 'raw', 'png', 'jpeg', 'jpg'], default_format: 'url' },
        { id: 'ep-2', name: 'Sketch', adapters: ['ink'], steps: { min: 2, max: 30, default: 10 }, guidance_range: false, edit: true, control_images: 2, kind: 'dedicated', formats: ['url', 'raw', 'png', 'jpeg', 'jpg'], default_format: 'url' },
      ]);
      expect(config).toMatchObject({ endpointId: 'ep-1', steps: { min: 1, max: 50, default: 20 }, sendModel: true });
    });

    it('reads guidance_range, and guidance, its old name, but not both', () => {
      const range = { min: 1, max: 9, default: 5 };
      expect(loadAppConfig(withToken([{ id: 'ep-1', guidance_range: range }, { id: 'ep-2', guidance: range }, { id: 'ep-3', guidance: false }])).endpoints.map((e) => e.guidance_range)).toEqual([range, range, false]);
      expect(problems(withToken([{ id: 'ep-1', guidance_range: range, guidance: range }]))).toEqual(['FRIENDLI_ENDPOINTS entry 0 (id "ep-1"): guidance: is the old name of guidance_range: give one of them']);
    });

    it('keeps FRIENDLI_ENDPOINT_ID with STEPS_* working as a one-endpoint list', () => {
      const config = loadAppConfig({ FRIENDLI_TOKEN: 'a-test-token-123456789', FRIENDLI_ENDPOINT_ID: 'ep-xyz', STEPS_MAX: '30', STEPS_DEFAULT: '12' });
      expect(config.endpoints).toEqual([{ id: 'ep-xyz', name: 'ep-xyz', adapters: [], steps: { min: 1, max: 30, default: 12 }, guidance_range: { min: 0, max: 20, default: 7.5 }, edit: false, control_images: 0, kind: 'dedicated', formats: ['url', 'raw', 'png', 'jpeg', 'jpg'], default_format: 'url' }]);
      expect(config.sendModel).toBe(true);
      // No endpoint id at all: the product's original API, where no model is sent.
      expect(loadAppConfig({ FRIENDLI_TOKEN: 'a-test-token-123456789' })).toMatchObject({ sendModel: false, endpointId: undefined });
    });

    it('describes the local engine as one endpoint that supports everything', () => {
      expect(loadAppConfig({}).endpoints).toEqual([
        { id: 'local-engine', name: 'Local preview engine', adapters: ['watercolor', 'blueprint'], steps: { min: 1, max: 10, default: 4 }, guidance_range: { min: 0, max: 20, default: 7.5 }, edit: true, control_images: 2, kind: 'dedicated', formats: ['url', 'raw', 'png', 'jpeg', 'jpg'], default_format: 'url' },
      ]);
    });

    it('stops start-up on a bad list, naming the variable and the entry (index and id)', () => {
      expect(problems(withToken('[{"id": "ep-1",'))).toEqual([expect.stringMatching(/^FRIENDLI_ENDPOINTS must be a JSON list .* not valid JSON/)]);
      expect(problems(withToken({ id: 'ep-1' }))).toEqual([expect.stringMatching(/^FRIENDLI_ENDPOINTS must be a non-empty JSON list/)]);
      expect(problems(withToken([]))).toEqual([expect.stringMatching(/^FRIENDLI_ENDPOINTS must be a non-empty JSON list/)]);
      expect(problems(withToken([{ id: 'ep-1' }, { name: 'no id' }]))).toEqual([expect.stringMatching(/^FRIENDLI_ENDPOINTS entry 1: id/)]);
      expect(problems(withToken([{ id: 'ep-1', steps: { min: 5, max: 3, default: 4 } }]))).toContain('FRIENDLI_ENDPOINTS entry 0 (id "ep-1"): steps: min must not exceed max');
      expect(problems(withToken([{ id: 'ep-1' }, { id: 'ep-2', steps: { min: 1, max: 60, default: 4 } }]))[0]).toMatch(/^FRIENDLI_ENDPOINTS entry 1 \(id "ep-2"\): steps\.max/);
      expect(problems(withToken([{ id: 'ep-1', guidance: { min: 0, max: 5, default: 9 } }]))).toEqual(['FRIENDLI_ENDPOINTS entry 0 (id "ep-1"): guidance: default must lie within min..max']);
      expect(problems(withToken([{ id: 'ep-1', edit: 'yes' }]))[0]).toMatch(/^FRIENDLI_ENDPOINTS entry 0 \(id "ep-1"\): edit/);
      expect(problems(withToken([{ id: 'ep-1', control_images: -1 }]))[0]).toMatch(/^FRIENDLI_ENDPOINTS entry 0 \(id "ep-1"\): control_images/);
      expect(problems(withToken([{ id: 'ep-1', adapters: ['a:b'] }]))[0]).toMatch(/^FRIENDLI_ENDPOINTS entry 0 \(id "ep-1"\): adapters\.0: must be 1 to 64 letters, digits/);
      expect(problems(withToken([{ id: 'ep-1', colour: 'red' }]))[0]).toMatch(/^FRIENDLI_ENDPOINTS entry 0 \(id "ep-1"\): .*colour/);
      expect(problems(withToken([{ id: 'ep-1' }, { id: 'ep-1' }]))).toEqual(['FRIENDLI_ENDPOINTS entry 1 (id "ep-1"): id is listed twice']);
    });

    it('takes at most 100 endpoints, refusing a longer list by its length alone', () => {
      const list = (count: number) => Array.from({ length: count }, (_, i) => ({ id: `ep-${i}` }));
      expect(loadAppConfig(withToken(list(100))).endpoints).toHaveLength(100);
      expect(problems(withToken(list(10_000)))).toEqual(['FRIENDLI_ENDPOINTS lists 10000 endpoints: at most 100']);
    });

    it.each([
      ['a slash', 'ep/1'],
      ['a BEL', 'ep\u00071'],
      ['a right-to-left override', 'ep\u202e1'],
      ['a space', 'ep 1'],
      ['a colon', 'ep:1'],
      ['an accented letter', 'épée'],
    ])('refuses an id with %s, naming the entry and showing the id escaped', (_, id) => {
      const [problem] = problems(withToken([{ id: 'ok-1' }, { id }]));
      expect(problem).toMatch(/^FRIENDLI_ENDPOINTS entry 1 \(id ".*"\): id: must be 1 to 64 letters, digits, ".", "_" or "-"$/);
      // eslint-disable-next-line no-control-regex -- what must not be there is exactly the control characters
      expect(problem).not.toMatch(/[\u0000-\u001f\u202e]/);
      expect(problems(withToken([{ id: 'ok-1', adapters: ['fine', `x${id}`] }]))[0]).toMatch(/^FRIENDLI_ENDPOINTS entry 0 \(id "ok-1"\): adapters\.1: must be 1 to 64 letters/);
      expect(problems({ FRIENDLI_TOKEN: 'a-test-token-123456789', FRIENDLI_ENDPOINT_ID: id })[0]).toMatch(/^FRIENDLI_ENDPOINT_ID must be 1 to 64 letters/);
    });

    it('reads container entries: base_url (default http://localhost:8000), raw and jpeg only, no token unless token_env names one', () => {
      const config = loadAppConfig({
        FRIENDLI_ENDPOINTS: JSON.stringify([
          { id: 'box', kind: 'container', base_url: 'http://127.0.0.5:8000/', edit: true, control_images: 1, adapters: ['ink'] },
          { id: 'box-2', kind: 'container', token_env: 'BOX_TOKEN' },
        ]),
        BOX_TOKEN: 'a-container-token-0123456789',
      });
      // No FRIENDLI_TOKEN: a list of containers alone is served (not the local engine).
      expect(config.engine).toBe('friendli');
      expect(config.endpoints[0]).toEqual({ id: 'box', name: 'box', kind: 'container', adapters: ['ink'], steps: { min: 1, max: 50, default: 20 }, guidance_range: { min: 0, max: 20, default: 7.5 }, edit: true, control_images: 1, formats: ['raw', 'jpeg'], default_format: 'jpeg' });
      expect(config.containers).toEqual({ box: { baseUrl: 'http://127.0.0.5:8000' }, 'box-2': { baseUrl: 'http://localhost:8000', token: 'a-container-token-0123456789' } });
      // What the browser is told names neither the address nor the token.
      expect(JSON.stringify(config.endpoints)).not.toMatch(/10\.0\.0\.5|localhost|a-container-token/);
    });

    it('refuses a container base_url that is not http(s), carries credentials, a query or a fragment, and a token_env that is unset', () => {
      const list = (entry: object) => ({ FRIENDLI_ENDPOINTS: JSON.stringify([{ id: 'box', kind: 'container', ...entry }]) });
      expect(problems(list({ base_url: 'ftp://box:8000' }))).toEqual(['FRIENDLI_ENDPOINTS entry 0 (id "box"): base_url: base_url must be an http(s) URL']);
      expect(problems(list({ base_url: 'not a url' }))).toEqual(['FRIENDLI_ENDPOINTS entry 0 (id "box"): base_url: base_url must be an http(s) URL']);
      const withCredentials = problems(list({ base_url: 'http://admin:hunter2@box:8000' }));
      expect(withCredentials).toEqual(['FRIENDLI_ENDPOINTS entry 0 (id "box"): base_url: base_url must not contain a user name or password (user:pass@): remove them']);
      expect(withCredentials.join()).not.toContain('hunter2');
      expect(problems(list({ base_url: 'http://box:8000/?key=1' }))[0]).toMatch(/base_url must not have a query/);
      expect(problems(list({ token_env: 'BOX_TOKEN' }))).toEqual(['FRIENDLI_ENDPOINTS entry 0 (id "box"): token_env: the variable BOX_TOKEN is not set (or empty)']);
      expect(problems(list({ token_env: 'box token' }))[0]).toMatch(/token_env must name an environment variable/);
      expect(problems(list({ kind: 'triton' }))[0]).toMatch(/kind must be "dedicated" \(the default\) or "container"/);
    });

    it('keeps base_url and token_env to containers, and FRIENDLI_TOKEN required for dedicated entries', () => {
      expect(problems(withToken([{ id: 'ep-1', base_url: 'http://box:8000' }]))).toEqual(['FRIENDLI_ENDPOINTS entry 0 (id "ep-1"): base_url: is for "kind": "container" only (dedicated endpoints are reached at FRIENDLI_BASE_URL)']);
      expect(problems(withToken([{ id: 'ep-1', token_env: 'X' }]))[0]).toMatch(/token_env: is for "kind": "container" only/);
      expect(problems({ FRIENDLI_ENDPOINTS: JSON.stringify([{ id: 'box', kind: 'container' }, { id: 'ep-1' }]) })).toEqual([
        'FRIENDLI_ENDPOINTS entry 1 (id "ep-1"): a dedicated endpoint needs FRIENDLI_TOKEN (set it, or make the entry "kind": "container")',
      ]);
      // Both kinds side by side with a token.
      const mixed = loadAppConfig(withToken([{ id: 'ep-1' }, { id: 'box', kind: 'container' }]));
      expect(mixed.endpoints.map((e) => [e.kind, e.default_format])).toEqual([['dedicated', 'url'], ['container', 'jpeg']]);
      expect(Object.keys(mixed.containers)).toEqual(['box']);
    });

    it('accepts letters, digits, ".", "_" and "-" in ids and routes', () => {
      expect(loadAppConfig(withToken([{ id: 'Ep_1.v-2', adapters: ['Water_colour.v-1'] }])).endpoints[0]).toMatchObject({ id: 'Ep_1.v-2', adapters: ['Water_colour.v-1'] });
    });

    it('lists at most 10 problems, and counts the rest', () => {
      const found = problems(withToken(Array.from({ length: 50 }, (_, i) => ({ id: `bad/${i}` }))));
      expect(found).toHaveLength(11);
      expect(found.at(-1)).toBe('and 40 more');
    });

    it('reads IMAGE_INPUT_BUDGET_MB: two bodies of IMAGE_INPUT_MB by default, never less than one', () => {
      expect(loadAppConfig({}).imageInputBudgetBytes).toBe(40 * 1024 * 1024);
      expect(loadAppConfig({ IMAGE_INPUT_MB: '5' }).imageInputBudgetBytes).toBe(10 * 1024 * 1024);
      expect(loadAppConfig({ IMAGE_INPUT_BUDGET_MB: '100' }).imageInputBudgetBytes).toBe(100 * 1024 * 1024);
      expect(problems({ IMAGE_INPUT_MB: '20', IMAGE_INPUT_BUDGET_MB: '10' })).toEqual([expect.stringMatching(/^IMAGE_INPUT_BUDGET_MB \(10\) must be at least IMAGE_INPUT_MB \(20\)/)]);
    });

    it('reads IMAGE_INPUT_MB, 20 by default', () => {
      expect(loadAppConfig({}).imageInputBytes).toBe(20 * 1024 * 1024);
      expect(loadAppConfig({ IMAGE_INPUT_MB: '5' }).imageInputBytes).toBe(5 * 1024 * 1024);
      expect(problems({ IMAGE_INPUT_MB: 'lots' })).toEqual(['IMAGE_INPUT_MB must be a whole number']);
    });
  });
});

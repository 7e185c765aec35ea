// A stand-in for FriendliAI in tests: speaks the dedicated image protocol on 127.0.0.1 (backed by
// the local engine, so images are real), and a Friendli Container's too (/v1/images/generations and
// /edits: the engine serves both), records every request it receives, and plays faults injected by
// the test first. Run directly (`tsx server/test/friendli-test-server.ts`) it serves
// on $PORT with /__control endpoints, so a browser test in another process can inject faults too.
import type { ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { serve, type HttpBindings } from '@hono/node-server';
import { Hono } from 'hono';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { createMemoryImageStore } from '../image-store';
import { createLocalEngineApp } from '../local-engine/app';
import { createLocalEngine } from '../local-engine/engine';
import { GENERATIONS_PATH } from '../protocol/generations';

export interface Fault {
  /**
   * Which requests it applies to (a substring of the path); the dedicated generations endpoint by
   * default. `/v1/images/generations` matches both protocols' (a container test sends only to its own).
   */
  path?: string;
  /** Answer with this status and body instead of generating. */
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Wait this long before answering (or before generating, with no status). */
  delayMs?: number;
  /**
   * `hang`: never answer; `reset`: drop the connection; `malformed`: a 200 that is not JSON;
   * `cut`: a 200 whose body breaks off halfway; `huge`: a 200 of `size` bytes; `stream`: `size`
   * bytes sent chunked (no length), with `status` (200 by default), as a gzip bomb with `gzip`.
   */
  kind?: 'hang' | 'reset' | 'malformed' | 'cut' | 'huge' | 'stream';
  size?: number;
  gzip?: boolean;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
  at: number;
}

const MiB = 1024 * 1024;
/** One gzip member of 1 MiB of `A`s (about 1 KiB): repeated, members decompress one after another. */
let bombMember: Buffer | undefined;

/**
 * Writes `size` bytes (decompressed) chunk by chunk as the reader takes them; stops when it leaves.
 * Resolves true when the reader left before the end.
 */
async function streamBody(outgoing: ServerResponse, status: number, size: number, gzip: boolean): Promise<boolean> {
  outgoing.writeHead(status, { 'content-type': 'application/json', ...(gzip ? { 'content-encoding': 'gzip' } : {}) });
  const chunk = gzip ? (bombMember ??= gzipSync(Buffer.alloc(MiB, 'A'), { level: 9 })) : Buffer.alloc(64 * 1024, 'A');
  const perChunk = gzip ? MiB : chunk.byteLength;
  for (let sent = 0; sent < size && !outgoing.destroyed; sent += perChunk) {
    if (!outgoing.write(chunk)) {
      await new Promise<void>((resolve) => {
        const done = () => (outgoing.off('drain', done), outgoing.off('close', done), resolve());
        outgoing.on('drain', done).on('close', done);
      });
    }
  }
  if (outgoing.destroyed) return true;
  outgoing.end();
  return false;
}

/** A body with every long string (an image) replaced by a note of its length. */
export function withoutImages(value: unknown): unknown {
  if (typeof value === 'string') return value.length > 256 ? `<${value.length} characters>` : value;
  if (Array.isArray(value)) return value.map(withoutImages);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutImages(v)]));
  return value;
}

function createFriendliTestApp({ size = 64 } = {}) {
  const engine = createLocalEngine({ size, threads: 1 });
  const engineApp = createLocalEngineApp(engine, createMemoryImageStore({ maxBytes: 64 * 1024 * 1024 }));
  const faults: Fault[] = [];
  const requests: RecordedRequest[] = [];
  /** Live counts of requests being answered (a burst test reads the peak); streamed bodies the reader left. */
  const stats = { inFlight: 0, maxInFlight: 0, streamsLeft: 0 };

  const app = new Hono<{ Bindings: HttpBindings }>()
    .post('/__control/faults', async (c) => {
      faults.push(...((await c.req.json()) as Fault[]));
      return c.json({ queued: faults.length });
    })
    .get('/__control/requests', (c) => c.json({ requests, ...stats }))
    // The last `last` POST bodies (default 20), each image (a data: URL or an http URL) replaced by
    // its length, so a browser test can read `model`, `guidance_scale`… without megabytes of base64.
    .get('/__control/bodies', (c) => {
      const last = Math.max(1, Math.min(200, Number(c.req.query('last') ?? 20) || 20));
      return c.json(requests.filter((r) => r.method === 'POST' && !r.path.startsWith('/__control')).slice(-last).map((r) => ({ path: r.path, body: withoutImages(r.body) })));
    })
    .post('/__control/reset', (c) => {
      faults.length = 0;
      requests.length = 0;
      stats.maxInFlight = 0;
      return c.json({ ok: true });
    })
    .use(async (c, next) => {
      const path = c.req.path;
      const body = c.req.method === 'POST' ? await c.req.raw.clone().json().catch(() => undefined) : undefined;
      requests.push({ method: c.req.method, path, headers: Object.fromEntries(c.req.raw.headers), body, at: Date.now() });
      stats.inFlight++;
      stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
      try {
        const index = faults.findIndex((f) => path.includes(f.path ?? GENERATIONS_PATH));
        const fault = index >= 0 ? faults.splice(index, 1)[0] : undefined;
        if (fault?.delayMs) {
          // Like a real upstream, a request aborted mid-wait ends then (tests see that in stats).
          const signal = c.req.raw.signal;
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, fault.delayMs);
            signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
          });
          if (signal.aborted) return c.body(null, 499 as 200);
        }
        if (fault?.kind === 'hang') {
          await new Promise<void>((resolve) => c.req.raw.signal.addEventListener('abort', () => resolve(), { once: true }));
          return c.body(null, 499 as 200);
        }
        if (fault?.kind === 'reset') {
          c.env.incoming.socket.destroy();
          return c.body(null);
        }
        if (fault?.kind === 'malformed') return c.body('{"data": [{"seed": 1, "url": ', 200, { 'content-type': 'application/json' });
        if (fault?.kind === 'cut') {
          // Promise a body, send half of it, and drop the connection.
          const { outgoing } = c.env;
          outgoing.writeHead(200, { 'content-type': 'application/json', 'content-length': '4000' });
          outgoing.write('{"data": [{"seed": 1, "response_format": "png", "b64_json": "iVBORw0KGgo');
          setTimeout(() => outgoing.destroy(), 20);
          return RESPONSE_ALREADY_SENT;
        }
        if (fault?.kind === 'stream') {
          void streamBody(c.env.outgoing, fault.status ?? 200, fault.size ?? 400 * MiB, fault.gzip ?? false).then((left) => left && stats.streamsLeft++);
          return RESPONSE_ALREADY_SENT;
        }
        if (fault?.kind === 'huge') {
          const padding = 'A'.repeat(fault.size ?? 2 * 1024 * 1024);
          return c.body(`{"data": [{"seed": 1, "response_format": "png", "b64_json": "${padding}"}]}`, 200, { 'content-type': 'application/json' });
        }
        if (fault?.status) {
          const text = typeof fault.body === 'string' ? fault.body : JSON.stringify(fault.body ?? { detail: 'injected fault' });
          return c.body(text, fault.status as 200, { 'content-type': 'application/json', ...fault.headers });
        }
        await next();
      } finally {
        stats.inFlight--;
      }
    })
    .route('/', engineApp);

  return {
    app,
    requests,
    inject: (...more: Fault[]) => faults.push(...more),
    stats,
    close: () => engine.close(),
  };
}

export async function startFriendliTestServer(options: { size?: number; port?: number } = {}) {
  const testApp = createFriendliTestApp(options);
  const server = serve({ fetch: testApp.app.fetch, hostname: '127.0.0.1', port: options.port ?? 0 });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    ...testApp,
    url: `http://127.0.0.1:${port}`,
    async close() {
      // Connections a fault left hanging must not keep the test process alive.
      (server as import('node:http').Server).closeAllConnections?.();
      await new Promise((resolve) => server.close(resolve));
      await testApp.close();
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const server = await startFriendliTestServer({ port: Number(process.env.PORT ?? 8812), size: Number(process.env.SIZE ?? 256) });
  console.log(`Friendli-protocol test server at ${server.url}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

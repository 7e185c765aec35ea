// A round-robin HTTP proxy on loopback for tests of several studio instances: each request goes to
// the next instance in turn; one that cannot be reached, or that drops the connection before its
// answer, gets a 502 `proxy_backend_failed` (the client retries it: the next try goes to the next
// instance). Hand-written (node:http, ~100 lines) rather than http-proxy, which the project does not
// carry: a test needs to see each instance's requests in flight and to hold the next one bound for
// an instance (to kill that instance at a chosen moment), which a general proxy does not offer.
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';

export interface HeldRequest {
  /** Forwards the held request; `onSent` runs once it is written to the instance. Later ones follow. */
  release(onSent?: () => void): void;
}

export interface RoundRobinProxy {
  url: string;
  /** Requests forwarded to instance `index` whose answer has not ended. */
  inFlight(index: number): number;
  /** Requests answered 502 because their instance failed. */
  failures(): number;
  /** From now on, requests bound for instance `index` wait; resolves once the first is waiting. */
  holdNext(index: number): Promise<HeldRequest>;
  close(): Promise<void>;
}

export async function startRoundRobinProxy(targets: readonly string[]): Promise<RoundRobinProxy> {
  const active = targets.map(() => 0);
  let turn = 0;
  let failed = 0;
  let holding: { index: number; queue: (() => void)[]; onFirst: (held: HeldRequest) => void } | undefined;

  function forward(index: number, req: IncomingMessage, res: ServerResponse, onSent?: () => void) {
    const target = new URL(targets[index]!);
    active[index]!++;
    let done = false;
    const end = () => {
      if (!done) {
        done = true;
        active[index]!--;
      }
    };
    const fail = () => {
      end();
      failed++;
      if (!res.headersSent) {
        res.writeHead(502, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'proxy_backend_failed', message: `instance ${index} failed` } }));
      } else res.destroy();
    };
    const upstream = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, connection: 'close' }, agent: false },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        answer.once('end', end);
        answer.once('error', fail);
        answer.once('aborted', fail);
      },
    );
    let sent = false;
    const afterSend = () => {
      if (sent) return;
      sent = true;
      onSent?.();
    };
    upstream.once('finish', afterSend);
    upstream.once('error', () => {
      afterSend();
      fail();
    });
    req.pipe(upstream);
  }

  const server = createServer((req, res) => {
    const index = turn++ % targets.length;
    if (holding?.index === index) {
      const current = holding;
      current.queue.push(() => forward(index, req, res));
      if (current.queue.length === 1) {
        current.onFirst({
          release(onSent) {
            holding = undefined;
            // The first (this request) is sent, and onSent run, before the others are.
            const rest = current.queue.slice(1);
            forward(index, req, res, () => {
              onSent?.();
              for (const next of rest) next();
            });
          },
        });
      }
      return;
    }
    forward(index, req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    inFlight: (index) => active[index]!,
    failures: () => failed,
    holdNext: (index) => new Promise((resolve) => (holding = { index, queue: [], onFirst: resolve })),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

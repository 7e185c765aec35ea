// Graceful shutdown of the HTTP server on SIGTERM/SIGINT: new requests are refused with 503 (the
// app's draining guard) while those in flight finish, for up to the grace period; then it exits.
import type { Server } from 'node:http';
import type { Logger } from '../errors';

export interface ShutdownOptions {
  server: Server;
  /** How long requests in flight may still take; past it they are cut and the exit code is 1. */
  graceMs: number;
  /** Makes the app answer every new request with 503 `shutting_down`. */
  startDraining: () => void;
  /** Last cleanup (the engine's threads) before the process exits. */
  onClosed: () => Promise<void>;
  logger: Logger;
  exit?: (code: number) => void;
}

export function installGracefulShutdown({ server, graceMs, startDraining, onClosed, logger, exit = (code) => process.exit(code) }: ShutdownOptions) {
  let inFlight = 0;
  let stopping = false;
  let finished = false;

  async function finish(code: number) {
    if (finished) return;
    finished = true;
    server.close();
    server.closeAllConnections();
    await onClosed().catch(() => {});
    exit(code);
  }

  server.on('request', (_req, res) => {
    inFlight++;
    res.once('close', () => {
      inFlight--;
      if (stopping && inFlight === 0) void finish(0);
    });
  });

  function shutdown(signal: NodeJS.Signals) {
    if (stopping) {
      logger.warn('second signal: stopping now', { signal, in_flight: inFlight });
      void finish(1);
      return;
    }
    stopping = true;
    startDraining();
    logger.info('shutting down: finishing requests in flight, refusing new ones', { signal, in_flight: inFlight, grace_ms: graceMs });
    // The listening socket and kept-alive connections stay open until the end, so that a new
    // request gets a clear 503 with Retry-After (and `Connection: close`), not a refused connection.
    setTimeout(() => {
      logger.warn('grace period over: cutting the requests still in flight', { in_flight: inFlight, grace_ms: graceMs });
      void finish(1);
    }, graceMs).unref();
    if (inFlight === 0) void finish(0);
  }
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

// Limits concurrent upstream calls across every client of this server (the browser queue is not
// the only one): a few run, a bounded number wait their turn, and beyond that the answer is a
// clear "busy" at once rather than a pile-up or a hang.
// Hand-written, not p-queue (9.x; 10 needs Node 22) or p-limit: neither bounds its line, and p-limit
// cannot take a waiter out of it. p-queue's signal, once a task runs, settles add() early and frees
// the slot while the upstream call goes on; and it frees a slot a microtask after the finished caller
// resumes, so the next upstream call overlaps that caller's image download (app.test.ts' server-wide
// limit test then sees two calls at once). Here the slot is handed straight to the next in line.
import { AppError, CLIENT_CLOSED } from '../errors';

export function createLimiter({ concurrency, maxWaiting }: { concurrency: number; maxWaiting: number }) {
  let active = 0;
  const waiting: Array<() => void> = [];

  function release() {
    // Hand the slot straight to the next in line, so nobody can jump the queue in between.
    const next = waiting.shift();
    if (next) next();
    else active--;
  }

  return {
    async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
      if (active < concurrency) {
        active++;
      } else {
        if (waiting.length >= maxWaiting) {
          throw new AppError(503, 'busy', 'The studio server is busy with other images right now; try again in a moment.', { retryAfterSeconds: 2 });
        }
        await new Promise<void>((resolve, reject) => {
          const turn = () => {
            signal?.removeEventListener('abort', leave);
            resolve();
          };
          const leave = () => {
            waiting.splice(waiting.indexOf(turn), 1);
            reject(new AppError(CLIENT_CLOSED, 'cancelled', 'The request was cancelled while it waited its turn.'));
          };
          waiting.push(turn);
          signal?.addEventListener('abort', leave, { once: true });
        });
      }
      try {
        return await task();
      } finally {
        release();
      }
    },
    get active() {
      return active;
    },
    get waiting() {
      return waiting.length;
    },
  };
}

export type Limiter = ReturnType<typeof createLimiter>;

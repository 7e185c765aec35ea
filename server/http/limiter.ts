// Limits concurrent upstream calls across every client of this server (the browser queue is not
// the only one): a few run, a bounded number wait their turn, and beyond that the answer is a
// clear "busy" at once rather than a pile-up or a hang. Those who wait are served fairly: one line
// per endpoint, and within it one line per user, taken in turn (round-robin), so that one
// designer's single image starts after at most one job of each other designer's, never after
// another's whole 100-image plot. A waiter who leaves (cancel, closed tab) frees their place at once.
// Hand-written, not p-queue (9.x; 10 needs Node 22) or p-limit: neither bounds its line, nor takes
// a waiter out of it, nor serves by owner. The slot is handed straight to the next in line, so
// nobody can jump the queue in between (a p-queue slot frees a microtask late).
import { AppError, CLIENT_CLOSED } from '../errors';

/** Who waits, and for which endpoint's line ('' for either: one shared line). */
export interface Turn {
  user?: string;
  endpoint?: string;
}

interface Waiter {
  turn: () => void;
}

export function createLimiter({ concurrency, maxWaiting }: { concurrency: number; maxWaiting: number }) {
  let active = 0;
  let waiting = 0;
  // Map keeps insertion order: the first key is next; a line served goes to the back.
  const lines = new Map<string, Map<string, Waiter[]>>();
  // Per line, the user who was given a slot last (straight away or from the line).
  const lastServed = new Map<string, string>();

  function takeNext(): Waiter | undefined {
    const first = lines.entries().next();
    if (first.done) return undefined;
    const [endpoint, users] = first.value;
    lines.delete(endpoint);
    const [user, queue] = users.entries().next().value!;
    users.delete(user);
    const waiter = queue.shift()!;
    lastServed.set(endpoint, user);
    if (queue.length) users.set(user, queue);
    if (users.size) lines.set(endpoint, users);
    waiting--;
    return waiter;
  }

  function remove(endpoint: string, user: string, waiter: Waiter) {
    const queue = lines.get(endpoint)?.get(user);
    const at = queue?.indexOf(waiter) ?? -1;
    if (at < 0) return;
    queue!.splice(at, 1);
    waiting--;
    if (!queue!.length) lines.get(endpoint)!.delete(user);
    if (!lines.get(endpoint)!.size) lines.delete(endpoint);
  }

  function release() {
    // Hand the slot straight to the next in line, so nobody can jump the queue in between.
    const next = takeNext();
    if (next) next.turn();
    else active--;
  }

  return {
    async run<T>(task: () => Promise<T>, signal?: AbortSignal, { user = '', endpoint = '' }: Turn = {}): Promise<T> {
      if (active < concurrency) {
        active++;
        lastServed.set(endpoint, user);
      } else {
        if (waiting >= maxWaiting) {
          throw new AppError(503, 'busy', 'The studio server is busy with other images right now; try again in a moment.', { retryAfterSeconds: 2 });
        }
        await new Promise<void>((resolve, reject) => {
          const waiter: Waiter = {
            turn: () => {
              signal?.removeEventListener('abort', leave);
              resolve();
            },
          };
          const leave = () => {
            remove(endpoint, user, waiter);
            reject(new AppError(CLIENT_CLOSED, 'cancelled', 'The request was cancelled while it waited its turn.'));
          };
          const users = lines.get(endpoint) ?? new Map<string, Waiter[]>();
          lines.set(endpoint, users);
          let queue = users.get(user);
          if (!queue) {
            queue = [];
            // A user new to the line goes ahead of the one who was just served (whose next job
            // heads the line), so that they wait for at most that user's running job.
            const first = users.keys().next();
            if (!first.done && first.value === lastServed.get(endpoint) && first.value !== user) {
              const rest = [...users];
              users.clear();
              users.set(user, queue);
              for (const [u, q] of rest) users.set(u, q);
            } else users.set(user, queue);
          }
          queue.push(waiter);
          waiting++;
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
      return waiting;
    },
  };
}

export type Limiter = ReturnType<typeof createLimiter>;

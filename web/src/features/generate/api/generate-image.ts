// POST /api/generate; the caller's AbortSignal cancels it all the way upstream. The queue
// (stores/queue-store.ts) runs it, so that a burst keeps to the server's concurrency.
import type { GenerateRequest } from '@server/contract';
import { api, call } from '@/lib/api-client';

export const generateImage = (body: GenerateRequest, signal?: AbortSignal) =>
  call(api.generate.$post({ json: body }, { init: { signal } }));


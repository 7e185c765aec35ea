// The local engine's image pipeline: a pool of worker threads renders the pixels (one band of rows
// per thread, into one shared buffer); zlib (PNG, see png.ts) or sharp (JPEG, libvips) encodes them
// on libuv's thread pool, so the server's event loop stays free while it paints.
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import sharp from 'sharp';
import type { AdapterRoute } from './adapters';
import { CONTROL_PULL, SOURCE_PULL, foldGuides } from './guide';
import { encodeFilteredPng, filteredSize } from './png';
import type { RenderInput } from './render';
import type { AdaptPicture, RenderBand } from './worker';

export type Encoding = 'png' | 'jpeg';

export interface LocalEngineRequest {
  prompt: string;
  seed: number;
  num_inference_steps: number;
  encoding: Encoding;
  /** Classifier-free guidance; absent (or null) is the engine's default look. */
  guidance_scale?: number | null;
  /** An edit's source, as a luminance map (guide.ts' luminanceMap): the result follows its composition. */
  source?: Float32Array;
  /** Control images as luminance maps, each pulling the composition in proportion to its weight (0..1). */
  controls?: readonly { map: Float32Array; weight: number }[];
  /** A LoRA adapter route that restyles the picture. */
  adapter?: AdapterRoute;
}

/** The engine's worker queue is full: a clear, retryable "busy", told apart by type, not by text. */
export class EngineBusyError extends Error {
  readonly code = 'ENGINE_BUSY';
  constructor() {
    super('The local engine is busy with other images; try again in a moment.');
    this.name = 'EngineBusyError';
  }
}

export interface LocalEngine {
  readonly size: number;
  generate(request: LocalEngineRequest, signal?: AbortSignal): Promise<Buffer>;
  close(): Promise<void>;
}

/** Renders that may wait for a worker thread beyond those running; past that, EngineBusyError. */
const DEFAULT_MAX_QUEUE = 64;

export function createLocalEngine({ size = 1024, threads = availableParallelism(), maxQueue = DEFAULT_MAX_QUEUE } = {}): LocalEngine {
  // Started on first use, so a server that talks to FriendliAI never spawns these threads.
  let pool: Piscina | undefined;
  // From source (tsx, vitest) the worker is TypeScript, loaded through tsx; built (npm run build),
  // it is dist-server/worker.js beside this code, run by plain node.
  const built = !import.meta.url.endsWith('.ts');
  const workerUrl = new URL(built ? './worker.js' : './worker.ts', import.meta.url);
  return {
    size,
    async generate({ prompt, seed, num_inference_steps, encoding, guidance_scale, source, controls, adapter }, signal) {
      pool ??= new Piscina({
        filename: workerUrl.href,
        execArgv: built ? [] : ['--import', 'tsx'],
        maxThreads: Math.max(1, threads),
        minThreads: 1,
        idleTimeout: 60_000,
        // Bounded: a burst past it is refused at once rather than held in memory.
        maxQueue,
      });
      // Checked here, synchronously before run() enqueues, so a full queue has our own error type.
      if (pool.queueSize >= maxQueue) throw new EngineBusyError();
      const guide = foldGuides([
        ...(source ? [{ map: source, weight: SOURCE_PULL }] : []),
        ...(controls ?? []).map(({ map, weight }) => ({ map, weight: weight * CONTROL_PULL })),
      ]);
      const input: RenderInput = { prompt, seed, num_inference_steps, width: size, height: size };
      // Only set when used, so a plain generation's input (and its pixels) is exactly as before.
      if (guidance_scale != null) input.guidance_scale = guidance_scale;
      if (guide) input.guide = guide;
      // Every band is painted exactly as a whole picture would be, so the bytes do not depend on
      // how many threads share the work.
      const pixels = new SharedArrayBuffer(size * size * 3);
      const filtered = encoding === 'png' ? new SharedArrayBuffer(filteredSize(size, size)) : undefined;
      const bands = Math.max(1, Math.min(threads, size));
      await Promise.all(
        Array.from({ length: bands }, (_, i) => {
          // With an adapter the rows are filtered after it restyles the whole picture, not here.
          const band: RenderBand = { input, from: Math.floor((i * size) / bands), to: Math.floor(((i + 1) * size) / bands), pixels, filtered: adapter ? undefined : filtered };
          return pool!.run(band, { signal });
        }),
      );
      if (adapter) {
        // In a worker thread too: the event loop stays free while the whole picture is restyled.
        const task: AdaptPicture = { adapter, width: size, height: size, pixels, filtered };
        await pool.run(task, { signal });
      }
      if (filtered) return encodeFilteredPng(new Uint8Array(filtered), size, size);
      return sharp(Buffer.from(pixels), { raw: { width: size, height: size, channels: 3 } }).jpeg({ quality: 90 }).toBuffer();
    },
    async close() {
      await pool?.close({ force: true });
      pool = undefined;
    },
  };
}

// A finished job as gallery entries: the parameters each image was made with, as the server
// answered them (nothing re-joined from the request), and the job's prompt as typed and group, and
// the input images it was sent with (by hash: their bytes are in the input store already).
import type { GenerateResponse } from '@server/contract';
import type { GalleryEntry } from '@/lib/params';
import type { Job } from '@/features/generate/stores/queue-store';

export function entriesOf(job: Job, response: GenerateResponse, now: number): GalleryEntry[] {
  return response.images.map((image) => ({
    id: image.id,
    prompt: job.request.prompt,
    basePrompt: job.basePrompt,
    styles: job.styles,
    ...(job.group ? { group: job.group } : {}),
    ...(job.cell ? { cell: job.cell } : {}),
    num_inference_steps: image.num_inference_steps,
    seed: image.seed,
    response_format: image.response_format,
    engine: response.engine,
    endpoint: image.endpoint,
    adapter: image.adapter,
    guidance_scale: image.guidance_scale,
    ...(job.request.source ? { source: job.request.source } : {}),
    ...(job.request.controls?.length ? { controls: job.request.controls } : {}),
    createdAt: now,
    elapsedMs: response.elapsed_ms,
    mime: image.mime,
    width: image.width,
    height: image.height,
    bytes: image.bytes,
  }));
}

// The whole road on the local engine, with no upstream stand-in: /api/edit and /api/generate's new
// fields go through the app's routes, the one client and the engine in-process, and come back as
// stored images that follow what was asked.
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp, loadAppConfig } from './app';

const local = createApp({ config: loadAppConfig({ LOCAL_ENGINE_SIZE: '64', RATE_LIMIT_PER_MINUTE: '0' }) });
afterAll(() => local.engine.close());

const post = (path: string, body: unknown) => local.app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const bytesOf = async (response: Response) => {
  expect(response.status).toBe(200);
  const body = (await response.json()) as { images: { url: string; endpoint?: string; adapter?: string | null }[] };
  const image = await local.app.request(body.images[0]!.url);
  return { image: body.images[0]!, bytes: Buffer.from(await image.arrayBuffer()) };
};
const source = async (background: string) =>
  `data:image/png;base64,${(await sharp({ create: { width: 64, height: 64, channels: 3, background } }).composite([{ input: { create: { width: 32, height: 64, channels: 3, background: '#fff' } }, left: 0, top: 0 }]).png().toBuffer()).toString('base64')}`;

describe('the local engine through the app', () => {
  it('edits a source image: deterministic, following the source, restyled by an adapter route', async () => {
    const dark = await source('#000');
    const edit = { image: { image: dark }, prompt: 'make the sky violet', seed: 3, response_format: 'png' };
    const first = await bytesOf(await post('/api/edit', edit));
    expect(first.image).toMatchObject({ endpoint: 'local-engine' });
    expect((await bytesOf(await post('/api/edit', edit))).bytes.equals(first.bytes)).toBe(true);
    const other = await bytesOf(await post('/api/edit', { ...edit, image: { image: await source('#888') } }));
    expect(other.bytes.equals(first.bytes)).toBe(false);
    const blueprint = await bytesOf(await post('/api/edit', { ...edit, adapter: 'blueprint' }));
    expect(blueprint.bytes.equals(first.bytes)).toBe(false);
  });

  it('passes guidance and control images to the engine, and refuses an adapter the endpoint lacks', async () => {
    const plain = { prompt: 'a quiet harbour', seed: 8, response_format: 'png' };
    const base = await bytesOf(await post('/api/generate', plain));
    expect((await bytesOf(await post('/api/generate', { ...plain, guidance_scale: 15 }))).bytes.equals(base.bytes)).toBe(false);
    const control = { ...plain, control_images: [{ image: await source('#000') }] };
    expect((await bytesOf(await post('/api/generate', { ...control, controlnet_weights: [1] }))).bytes.equals(base.bytes)).toBe(false);
    expect((await bytesOf(await post('/api/generate', { ...control, controlnet_weights: [0] }))).bytes.equals(base.bytes)).toBe(true);
    const refused = await post('/api/generate', { ...plain, adapter: 'nope' });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/adapter/);
  });
});

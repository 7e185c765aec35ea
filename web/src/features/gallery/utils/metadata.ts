// Parameters carried inside downloaded files, so dropping one back restores the form.
// PNG: iTXt chunks named `parameters`, in the text convention other studios read ("<prompt>\nSteps:
// 4, Seed: 1234, ..."), and `friendli-studio`, the exact parameters as JSON. JPEG: the same two
// texts as COM (comment) segments. The PNG and JPEG walks live in png-text.ts and jpeg-comments.ts.
import type { GalleryEntry, ImageParams } from '@/lib/params';
import { pickParams } from '@/lib/schema';
import { iTxt, isPng, pngTexts, rewritePng } from './png-text';
import { isJpeg, jpegComments, rewriteJpeg } from './jpeg-comments';

export { DamagedImageError } from './png-text';

const JSON_KEY = 'friendli-studio';
const TEXT_KEY = 'parameters';
const KEYS = [JSON_KEY, TEXT_KEY];

export type EmbeddedMeta = ImageParams & Partial<Pick<GalleryEntry, 'engine' | 'endpoint' | 'width' | 'height'>>;

/** The text other studios write and read: the prompt, then one line of settings. */
export function parametersText(meta: EmbeddedMeta): string {
  const fields = [`Steps: ${meta.num_inference_steps}`, `Seed: ${meta.seed}`];
  if (meta.width && meta.height) fields.push(`Size: ${meta.width}x${meta.height}`);
  if (meta.endpoint) fields.push(`Model: ${meta.endpoint}`);
  if (meta.adapter) fields.push(`Adapter: ${meta.adapter}`);
  if (meta.guidance_scale !== undefined && meta.guidance_scale !== null) fields.push(`Guidance: ${meta.guidance_scale}`);
  if (meta.engine) fields.push(`Engine: ${meta.engine === 'local' ? 'local preview engine' : 'FriendliAI'}`);
  fields.push(`Format: ${meta.response_format}`);
  // What an edit or a controlled image was made from, by hash (the bytes are not in the file).
  if (meta.source) fields.push(`Edited from source sha256:${meta.source.hash}${meta.source.entryId ? ` (gallery entry ${meta.source.entryId})` : ''}`);
  meta.controls?.forEach((c, i) => fields.push(`Control image ${i + 1} sha256:${c.image.hash} weight ${c.weight}`));
  return `${meta.prompt}\n${fields.join(', ')}`;
}

/**
 * The JSON a file carries: the exact parameters (with the source and control images by reference),
 * and the parent entry named apart, so that a reader need not know how an InputRef looks.
 */
function metadataJson(meta: EmbeddedMeta): string {
  const parent = meta.source?.entryId;
  return JSON.stringify({ app: 'friendli-image-studio', version: 2, ...meta, ...(parent ? { parent } : {}) });
}

const isOurComment = (text: string) => KEYS.some((key) => text.startsWith(`${key}:`));

/** A copy of the image with the parameters embedded; earlier ones of ours are replaced. */
export function embedParameters(bytes: Uint8Array, meta: EmbeddedMeta): Uint8Array {
  // Files from earlier versions carry `steps` and `format` here; pickParams reads both.
  const json = metadataJson(meta);
  if (isPng(bytes)) return rewritePng(bytes, KEYS, [iTxt(TEXT_KEY, parametersText(meta)), iTxt(JSON_KEY, json)]);
  if (isJpeg(bytes)) return rewriteJpeg(bytes, isOurComment, [`${TEXT_KEY}:${parametersText(meta)}`, `${JSON_KEY}:${json}`]);
  throw new Error('Only PNG and JPEG files can carry parameters.');
}

/** The image as it was before `embedParameters`: our chunks or comments removed, all else as it was. */
export function stripParameters(bytes: Uint8Array): Uint8Array {
  if (isPng(bytes)) return rewritePng(bytes, KEYS);
  if (isJpeg(bytes)) return rewriteJpeg(bytes, isOurComment);
  return bytes;
}

/** Reads "prompt\nSteps: 4, Seed: 1234, ..." as other studios write it. */
function parseParametersText(text: string): Partial<ImageParams> {
  const lines = text.split('\n');
  const settingsAt = lines.findIndex((l) => /^Steps: \d+/.test(l));
  if (settingsAt < 1) return {};
  const settings = Object.fromEntries(
    lines[settingsAt]!.split(/,\s*/).map((pair) => {
      const i = pair.indexOf(':');
      return [pair.slice(0, i).trim().toLowerCase(), pair.slice(i + 1).trim()];
    }),
  );
  const prompt = lines.slice(0, settingsAt).join('\n').split('\nNegative prompt:')[0]!;
  return pickParams({ prompt, num_inference_steps: settings.steps, seed: settings.seed, response_format: settings.format, adapter: settings.adapter, guidance_scale: settings.guidance });
}

/** Our JSON and the text form, from a PNG's chunks or a JPEG's comments. */
function texts(bytes: Uint8Array): { json?: string; text?: string } {
  if (isPng(bytes)) {
    const found = pngTexts(bytes);
    return { json: found.get(JSON_KEY), text: found.get(TEXT_KEY) };
  }
  const out: { json?: string; text?: string } = {};
  if (!isJpeg(bytes)) return out;
  for (const comment of jpegComments(bytes)) {
    if (comment.startsWith(`${JSON_KEY}:`)) out.json = comment.slice(JSON_KEY.length + 1);
    else if (comment.startsWith(`${TEXT_KEY}:`)) out.text = comment.slice(TEXT_KEY.length + 1);
  }
  return out;
}

/** The parameters a file carries: ours exactly, else another studio's text; undefined if none. Throws DamagedImageError for a PNG that cannot be read. */
export function readParameters(bytes: Uint8Array): Partial<ImageParams> | undefined {
  const { json, text } = texts(bytes);
  if (json) {
    try {
      const params = pickParams(JSON.parse(json) as Record<string, unknown>);
      if (params.prompt) return params;
    } catch {
      // Fall through to the text form.
    }
  }
  const fromText = text ? parseParametersText(text) : {};
  return fromText.prompt ? fromText : undefined;
}

// Export and import of the gallery as one zip (fflate): every image, with its parameters embedded
// so each file stands alone, plus manifest.json with every entry's exact record. Import strips the
// embedded parameters again, so the bytes that come back are the bytes that were generated.
// The input images the entries were made from (an edit's source, control images) travel too, once
// each, as inputs/<sha-256>.<ext>, so an edit can be reproduced in another browser.
import { Inflate, strToU8, strFromU8, zipSync } from 'fflate';
import * as z from 'zod/mini';
import { INPUT_IMAGE_MAX_BYTES } from '@server/contract';
import { inputMemberSchema, manifestSchema, parseEntry, parsePlot, text } from '@/lib/schema';
import { hex, sniffMime } from '@/lib/input-images';
import type { GalleryEntry, ImageMime, InputRef } from '@/lib/params';
import type { PlotRecord } from '@/lib/plot';
import { downloadName } from './file-name';
import { embedParameters } from './metadata';

const MANIFEST = 'manifest.json';
const MiB = 1024 * 1024;
/** Compressed bytes inflated per step: at most ~1,000 times this can come out of one. */
const SLICE = 16 * 1024;

interface Manifest {
  app: 'friendli-image-studio';
  version: 1;
  exported_at: string;
  entries: (GalleryEntry & { file: string })[];
  /** The input images the entries name by hash (absent in zips from before edits). */
  inputs: InputMember[];
  /** The plots the entries' cells belong to, whole (absent in zips from before plots; older readers ignore it). */
  plots?: PlotRecord[];
}

interface InputMember {
  hash: string;
  mime: ImageMime;
  file: string;
}

/** An input image's bytes as stored (lib/input-images.ts), to be written once under its hash. */
export interface ArchiveInput {
  hash: string;
  mime: ImageMime;
  bytes: Uint8Array;
}

const EXTENSION: Record<ImageMime, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' };

/** The input images an entry was made from: its source, then its control images. */
export const inputRefs = (entry: GalleryEntry): InputRef[] => [...(entry.source ? [entry.source] : []), ...(entry.controls ?? []).map((c) => c.image)];

/** The ids of the plots whose cells are among these entries. */
export const plotIds = (entries: GalleryEntry[]) => [...new Set(entries.flatMap((e) => (e.group?.kind === 'plot' && e.cell ? [e.group.id] : [])))];

export function buildArchive(items: { entry: GalleryEntry; image: Uint8Array }[], inputs: ArchiveInput[] = [], plots: PlotRecord[] = []): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const manifest: Manifest = { app: 'friendli-image-studio', version: 1, exported_at: new Date().toISOString(), entries: [], inputs: [] };
  for (const { entry, image } of items) {
    let name = `images/${downloadName(entry, image)}`;
    // Two entries can share prompt, seed and steps (another format, another engine).
    for (let n = 2; files[name]; n++) name = `images/${downloadName(entry, image).replace(/(\.\w+)$/, `-${n}$1`)}`;
    files[name] = embedParameters(image, entry);
    manifest.entries.push({ ...entry, file: name });
  }
  for (const { hash, mime, bytes } of inputs) {
    const file = `inputs/${hash}.${EXTENSION[mime]}`;
    if (files[file]) continue;
    files[file] = bytes;
    manifest.inputs.push({ hash, mime, file });
  }
  if (plots.length) manifest.plots = plots;
  files[MANIFEST] = strToU8(JSON.stringify(manifest, null, 2));
  // Images are compressed already: storing them is as small and far faster.
  return zipSync(files, { level: 0 });
}

export class ArchiveError extends Error {}

export interface ArchiveLimits {
  /** Largest uncompressed image member, in bytes. */
  imageMax: number;
  /** Largest uncompressed manifest.json, in bytes. */
  manifestMax: number;
  /** Largest uncompressed input image member, in bytes (the API takes 50 MiB at most). */
  inputMax?: number;
}
const ARCHIVE_LIMITS = { imageMax: 64 * MiB, manifestMax: 16 * MiB, inputMax: INPUT_IMAGE_MAX_BYTES } satisfies ArchiveLimits;

/** More plot records than this in one manifest: the rest are counted as damaged, not read. */
const PLOTS_MAX = 1000;

/** An input image that failed: not the bytes its hash names, not an image, or past the cap. */
export class InputMemberError extends Error {}
const fileSchema = z.object({ file: text(1000) });

export interface OpenArchive {
  /** The manifest's valid records, each with the member that holds its image. */
  items: { entry: GalleryEntry; file: string }[];
  /** Manifest records that failed the entry schema, or name no member of the zip. */
  damaged: number;
  /** One member's image, inflated under the cap. Throws ArchiveError past the cap, Error if damaged. */
  readImage(file: string): Promise<Uint8Array>;
  /** The hashes of the input images this zip carries (valid records naming a member). */
  inputs: Set<string>;
  /** The manifest's valid plot records (each checked with the plot schema), and how many failed it. */
  plots: PlotRecord[];
  plotsDamaged: number;
  /**
   * One input image's bytes, inflated under its own cap and checked: a PNG, JPEG or WebP by its
   * magic number, whose SHA-256 is the hash it is filed under. Throws InputMemberError otherwise
   * (also past the cap): one input fails alone. Decoding and the 4096 px limit are the browser's
   * part (readInputImage).
   */
  readInput(hash: string): Promise<Uint8Array>;
}

/**
 * Opens an export: reads the zip's directory, then manifest.json (first, capped), and validates
 * every record with the gallery's own entry schema. Images are read later, one at a time.
 */
export async function openArchive(zip: Blob, limits: ArchiveLimits = ARCHIVE_LIMITS): Promise<OpenArchive> {
  const members = await readDirectory(zip);
  const manifestMember = members.get(MANIFEST);
  if (!manifestMember) throw new ArchiveError('This zip has no manifest.json: it was not exported from Friendli Image Studio.');
  const raw = await inflateMember(zip, manifestMember, limits.manifestMax).catch((err: unknown) => {
    throw err instanceof ArchiveError ? err : new ArchiveError('The manifest.json in this zip is damaged.');
  });
  let parsed: unknown;
  try {
    parsed = JSON.parse(strFromU8(raw));
  } catch {
    throw new ArchiveError('The manifest.json in this zip is damaged.');
  }
  const manifest = manifestSchema.safeParse(parsed);
  if (!manifest.success) throw new ArchiveError('This zip was not exported from Friendli Image Studio.');
  const items: OpenArchive['items'] = [];
  const taken = new Set<string>();
  let damaged = 0;
  for (const record of manifest.data.entries) {
    // Each member is read for one record only, and this cheap check runs before the schema: a small
    // zip whose manifest lists millions of records, or many naming one huge member, costs a pass
    // over the list, not a schema check or an inflate for each. At most one record per member
    // reaches the schema.
    const name = (record as { file?: unknown } | null)?.file;
    if (typeof name !== 'string' || name === MANIFEST || !members.has(name) || taken.has(name)) {
      damaged++;
      continue;
    }
    const file = fileSchema.safeParse(record);
    const entry = parseEntry(record);
    if (file.success && entry) {
      taken.add(name);
      items.push({ entry, file: name });
    } else damaged++;
  }
  const inputs = new Map<string, InputMember>();
  for (const record of manifest.data.inputs ?? []) {
    const input = inputMemberSchema.safeParse(record);
    // A record naming no member, the manifest or an image is ignored: entries that name its hash then count it as missing.
    if (input.success && members.has(input.data.file) && input.data.file !== MANIFEST && !taken.has(input.data.file)) inputs.set(input.data.hash, input.data);
  }
  const plots: PlotRecord[] = [];
  let plotsDamaged = 0;
  const plotRecords = manifest.data.plots ?? [];
  for (const [i, record] of plotRecords.entries()) {
    const plot = i < PLOTS_MAX ? parsePlot(record) : undefined;
    if (plot && !plots.some((p) => p.id === plot.id)) plots.push(plot);
    else plotsDamaged++;
  }
  return {
    items,
    damaged,
    plots,
    plotsDamaged,
    readImage: (file) => inflateMember(zip, members.get(file)!, limits.imageMax),
    inputs: new Set(inputs.keys()),
    readInput: async (hash) => {
      const input = inputs.get(hash);
      if (!input) throw new InputMemberError(`The input image ${hash.slice(0, 12)}… is not in this zip.`);
      let bytes: Uint8Array;
      try {
        bytes = await inflateMember(zip, members.get(input.file)!, limits.inputMax ?? ARCHIVE_LIMITS.inputMax);
      } catch (err) {
        throw new InputMemberError(err instanceof Error ? err.message : String(err));
      }
      if (!sniffMime(bytes)) throw new InputMemberError(`“${input.file}” is not a PNG, JPEG or WebP image.`);
      const digest = hex(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
      if (digest !== hash) throw new InputMemberError(`“${input.file}” is not the image its name says: its bytes are damaged.`);
      return bytes;
    },
  };
}

interface Member {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  offset: number;
}

const readBytes = async (blob: Blob, start: number, end: number) => new Uint8Array(await blob.slice(start, end).arrayBuffer());
const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
const notZip = () => new ArchiveError('This file is not a zip archive.');

/** The central directory: every member's name, method, sizes as declared, and where it starts. */
async function readDirectory(zip: Blob): Promise<Map<string, Member>> {
  const tailStart = Math.max(0, zip.size - 22 - 0xffff);
  const tail = await readBytes(zip, tailStart, zip.size);
  let eocd = -1;
  for (let at = tail.length - 22; at >= 0; at--) if (u32(tail, at) === 0x06054b50) { eocd = at; break; }
  if (eocd < 0) throw notZip();
  const count = u16(tail, eocd + 10);
  const dirSize = u32(tail, eocd + 12);
  const dirOffset = u32(tail, eocd + 16);
  if (dirOffset === 0xffffffff || count === 0xffff) throw new ArchiveError('This zip is in the ZIP64 format, which exports from the studio never use.');
  if (dirOffset + dirSize > zip.size || dirSize > 64 * MiB) throw notZip();
  const dir = await readBytes(zip, dirOffset, dirOffset + dirSize);
  const members = new Map<string, Member>();
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > dir.length || u32(dir, at) !== 0x02014b50) throw notZip();
    const nameLength = u16(dir, at + 28);
    const name = new TextDecoder().decode(dir.subarray(at + 46, at + 46 + nameLength));
    members.set(name, { name, method: u16(dir, at + 10), compressedSize: u32(dir, at + 20), size: u32(dir, at + 24), offset: u32(dir, at + 42) });
    at += 46 + nameLength + u16(dir, at + 30) + u16(dir, at + 32);
  }
  return members;
}

const tooLarge = (name: string, max: number) =>
  new ArchiveError(`“${name}” in this zip expands to more than ${max >= MiB ? `${Math.round(max / MiB)} MiB` : `${Math.round(max / 1024)} KiB`}, more than anything the studio exports, so it was refused.`);

/** One member's bytes, inflated a slice at a time and counted as they come; refused past `max`. */
async function inflateMember(zip: Blob, member: Member, max: number): Promise<Uint8Array> {
  // The declared size first: a member that admits to being too large is not even read.
  if (member.size > max) throw tooLarge(member.name, max);
  if (member.method !== 0 && member.method !== 8) throw new Error(`unknown compression method ${member.method}`);
  const header = await readBytes(zip, member.offset, member.offset + 30);
  if (header.length < 30 || u32(header, 0) !== 0x04034b50) throw new Error('member header missing');
  const start = member.offset + 30 + u16(header, 26) + u16(header, 28);
  const parts: Uint8Array[] = [];
  let size = 0;
  let ended = member.method === 0;
  const take = (chunk: Uint8Array) => {
    size += chunk.length;
    if (size > max) throw tooLarge(member.name, max);
    parts.push(chunk);
  };
  const inflate = new Inflate((chunk, final) => {
    take(chunk);
    if (final) ended = true;
  });
  const reader = zip.slice(start, start + member.compressedSize).stream().getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      // Small slices: one push can only expand so far before the count above is checked again.
      for (let at = 0; at < value.length; at += SLICE) {
        const slice = value.subarray(at, at + SLICE);
        if (member.method === 0) take(slice);
        else inflate.push(slice);
      }
    }
    if (member.method === 8) inflate.push(new Uint8Array(0), true);
  } catch (err) {
    await reader.cancel().catch(() => undefined);
    throw err instanceof ArchiveError ? err : new Error(`“${member.name}” is damaged`);
  }
  if (!ended || size !== member.size) throw new Error(`“${member.name}” is damaged`);
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) out.set(p, (at += p.length) - p.length);
  return out;
}

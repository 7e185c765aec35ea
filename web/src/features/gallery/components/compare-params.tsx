// One compared entry's parameters, with what differs from the reference (the first) highlighted:
// prompt words added and removed, and each setting that changed, edits' sources and parents too.
import type { GalleryEntry } from '@/lib/params';
import { diffWords } from '@/features/gallery/utils/word-diff';

const guidance = (g: number | null | undefined) => (g === undefined || g === null ? 'model default' : String(g));
/** A source by the start of its hash: enough to tell two apart at a glance. */
const source = (e: GalleryEntry) => (e.source ? `${e.source.hash.slice(0, 12)}… (${e.source.width}×${e.source.height})` : 'none');

/** `describe` names an entry (a parent) for a reader: its prompt, or that it is not in the gallery. */
export function Params({ entry, reference, describe }: { entry: GalleryEntry; reference: GalleryEntry; describe(id: string): string }) {
  const diff = diffWords(reference.prompt, entry.prompt);
  const isReference = entry === reference;
  const parent = (e: GalleryEntry) => (e.source?.entryId ? describe(e.source.entryId) : e.source ? 'a file' : 'none');
  const field = (label: string, value: string, other: string) => (
    <p className={!isReference && value !== other ? 'rounded bg-amber-100 px-1 font-semibold text-amber-900 dark:bg-amber-900/50 dark:text-amber-100' : ''}>
      {label}: {value}
    </p>
  );
  return (
    <div className="flex flex-col gap-1 text-xs">
      <p className="leading-relaxed whitespace-pre-wrap">
        {isReference
          ? entry.prompt
          : diff.tokens.map((t, i) => (t.added ? <ins key={i} className="rounded bg-emerald-200 px-0.5 no-underline dark:bg-emerald-800">{t.text}</ins> : <span key={i}>{t.text}</span>))}
        {!isReference && diff.removed.map((w) => <del key={w} className="ml-1 rounded bg-red-200 px-0.5 dark:bg-red-900">{w}</del>)}
      </p>
      {field('Steps', String(entry.num_inference_steps), String(reference.num_inference_steps))}
      {field('Seed', String(entry.seed), String(reference.seed))}
      {field('Format', entry.response_format, reference.response_format)}
      {field('Engine', entry.engine, reference.engine)}
      {field('Endpoint', entry.endpoint ?? '—', reference.endpoint ?? '—')}
      {field('Adapter', entry.adapter ?? 'none', reference.adapter ?? 'none')}
      {field('Guidance', guidance(entry.guidance_scale), guidance(reference.guidance_scale))}
      {field('Source', source(entry), source(reference))}
      {field('Parent', parent(entry), parent(reference))}
    </div>
  );
}

// One compared entry's parameters, with what differs from the reference (the first) highlighted:
// prompt words added and removed, and each setting that changed.
import type { GalleryEntry } from '@/lib/params';
import { diffWords } from '@/features/gallery/utils/word-diff';

export function Params({ entry, reference }: { entry: GalleryEntry; reference: GalleryEntry }) {
  const diff = diffWords(reference.prompt, entry.prompt);
  const isReference = entry === reference;
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
    </div>
  );
}

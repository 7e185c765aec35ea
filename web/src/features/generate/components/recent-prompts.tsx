// Earlier prompts to recall with one click (or ArrowUp/ArrowDown in the prompt); star one to keep it.
import { useFormStore } from '@/features/generate/stores/form-store';

export function RecentPrompts() {
  const recent = useFormStore((s) => s.recent);
  const starred = useFormStore((s) => s.starred);
  const setPrompt = useFormStore((s) => s.setPrompt);
  const toggleStar = useFormStore((s) => s.toggleStar);
  if (recent.length === 0) return null;
  const ordered = [...recent.filter((p) => starred.includes(p)), ...recent.filter((p) => !starred.includes(p))];
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-xs text-zinc-600 dark:text-zinc-400">Recent prompts ({recent.length})</summary>
      <ul aria-label="Recent prompts" className="mt-2 flex max-h-56 flex-col gap-1 overflow-y-auto">
        {ordered.map((prompt) => {
          const on = starred.includes(prompt);
          return (
            <li key={prompt} className="flex items-start gap-1">
              <button type="button" aria-pressed={on} aria-label={`${on ? 'Unstar' : 'Star'} prompt: ${prompt}`} onClick={() => toggleStar(prompt)} className={`px-1 ${on ? 'text-amber-500' : 'text-zinc-400 hover:text-amber-500'}`}>
                {on ? '★' : '☆'}
              </button>
              <button type="button" onClick={() => setPrompt(prompt)} className="line-clamp-2 flex-1 rounded px-1 text-left text-xs hover:bg-zinc-100 dark:hover:bg-zinc-800">
                {prompt}
              </button>
            </li>
          );
        })}
      </ul>
    </details>
  );
}

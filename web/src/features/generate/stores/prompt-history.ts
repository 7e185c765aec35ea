// The prompts a designer used (newest first, at most MAX_RECENT unstarred) and the ones starred.
const MAX_RECENT = 30;

/** `recent` with `prompt` first; the oldest unstarred prompts beyond the limit dropped, starred ones kept. */
export function remembered(recent: string[], starred: string[], prompt: string): string[] {
  const out = [prompt, ...recent.filter((p) => p !== prompt)];
  while (out.length > MAX_RECENT) {
    const i = out.findLastIndex((p) => !starred.includes(p));
    if (i < 0) break;
    out.splice(i, 1);
  }
  return out;
}

/** The name in the list, or out of it. */
export const toggled = (list: string[], name: string) => (list.includes(name) ? list.filter((n) => n !== name) : [...list, name]);

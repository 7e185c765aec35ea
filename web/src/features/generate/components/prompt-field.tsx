import { useRef } from 'react';
import { PROMPT_MAX_LENGTH } from '@server/contract';
import { useFormStore } from '@/features/generate/stores/form-store';
import { inputClass, labelClass } from './field';

/** Ctrl+Enter or Cmd+Enter submits the form a text field is in. */
export function submitOnCtrlEnter(e: React.KeyboardEvent<HTMLTextAreaElement>) {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    e.currentTarget.form?.requestSubmit();
  }
}

/**
 * The prompt. ArrowUp on its first line steps back through recent prompts, ArrowDown on its last
 * line forward, one press a step, as a shell's history does; past the newest comes the draft that
 * was being written, kept aside when the first ArrowUp left it.
 */
export function PromptField() {
  const prompt = useFormStore((s) => s.prompt);
  const setPrompt = useFormStore((s) => s.setPrompt);
  // -1: the draft is shown; otherwise the index in `recent` of the prompt recalled.
  const history = useRef({ at: -1, draft: '' });
  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex items-baseline justify-between">
        <label htmlFor="prompt" className={labelClass}>Prompt</label>
        <span className="text-xs text-zinc-500">{prompt.length > PROMPT_MAX_LENGTH * 0.8 ? `${prompt.length}/${PROMPT_MAX_LENGTH}` : 'Ctrl+Enter to generate'}</span>
      </div>
      <textarea
        id="prompt"
        value={prompt}
        maxLength={PROMPT_MAX_LENGTH}
        rows={5}
        placeholder="A lighthouse on a cliff at dusk, warm light, mist over the sea"
        onChange={(e) => {
          // Editing makes what is shown the draft.
          history.current.at = -1;
          setPrompt(e.target.value);
        }}
        onKeyDown={(e) => {
          submitOnCtrlEnter(e);
          const el = e.currentTarget;
          if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || el.selectionStart !== el.selectionEnd) return;
          // The store's prompt, not this render's: keys pressed faster than React renders (a held
          // arrow key, a busy machine) each see the step before them.
          const { recent, prompt } = useFormStore.getState();
          const h = history.current;
          // A prompt recalled and then changed elsewhere (a click in the list, Reuse) ends the walk.
          if (h.at >= 0 && recent[h.at] !== prompt) h.at = -1;
          const firstLine = !prompt.slice(0, el.selectionStart).includes('\n');
          const lastLine = !prompt.slice(el.selectionEnd).includes('\n');
          // From a draft that is the newest prompt itself (just generated), the first step goes past it.
          const older = h.at === -1 && recent[0] === prompt ? 1 : h.at + 1;
          if (e.key === 'ArrowUp' && firstLine && older < recent.length) {
            e.preventDefault();
            if (h.at === -1) h.draft = prompt;
            h.at = older;
            setPrompt(recent[h.at]!);
          } else if (e.key === 'ArrowDown' && lastLine && h.at >= 0) {
            e.preventDefault();
            h.at--;
            setPrompt(h.at === -1 ? h.draft : recent[h.at]!);
          }
        }}
        className={`${inputClass} resize-y leading-relaxed`}
      />
    </div>
  );
}

/**
 * Puts the caret in the prompt with its text selected, so that what the designer types next
 * replaces it (after Edit from the gallery: the instruction is the edit's own prompt).
 */
export function focusPrompt() {
  const el = document.getElementById('prompt');
  if (!(el instanceof HTMLTextAreaElement)) return;
  el.focus();
  el.select();
}

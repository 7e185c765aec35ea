import { PROMPT_MAX_LENGTH } from '../../../../../server/contract';
import { useFormStore } from '../stores/form-store';
import { inputClass, labelClass } from './field';

/** The prompt; Ctrl+Enter or Cmd+Enter submits its form. */
export function PromptField() {
  const prompt = useFormStore((s) => s.prompt);
  const setPrompt = useFormStore((s) => s.setPrompt);
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
        onChange={(e) => setPrompt(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            e.currentTarget.form?.requestSubmit();
          }
          // ArrowUp at the very start recalls the previous prompt; ArrowDown at the end the next.
          const el = e.currentTarget;
          const { recent } = useFormStore.getState();
          const at = recent.indexOf(prompt);
          if (e.key === 'ArrowUp' && el.selectionStart === 0 && el.selectionEnd === 0 && recent.length) {
            const older = recent[Math.min(recent.length - 1, at + 1)];
            if (older !== undefined) (e.preventDefault(), setPrompt(older));
          } else if (e.key === 'ArrowDown' && el.selectionStart === prompt.length && at > 0) {
            e.preventDefault();
            setPrompt(recent[at - 1]!);
          }
        }}
        className={`${inputClass} resize-y leading-relaxed`}
      />
    </div>
  );
}

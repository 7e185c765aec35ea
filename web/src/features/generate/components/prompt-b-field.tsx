// Prompt B of an A/B run: its own subscription, so typing in it re-renders only this field.
import { useFormStore } from '@/features/generate/stores/form-store';
import { inputClass, labelClass } from './field';
import { submitOnCtrlEnter } from './prompt-field';

export function PromptBField() {
  const promptB = useFormStore((s) => s.promptB);
  const setPromptB = useFormStore((s) => s.setPromptB);
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor="prompt-b" className={labelClass}>Prompt B</label>
      <textarea id="prompt-b" rows={3} value={promptB} onChange={(e) => setPromptB(e.target.value)} onKeyDown={submitOnCtrlEnter} className={`${inputClass} resize-y`} />
    </div>
  );
}

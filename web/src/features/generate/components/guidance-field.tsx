// guidance_scale: a slider over the endpoint's range, or the model's own default (then not sent;
// the slider stays visible, disabled, at the default the endpoint reports).
import type { GuidanceRange } from '@server/contract';
import { useFormStore } from '@/features/generate/stores/form-store';
import { RangeField } from './range-field';

/** Half steps over a wide range, finer over a narrow one (a range of 0–2 still gets 20 stops). */
export const guidanceStep = ({ min, max }: GuidanceRange) => (max - min >= 5 ? 0.5 : 0.1);

/** `guidance_scale`: what is sent (null: the model's default, shown at the range's default). */
export function GuidanceField({ range, guidance_scale }: { range: GuidanceRange; guidance_scale: number | null }) {
  const setGuidanceScale = useFormStore((s) => s.setGuidanceScale);
  const setModelDefault = useFormStore((s) => s.setModelDefaultGuidance);
  const modelDefault = guidance_scale === null;
  const shown = guidance_scale ?? range.default;
  return (
    <RangeField id="guidance" label="Guidance scale" said={modelDefault ? `default (${shown})` : shown} min={range.min} max={range.max} step={guidanceStep(range)} value={shown} disabled={modelDefault} onChange={setGuidanceScale} ends={['loose', 'follows the prompt closely']}>
      <label className="flex items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300">
        <input type="checkbox" checked={modelDefault} onChange={(e) => setModelDefault(e.target.checked)} className="accent-violet-600" />
        Use model default guidance
      </label>
    </RangeField>
  );
}

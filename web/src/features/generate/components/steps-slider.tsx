import type { StepRange } from '@server/contract';
import { RangeField } from './range-field';

export function StepsSlider({ range, value, onChange }: { range: StepRange; value: number; onChange(steps: number): void }) {
  return <RangeField id="steps" label="Steps" said={value} min={range.min} max={range.max} step={1} value={value} onChange={onChange} ends={['fast, rough', 'slow, clean']} />;
}

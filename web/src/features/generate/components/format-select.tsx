import type { ResponseFormat } from '@/lib/params';
import { inputClass, labelClass } from './field';

const DESCRIPTIONS: Record<ResponseFormat, string> = {
  url: 'url (the API default)',
  raw: 'raw',
  png: 'png',
  jpeg: 'jpeg',
  jpg: 'jpg',
};

export function FormatSelect({ formats, value, onChange }: { formats: ResponseFormat[]; value: ResponseFormat; onChange(format: ResponseFormat): void }) {
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor="format" className={labelClass}>Format</label>
      <select id="format" value={value} onChange={(e) => onChange(e.target.value as ResponseFormat)} className={inputClass}>
        {formats.map((f) => (
          <option key={f} value={f}>{DESCRIPTIONS[f]}</option>
        ))}
      </select>
    </div>
  );
}

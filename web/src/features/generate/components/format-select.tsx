// The response format. Every format of the protocol is listed; those the chosen endpoint does not
// answer with (a Friendli Container: raw and jpeg only) are disabled, and a line under the select
// says why, so nothing chosen is silently changed on the way.
import type { EndpointInfo } from '@server/contract';
import { RESPONSE_FORMATS, type ResponseFormat } from '@/lib/params';
import { inputClass, labelClass } from './field';

const DESCRIPTIONS: Record<ResponseFormat, string> = {
  url: 'url (the API default)',
  raw: 'raw',
  png: 'png',
  jpeg: 'jpeg',
  jpg: 'jpg',
};

/** Why some formats are disabled for this endpoint, or null when it takes them all. */
export function formatsNote(endpoint: EndpointInfo): string | null {
  const missing = RESPONSE_FORMATS.filter((f) => !endpoint.formats.includes(f));
  if (!missing.length) return null;
  const what = endpoint.kind === 'container' ? `${endpoint.name} is a Friendli Container` : endpoint.name;
  return `${what}: it answers with ${endpoint.formats.join(' or ')} only (no ${missing.join(', ')}).`;
}

export function FormatSelect({ endpoint, value, onChange }: { endpoint: EndpointInfo; value: ResponseFormat; onChange(format: ResponseFormat): void }) {
  const note = formatsNote(endpoint);
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor="format" className={labelClass}>Format</label>
      <select id="format" value={value} onChange={(e) => onChange(e.target.value as ResponseFormat)} className={inputClass} aria-describedby={note ? 'format-note' : undefined}>
        {RESPONSE_FORMATS.map((f) => (
          <option key={f} value={f} disabled={!endpoint.formats.includes(f)}>
            {DESCRIPTIONS[f]}
          </option>
        ))}
      </select>
      {note && (
        <p id="format-note" className="text-xs text-zinc-600 dark:text-zinc-400">
          {note}
        </p>
      )}
    </div>
  );
}

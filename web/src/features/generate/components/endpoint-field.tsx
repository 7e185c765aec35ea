// Which endpoint Generate sends to (when the server lists more than one) and its LoRA adapter
// (when it has any). What the endpoint supports decides the rest of the form (resolve-form.ts).
import type { EndpointInfo } from '@server/contract';
import { useFormStore } from '@/features/generate/stores/form-store';
import { inputClass, labelClass } from './field';

export function EndpointField({ endpoints, endpoint, adapter }: { endpoints: EndpointInfo[]; endpoint: EndpointInfo; adapter: string | null }) {
  const setEndpoint = useFormStore((s) => s.setEndpoint);
  const setAdapter = useFormStore((s) => s.setAdapter);
  if (endpoints.length < 2 && endpoint.adapters.length === 0) return null;
  return (
    <div className="grid grid-cols-2 gap-3">
      {endpoints.length > 1 && (
        <div className="flex min-w-0 flex-col gap-1.5">
          <label htmlFor="endpoint" className={labelClass}>Endpoint</label>
          <select id="endpoint" value={endpoint.id} onChange={(e) => setEndpoint(e.target.value)} className={inputClass}>
            {endpoints.map((e) => (
              <option key={e.id} value={e.id}>{e.name}</option>
            ))}
          </select>
        </div>
      )}
      {endpoint.adapters.length > 0 && (
        <div className="flex min-w-0 flex-col gap-1.5">
          <label htmlFor="adapter" className={labelClass}>Adapter</label>
          <select id="adapter" value={adapter ?? ''} onChange={(e) => setAdapter(e.target.value || null)} className={inputClass}>
            <option value="">None</option>
            {endpoint.adapters.map((route) => (
              <option key={route} value={route}>{route}</option>
            ))}
          </select>
        </div>
      )}
    </div>
  );
}

// Which engine answers: always visible, and plain about what the local engine is; on FriendliAI
// with several endpoints, the one the form sends to (and its adapter, when one is chosen), and
// whether it is a team's own Friendli Container.
import { useConfig } from '@/features/generate/api/get-config';
import { useFormLoad, useFormStore } from '@/features/generate/stores/form-store';

export function EngineBadge() {
  const { data: config } = useConfig();
  const chosen = useFormStore((s) => s.endpoint);
  const adapter = useFormStore((s) => s.adapter);
  const loaded = useFormLoad((s) => s.loaded !== 'pending');
  if (!config) return null;
  if (config.engine === 'friendli') {
    // It names what the form chose: once the stored draft says so (never the first endpoint meanwhile).
    if (!loaded) return null;
    const several = config.endpoints.length > 1;
    const current = config.endpoints.find((e) => e.id === chosen) ?? config.endpoints[0];
    const endpoint = several ? current!.name : config.endpoint;
    // The LoRA adapter too, when one is chosen: the badge names what Generate sends to.
    const route = adapter && current?.adapters.includes(adapter) ? adapter : null;
    return (
      <p className="rounded-full bg-emerald-100 px-3 py-1 text-xs font-medium text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200">
        {current?.kind === 'container' ? 'Friendli Container' : 'FriendliAI'}{endpoint ? ` · endpoint ${endpoint}` : ''}{route ? ` · adapter ${route}` : ''}
      </p>
    );
  }
  return (
    <p className="max-w-md text-right text-xs text-zinc-600 dark:text-zinc-400">
      <span className="mr-1 rounded-full bg-amber-100 px-2 py-0.5 font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-200">Local engine</span>
      An offline preview engine, not an AI model. To use FriendliAI, start the server with FRIENDLI_TOKEN and FRIENDLI_ENDPOINT_ID (or a FRIENDLI_ENDPOINTS list) set.
    </p>
  );
}

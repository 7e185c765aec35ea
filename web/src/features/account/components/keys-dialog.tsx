// A user's API keys for scripts and SDKs (`Authorization: Bearer fis_…`): a new key is shown once,
// here, and never again; a key can be revoked.
import { useState, type FormEvent } from 'react';
import { useApiKeys, useKeyActions } from '../api/session';
import { DialogFrame, ErrorText, fieldClass, primaryClass, secondaryClass } from './dialog-frame';

export function KeysDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const keys = useApiKeys(open);
  const { create, revoke } = useKeyActions();
  const [name, setName] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(name, { onSuccess: () => setName('') });
  };
  const close = () => {
    create.reset();
    onClose();
  };
  return (
    <DialogFrame open={open} onClose={close} title="API keys">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Scripts and SDKs send a key as <code>Authorization: Bearer …</code>, to <code>/api</code> or to the local engine’s protocol under <code>/local</code>. A key acts as you.
      </p>
      <form onSubmit={submit} className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col gap-1 text-sm font-medium">
          New key’s name
          <input className={fieldClass} value={name} onChange={(e) => setName(e.target.value)} required maxLength={64} placeholder="e.g. nightly batch" />
        </label>
        <button type="submit" className={primaryClass} disabled={create.isPending}>
          Create key
        </button>
      </form>
      <ErrorText error={create.error ?? revoke.error} />
      {create.data && (
        <div role="status" className="flex flex-col gap-1 rounded-lg border border-emerald-300 bg-emerald-50 p-3 text-sm dark:border-emerald-800 dark:bg-emerald-950/40">
          <p className="font-medium">Copy this key now: it is not shown again.</p>
          <code className="break-all select-all" aria-label="New API key">
            {create.data.key}
          </code>
        </div>
      )}
      {keys.data && keys.data.keys.length === 0 && <p className="text-sm text-zinc-500">No keys yet.</p>}
      {keys.data && keys.data.keys.length > 0 && (
        <ul aria-label="Your API keys" className="flex flex-col divide-y divide-zinc-200 dark:divide-zinc-800">
          {keys.data.keys.map((k) => (
            <li key={k.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
              <span>
                <span className="font-medium">{k.name}</span> <code className="text-zinc-500">{k.prefix}…</code>
                <span className="block text-xs text-zinc-500">
                  made {new Date(k.created_at).toLocaleDateString()} · {k.last_used_at ? `last used ${new Date(k.last_used_at).toLocaleString()}` : 'never used'}
                </span>
              </span>
              <button type="button" className={secondaryClass} onClick={() => revoke.mutate(k.id)} disabled={revoke.isPending} aria-label={`Revoke ${k.name}`}>
                Revoke
              </button>
            </li>
          ))}
        </ul>
      )}
      <ErrorText error={keys.error} />
    </DialogFrame>
  );
}

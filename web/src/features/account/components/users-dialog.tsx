// The admin's Users page: add an account, change a role, disable or enable (disabling ends every
// session and key at once), set a new password, and each user's limits (blank: the default).
import { useState, type FormEvent } from 'react';
import { useUserActions, useUsers, type UserChange } from '../api/session';
import { DialogFrame, ErrorText, fieldClass, primaryClass, secondaryClass } from './dialog-frame';

type Limit = 'max_in_flight' | 'images_per_minute' | 'images_per_day';
const LIMITS: [Limit, string][] = [
  ['max_in_flight', 'In flight'],
  ['images_per_minute', 'Per minute'],
  ['images_per_day', 'Per day'],
];

function AddUser() {
  const { add } = useUserActions();
  const [name, setName] = useState('');
  const [role, setRole] = useState<'designer' | 'admin'>('designer');
  const [password, setPassword] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate({ name, role, password }, { onSuccess: () => (setName(''), setPassword('')) });
  };
  return (
    <form onSubmit={submit} aria-label="Add a user" className="flex flex-wrap items-end gap-2">
      <label className="flex flex-col gap-1 text-sm font-medium">
        Name
        <input className={fieldClass} value={name} onChange={(e) => setName(e.target.value)} required maxLength={64} autoComplete="off" />
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium">
        Role
        <select className={fieldClass} value={role} onChange={(e) => setRole(e.target.value as 'designer' | 'admin')}>
          <option value="designer">designer</option>
          <option value="admin">admin</option>
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium">
        Password
        <input className={fieldClass} type="password" value={password} onChange={(e) => setPassword(e.target.value)} required minLength={10} maxLength={256} autoComplete="new-password" />
      </label>
      <button type="submit" className={primaryClass} disabled={add.isPending}>
        Add user
      </button>
      <div className="basis-full">
        <ErrorText error={add.error} />
      </div>
    </form>
  );
}

export function UsersDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const users = useUsers(open);
  const { change } = useUserActions();
  const apply = (id: string, c: UserChange) => change.mutate({ id, change: c });
  const setLimit = (id: string, key: Limit, text: string) => {
    const value = text.trim() === '' ? null : Number(text);
    if (value === null || (Number.isInteger(value) && value >= 0)) apply(id, { [key]: value });
  };
  const newPassword = (id: string, name: string) => {
    const password = window.prompt(`New password for ${name} (at least 10 characters). Their sessions end.`);
    if (password) apply(id, { password });
  };
  return (
    <DialogFrame open={open} onClose={onClose} title="Users">
      <AddUser />
      <ErrorText error={change.error ?? users.error} />
      {users.data && (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">The studio’s users</caption>
            <thead className="text-left text-xs text-zinc-500">
              <tr>
                <th className="py-1 pr-2 font-medium">Name</th>
                <th className="py-1 pr-2 font-medium">Role</th>
                <th className="py-1 pr-2 font-medium">Status</th>
                {LIMITS.map(([, label]) => (
                  <th key={label} className="py-1 pr-2 font-medium">
                    {label}
                  </th>
                ))}
                <th className="py-1 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
              {users.data.users.map((u) => (
                <tr key={u.id} className={u.disabled ? 'text-zinc-400' : ''}>
                  <td className="py-1.5 pr-2 font-medium">{u.name}</td>
                  <td className="py-1.5 pr-2">
                    <select aria-label={`Role of ${u.name}`} className={fieldClass} value={u.role} onChange={(e) => apply(u.id, { role: e.target.value as 'admin' | 'designer' })}>
                      <option value="designer">designer</option>
                      <option value="admin">admin</option>
                    </select>
                  </td>
                  <td className="py-1.5 pr-2">{u.disabled ? 'Disabled' : 'Active'}</td>
                  {LIMITS.map(([key, label]) => (
                    <td key={key} className="py-1.5 pr-2">
                      <input
                        aria-label={`${label} limit of ${u.name}`}
                        className={`${fieldClass} w-20`}
                        inputMode="numeric"
                        defaultValue={u[key] ?? ''}
                        placeholder="default"
                        onBlur={(e) => e.target.value !== String(u[key] ?? '') && setLimit(u.id, key, e.target.value)}
                      />
                    </td>
                  ))}
                  <td className="flex flex-wrap gap-1 py-1.5">
                    <button type="button" className={secondaryClass} onClick={() => newPassword(u.id, u.name)}>
                      New password
                    </button>
                    <button type="button" className={secondaryClass} onClick={() => apply(u.id, { disabled: !u.disabled })}>
                      {u.disabled ? 'Enable' : 'Disable'}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </DialogFrame>
  );
}

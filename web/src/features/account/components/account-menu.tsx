// The signed-in user in the header (with accounts): their API keys and usage, the admin's Users and
// Usage pages, and sign out. Without accounts (AUTH=none) only a Usage button: the local user's own.
import { useEffect, useRef, useState } from 'react';
import { useSession, useSignOut } from '../api/session';
import { KeysDialog } from './keys-dialog';
import { UsageDialog } from './usage-dialog';
import { UsersDialog } from './users-dialog';

const item = 'w-full rounded-md px-3 py-1.5 text-left text-sm hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-violet-500 dark:hover:bg-zinc-800';

export function AccountMenu() {
  const { data } = useSession();
  const signOut = useSignOut();
  const [open, setOpen] = useState<'keys' | 'users' | 'usage' | null>(null);
  const menu = useRef<HTMLDetailsElement>(null);
  // The menu closes when one of its pages opens, on a click elsewhere, and on Escape, as menus do.
  useEffect(() => {
    const close = (e: Event) => {
      const details = menu.current;
      if (details?.open && (e.type === 'keydown' ? (e as KeyboardEvent).key === 'Escape' : !details.contains(e.target as Node))) details.open = false;
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, []);
  const show = (page: 'keys' | 'users' | 'usage') => {
    if (menu.current) menu.current.open = false;
    setOpen(page);
  };
  if (!data?.user) return null;
  if (data.mode === 'none') {
    return (
      <>
        <button type="button" className="rounded-full border border-zinc-300 px-3 py-1 text-sm font-medium hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-violet-500 dark:border-zinc-700 dark:hover:bg-zinc-800" onClick={() => show('usage')}>
          Usage
        </button>
        <UsageDialog open={open === 'usage'} onClose={() => setOpen(null)} everyone={false} />
      </>
    );
  }
  const { name, role } = data.user;
  return (
    <>
      <details ref={menu} className="relative">
        <summary className="flex cursor-pointer list-none items-center gap-2 rounded-full border border-zinc-300 px-3 py-1 text-sm font-medium hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-violet-500 dark:border-zinc-700 dark:hover:bg-zinc-800">
          <span>
            <span className="sr-only">Signed in as </span>
            {name}
          </span>
          {role === 'admin' && <span className="rounded-full bg-violet-100 px-1.5 text-xs text-violet-900 dark:bg-violet-950 dark:text-violet-200">admin</span>}
        </summary>
        <div className="absolute right-0 z-30 mt-1 flex w-44 flex-col gap-0.5 rounded-lg border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
          <button type="button" className={item} onClick={() => show('keys')}>
            API keys
          </button>
          <button type="button" className={item} onClick={() => show('usage')}>
            Usage
          </button>
          {role === 'admin' && (
            <button type="button" className={item} onClick={() => show('users')}>
              Users
            </button>
          )}
          {/* Behind a sign-in proxy, signing out is the proxy's (it would sign the user in again). */}
          {data.mode === 'users' && (
            <button type="button" className={item} onClick={() => signOut.mutate()} disabled={signOut.isPending}>
              Sign out
            </button>
          )}
        </div>
      </details>
      {signOut.error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {signOut.error.message}
        </p>
      )}
      <KeysDialog open={open === 'keys'} onClose={() => setOpen(null)} />
      <UsageDialog open={open === 'usage'} onClose={() => setOpen(null)} everyone={role === 'admin'} />
      {role === 'admin' && <UsersDialog open={open === 'users'} onClose={() => setOpen(null)} />}
    </>
  );
}

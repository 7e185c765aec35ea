// The signed-in user in the header (with accounts): their API keys and usage, the admin's Users and
// Usage pages, and sign out. Without accounts (AUTH=none) only a Usage button: the local user's own.
import { Suspense, useEffect, useRef, useState } from 'react';
import { lazyRetry } from '@/lib/lazy-retry';
import { useSession, useSignOut } from '../api/session';

// The pages load when first opened: they are not in the first paint's script.
const KeysDialog = lazyRetry(() => import('./keys-dialog').then((m) => ({ default: m.KeysDialog })));
const UsageDialog = lazyRetry(() => import('./usage-dialog').then((m) => ({ default: m.UsageDialog })));
const UsersDialog = lazyRetry(() => import('./users-dialog').then((m) => ({ default: m.UsersDialog })));

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
        <Suspense>{open === 'usage' && <UsageDialog open onClose={() => setOpen(null)} everyone={false} />}</Suspense>
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
      <Suspense>
        {open === 'keys' && <KeysDialog open onClose={() => setOpen(null)} />}
        {open === 'usage' && <UsageDialog open onClose={() => setOpen(null)} everyone={role === 'admin'} />}
        {open === 'users' && role === 'admin' && <UsersDialog open onClose={() => setOpen(null)} />}
      </Suspense>
    </>
  );
}

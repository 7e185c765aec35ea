// Shows the studio to a signed-in user (or to everyone, without accounts), the sign-in page
// otherwise. When the page's stores were opened for another user than the session's (a sign-in in
// another tab, a proxy user changed), the page reloads so that every store opens in the right space.
import { useEffect, type ReactNode } from 'react';
import { SESSION_ENDED } from '@/lib/api-client';
import { userSpace } from '@/lib/user-space';
import { useSession } from '../api/session';
import { SignInPage } from './sign-in-page';

function Shell({ children }: { children?: ReactNode }) {
  return (
    <div className="grid min-h-screen place-items-center bg-zinc-50 p-4 text-zinc-900 dark:bg-zinc-950 dark:text-zinc-100">{children}</div>
  );
}

export function SessionGate({ children }: { children: ReactNode }) {
  const { data, error, isPending, refetch, isFetching } = useSession();
  const wrongSpace = data !== undefined && data.space !== userSpace;
  useEffect(() => {
    if (wrongSpace) window.location.reload();
  }, [wrongSpace]);
  // Any call answered "sign in" asks again who is signed in: the sign-in page replaces the studio.
  useEffect(() => {
    const ask = () => void refetch();
    window.addEventListener(SESSION_ENDED, ask);
    return () => window.removeEventListener(SESSION_ENDED, ask);
  }, [refetch]);

  // A page that opened its stores in a user's space shows the studio at once; the answer confirms it.
  if (isPending) return userSpace ? children : <Shell />;
  if (error) {
    return (
      <Shell>
        <div role="alert" className="flex max-w-sm flex-col items-center gap-3 text-center">
          <p className="text-sm">{error.message}</p>
          <button type="button" onClick={() => void refetch()} disabled={isFetching} className="rounded-lg border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800">
            Try again
          </button>
        </div>
      </Shell>
    );
  }
  if (wrongSpace) return <Shell />;
  if (!data.user) {
    return (
      <Shell>
        {data.mode === 'users' ? (
          <SignInPage />
        ) : (
          <p role="alert" className="max-w-sm text-center text-sm">
            The sign-in proxy in front of the studio did not say who you are. Open the studio through its usual address.
          </p>
        )}
      </Shell>
    );
  }
  return children;
}

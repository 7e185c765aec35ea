// The sign-in page (AUTH=users): a name and a password. A refusal says only that they do not
// match (or how long to wait after too many tries): never whether the name exists.
import { useState, type FormEvent } from 'react';
import { useSignIn } from '../api/session';

const input =
  'w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-violet-500 dark:border-zinc-700 dark:bg-zinc-950';

export function SignInPage() {
  const signIn = useSignIn();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    signIn.mutate({ name, password });
  };
  return (
    <main className="w-full max-w-sm">
      <form onSubmit={submit} aria-labelledby="sign-in-title" className="flex flex-col gap-4 rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
        <div>
          <h1 id="sign-in-title" className="text-lg font-semibold tracking-tight">Friendli Image Studio</h1>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">Sign in to your team’s studio.</p>
        </div>
        <label className="flex flex-col gap-1.5 text-sm font-medium">
          Name
          <input className={input} value={name} onChange={(e) => setName(e.target.value)} autoComplete="username" autoFocus required maxLength={128} />
        </label>
        <label className="flex flex-col gap-1.5 text-sm font-medium">
          Password
          <input className={input} type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" required maxLength={256} />
        </label>
        {signIn.error && (
          <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950/50 dark:text-red-200">
            {signIn.error.message}
          </p>
        )}
        <button type="submit" disabled={signIn.isPending || signIn.isSuccess} className="rounded-lg bg-violet-600 px-3 py-2 text-sm font-semibold text-white hover:bg-violet-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-violet-500 disabled:opacity-60">
          {signIn.isPending || signIn.isSuccess ? 'Signing in…' : 'Sign in'}
        </button>
        <p className="text-xs text-zinc-500">Forgot your password? An admin of the studio can set a new one.</p>
      </form>
    </main>
  );
}

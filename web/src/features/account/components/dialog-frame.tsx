// The frame of the account dialogs: a modal <dialog> with a title and a Close button.
import type { ReactNode } from 'react';
import { useModalDialog } from '@/lib/use-modal-dialog';

export function DialogFrame({ open, onClose, title, children }: { open: boolean; onClose: () => void; title: string; children: ReactNode }) {
  const dialog = useModalDialog(open);
  return (
    <dialog
      ref={dialog}
      onClose={onClose}
      aria-label={title}
      className="m-auto w-[min(720px,calc(100vw-2rem))] max-w-none rounded-2xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-black/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <div className="flex items-center justify-between border-b border-zinc-200 px-5 py-3 dark:border-zinc-800">
        <h2 className="text-base font-semibold">{title}</h2>
        <button type="button" onClick={onClose} className="rounded-md px-2 py-1 text-sm hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-violet-500 dark:hover:bg-zinc-800">
          Close
        </button>
      </div>
      <div className="flex max-h-[70dvh] flex-col gap-4 overflow-y-auto px-5 py-4">{open && children}</div>
    </dialog>
  );
}

export const fieldClass =
  'rounded-lg border border-zinc-300 bg-white px-2.5 py-1.5 text-sm focus-visible:outline-2 focus-visible:outline-violet-500 dark:border-zinc-700 dark:bg-zinc-950';
export const primaryClass =
  'rounded-lg bg-violet-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-violet-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-violet-500 disabled:opacity-60';
export const secondaryClass =
  'rounded-lg border border-zinc-300 px-2.5 py-1 text-sm hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-violet-500 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800';

export function ErrorText({ error }: { error: Error | null }) {
  return error ? (
    <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950/50 dark:text-red-200">
      {error.message}
    </p>
  ) : null;
}

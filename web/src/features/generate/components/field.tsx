// Shared look for the form's labelled controls.
export const labelClass = 'text-sm font-medium text-zinc-700 dark:text-zinc-300';
export const inputClass =
  'rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-900 shadow-sm focus:border-violet-500 focus:outline-none focus:ring-2 focus:ring-violet-500/30 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100';
export const secondaryButtonClass =
  'rounded-lg border border-zinc-300 px-3 py-2 text-sm font-medium text-zinc-800 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-violet-500 disabled:opacity-50 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800';
/** A group that takes images (an edit's source, control images), and its look while one is dragged over it. */
export const groupClass = 'flex min-w-0 flex-col gap-2 rounded-lg border border-dashed border-zinc-300 p-3 focus:outline-none dark:border-zinc-700';
export const overClass = 'border-violet-500 bg-violet-50 dark:bg-violet-950/40';
/** A file picker drawn as a small button: the input itself is visually hidden (it keeps its accessible name and focus). */
export const filePickerClass =
  'relative inline-flex w-fit cursor-pointer items-center gap-1.5 rounded-md bg-violet-50 px-3 py-1.5 text-sm font-medium text-violet-800 hover:bg-violet-100 has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-violet-500 dark:bg-violet-950 dark:text-violet-200 dark:hover:bg-violet-900';


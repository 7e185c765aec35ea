// The gallery's short notices ("Deleted" with Undo, "Seed copied"), where they can be seen: a
// floating bar over the page (which may be scrolled anywhere), or inline in a modal dialog, which
// covers everything outside it.
import { useNoticeStore } from '@/features/gallery/stores/notice-store';

export function NoticeBar({ floating }: { floating?: boolean }) {
  const message = useNoticeStore((s) => s.message);
  const kind = useNoticeStore((s) => s.kind);
  const action = useNoticeStore((s) => s.action);
  const dismiss = useNoticeStore((s) => s.dismiss);
  const place = floating
    ? 'fixed right-4 bottom-28 z-40 max-w-[calc(100vw-2rem)] lg:bottom-4'
    : 'min-h-6';
  const shown = message ? 'rounded-lg bg-white px-3 py-2 shadow-lg ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-700' : '';
  return (
    <div className={`flex items-center gap-3 text-xs ${place} ${floating ? shown : ''}`}>
      {/* Named, so that a test (or an assistive tool) can tell it from the progress line beside it. */}
      <p role={kind} aria-label="Notice" className={kind === 'alert' ? 'text-red-700 dark:text-red-400' : 'text-violet-700 dark:text-violet-300'}>{message}</p>
      {message && action && (
        <button type="button" onClick={() => (action.run(), dismiss())} className="font-semibold text-violet-700 underline dark:text-violet-300">
          {action.label}
        </button>
      )}
    </div>
  );
}

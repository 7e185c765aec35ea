// One region's safety net: a render error (or a chunk that failed to load) shows a message with a
// way out (Try again, and Close for dialogs) in place of that region; the rest of the page stays.
import { Component, type ReactNode } from 'react';
import { isChunkLoadError } from '@/lib/lazy-retry';

interface Props {
  /** What the region is, for the message: "the gallery", "the viewer". */
  region: string;
  children: ReactNode;
  /** For dialogs: closes the region, after which it starts afresh. */
  onClose?(): void;
  /** Show the message over the page (for dialogs) rather than in the region's place. */
  overlay?: boolean;
  /** Before the region renders again (Try again, Close): e.g. a lazy component's reload(). */
  onRetry?(): void;
}

export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown) {
    console.error(`${this.props.region} failed to render:`, error);
  }

  private reset = () => {
    this.props.onRetry?.();
    this.setState({ error: null });
  };

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const { region, onClose, overlay } = this.props;
    const message = isChunkLoadError(error)
      ? `Could not load ${region}: the studio server did not answer. Check that it is running, then try again.`
      : `Something went wrong while showing ${region}. The rest of the studio, and your gallery, are unaffected.`;
    const button = 'rounded-md border border-zinc-300 px-2.5 py-1 text-xs font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800';
    const box = (
      <div role="alert" className="flex flex-col gap-3 rounded-xl border border-red-300 bg-red-50 p-4 text-sm text-red-900 shadow-sm dark:border-red-900 dark:bg-red-950 dark:text-red-200">
        <p>{message}</p>
        <div className="flex gap-2">
          <button type="button" className={button} onClick={this.reset}>Try again</button>
          {onClose && (
            <button type="button" className={button} onClick={() => (this.reset(), onClose())}>Close</button>
          )}
        </div>
      </div>
    );
    return overlay ? <div className="fixed inset-0 z-50 grid place-items-center bg-black/40 p-4"><div className="max-w-md">{box}</div></div> : box;
  }
}

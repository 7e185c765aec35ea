// React.lazy keeps a rejected import for good, so a chunk that failed to load once (server down,
// network gone) would fail forever. This wrapper can forget a failed import, so a retry loads it again.
import { createElement, lazy, type ComponentProps, type ComponentType } from 'react';

/**
 * Like React.lazy, but a failed load is not kept: after `reload()` (an error boundary's Try again
 * calls it) the next render loads the chunk again. Until then the failure stands, so the boundary
 * sees it instead of React retrying in a loop.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any component, as React.lazy takes
export function lazyRetry<T extends ComponentType<any>>(load: () => Promise<{ default: T }>): T & { reload(): void } {
  let failed = false;
  const make = () =>
    lazy(() =>
      load().catch((err: unknown) => {
        failed = true;
        throw err;
      }),
    );
  let current = make();
  const LazyRetry = (props: ComponentProps<T>) => createElement(current, props);
  LazyRetry.reload = () => {
    if (!failed) return;
    failed = false;
    current = make();
  };
  return LazyRetry as unknown as T & { reload(): void };
}

/** Whether an error is a script chunk that could not be fetched (rather than a bug in it). */
export const isChunkLoadError = (err: unknown) =>
  err instanceof Error && /dynamically imported module|importing a module script failed|error loading dynamically imported|preload css/i.test(err.message);

// React.lazy keeps a rejected import for good, so a chunk that failed to load once (server down,
// network gone) would fail forever. This wrapper forgets a failed import: the next render tries again.
import { createElement, lazy, type ComponentProps, type ComponentType } from 'react';

/** Like React.lazy, but a failed load is not cached: the next render (Try again) loads it again. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any component, as React.lazy takes
export function lazyRetry<T extends ComponentType<any>>(load: () => Promise<{ default: T }>): T {
  const make = () =>
    lazy(() =>
      load().catch((err: unknown) => {
        current = make();
        throw err;
      }),
    );
  let current = make();
  const LazyRetry = (props: ComponentProps<T>) => createElement(current, props);
  return LazyRetry as unknown as T;
}

/** Whether an error is a script chunk that could not be fetched (rather than a bug in it). */
export const isChunkLoadError = (err: unknown) =>
  err instanceof Error && /dynamically imported module|importing a module script failed|error loading dynamically imported|preload css/i.test(err.message);

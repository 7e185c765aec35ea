// An overlay whose code loads when first opened: mounted from the first time `active` is true and
// kept (its dialog closes itself); a load that fails can be retried, or closed and loaded again later.
import { Suspense, useState, type ReactNode } from 'react';
import { ErrorBoundary } from '@/components/ui/error-boundary';

export function LazyOverlay({ active, region, reload, onClose, children }: { active: boolean; region: string; reload(): void; onClose(): void; children: ReactNode }) {
  const [loaded, setLoaded] = useState(false);
  // Remembered during render (React's pattern for state from earlier renders), not in an effect:
  // the overlay starts loading in the same render that opens it.
  if (active && !loaded) setLoaded(true);
  if (!loaded) return null;
  return (
    <ErrorBoundary region={region} overlay onRetry={reload} onClose={() => (onClose(), setLoaded(false))}>
      <Suspense>{children}</Suspense>
    </ErrorBoundary>
  );
}

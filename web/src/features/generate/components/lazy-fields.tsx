// The form's parts that load just after the first paint (they start loading with it): the Source
// image and Control images groups, and the queue. Each has its own safety net, so a chunk that
// cannot load costs only its own part of the form, with Try again; the groups hold their place
// (a labelled empty group) while they load, so nothing below them moves.
import { Suspense, type ComponentProps, type ComponentType } from 'react';
import { ErrorBoundary } from '@/components/ui/error-boundary';
import { lazyRetry } from '@/lib/lazy-retry';
import { groupClass, labelClass } from './field';

const SourceImage = lazyRetry(() => import('./source-image-field').then((m) => ({ default: m.SourceImageField })));
const ControlImages = lazyRetry(() => import('./control-images-field').then((m) => ({ default: m.ControlImagesField })));
const Queue = lazyRetry(() => import('./queue-panel').then((m) => ({ default: m.QueuePanel })));

function Placeholder({ legend }: { legend: string }) {
  return (
    <fieldset className={`${groupClass} min-h-24`} aria-busy="true">
      <legend className={`${labelClass} px-1`}>{legend}</legend>
    </fieldset>
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any lazily loaded component
function loaded<T extends ComponentType<any>>(Part: T & { reload(): void }, region: string, legend?: string) {
  return (props: ComponentProps<T>) => (
    <ErrorBoundary region={region} onRetry={Part.reload}>
      <Suspense fallback={legend ? <Placeholder legend={legend} /> : null}>
        <Part {...props} />
      </Suspense>
    </ErrorBoundary>
  );
}

export const SourceImageField = loaded(SourceImage, 'the Source image group', 'Source image');
export const ControlImagesField = loaded(ControlImages, 'the Control images group', 'Control images');
export const QueuePanel = loaded(Queue, 'the queue');

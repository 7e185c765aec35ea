// Dropping a file anywhere on the page: an image restores the form from its parameters, an
// exported zip is imported into the gallery. An element marked data-drop-target (the form's
// source and control image groups) takes its own drops: over it this zone neither shows nor acts.
import { useEffect, useState } from 'react';
import { useImportStore } from '@/features/gallery/stores/import-store';
import { isZip } from '@/features/gallery/utils/is-zip';
import { HiddenFileInput } from '@/components/ui/hidden-file-input';

/** What a file does (the app wires it: an image restores the form, a zip comes into the gallery). */
type OnFile = (file: File) => void;

const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;
const overOwnTarget = (e: DragEvent) => e.target instanceof Element && e.target.closest('[data-drop-target]') !== null;

export function DropZone({ onFile }: { onFile: OnFile }) {
  const [over, setOver] = useState(false);
  const [overTarget, setOverTarget] = useState(false);
  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setOver(true);
    };
    const leave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const overHandler = (e: DragEvent) => hasFiles(e) && e.preventDefault();
    // Seen before the target's own handler (which stops the event), to hide this zone's prompt.
    const overCapture = (e: DragEvent) => setOverTarget(overOwnTarget(e));
    const drop = (e: DragEvent) => {
      const file = e.dataTransfer?.files[0];
      depth = 0;
      setOver(false);
      setOverTarget(false);
      // A drop a target took (it stops the event; this check is the second guard) is not imported.
      if (!file || e.defaultPrevented || overOwnTarget(e)) return;
      e.preventDefault();
      onFile(file);
    };
    // A drop a target took never reaches the handler above (the target stops it): seen here first,
    // so the count of drags over the page starts afresh after every drop, wherever it lands.
    const reset = () => {
      depth = 0;
      setOver(false);
      setOverTarget(false);
    };
    // [event, handler, capture]: added in this order, removed together.
    const listeners: [keyof WindowEventMap & `drag${string}` | 'drop', (e: DragEvent) => void, boolean][] = [
      ['drop', reset, true],
      ['dragend', reset, false],
      ['dragenter', enter, false],
      ['dragleave', leave, false],
      ['dragover', overHandler, false],
      ['dragover', overCapture, true],
      ['drop', drop, false],
    ];
    for (const [type, handler, capture] of listeners) window.addEventListener(type, handler, capture);
    return () => {
      for (const [type, handler, capture] of listeners) window.removeEventListener(type, handler, capture);
    };
  }, [onFile]);
  if (!over || overTarget) return null;
  return (
    <div className="pointer-events-none fixed inset-0 z-50 grid place-items-center bg-violet-600/20 backdrop-blur-sm">
      <p className="rounded-2xl bg-white px-6 py-4 text-center text-lg font-medium shadow-xl dark:bg-zinc-900">
        Drop an image to restore its settings,
        <br />
        or an exported zip to import it
      </p>
    </div>
  );
}

export function ImportButton({ onFile }: { onFile: OnFile }) {
  return (
    <label className="cursor-pointer self-start rounded-lg text-sm font-medium text-violet-700 underline-offset-2 focus-within:outline-2 focus-within:outline-violet-500 hover:underline dark:text-violet-300">
      Restore settings from an image…
      <HiddenFileInput accept="image/png,image/jpeg" onFile={(file) => !isZip(file) && onFile(file)} />
    </label>
  );
}

/** What the last drop or chosen file did; shown in the action bar, so it is always on screen. */
export function ImportMessage() {
  const message = useImportStore((s) => s.message);
  const ok = useImportStore((s) => s.ok);
  if (!message) return null;
  return <p role={ok ? 'status' : 'alert'} className={`text-sm ${ok ? 'text-emerald-700 dark:text-emerald-300' : 'text-red-700 dark:text-red-400'}`}>{message}</p>;
}

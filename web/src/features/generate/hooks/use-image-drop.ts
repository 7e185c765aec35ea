// Makes an element take an image by drop or paste, for that element only: the page-wide drop zone
// (app/drop-zone.tsx, which restores settings from a dropped file) skips drops over an element
// marked data-drop-target, and this one stops the event so the two never both act.
import { useState, type ClipboardEvent, type DragEvent } from 'react';

const carriesFiles = (e: DragEvent) => e.dataTransfer.types.includes('Files');

/** The first file of a drop or paste: an image if there is one, else the first file of any type. */
export function firstFile(list: FileList | null | undefined): File | undefined {
  const files = [...(list ?? [])];
  return files.find((f) => f.type.startsWith('image/')) ?? files[0];
}

export function useImageDrop(onFile: (file: File) => void) {
  const [over, setOver] = useState(false);
  const props = {
    'data-drop-target': '',
    onDragOver: (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      e.stopPropagation();
      e.dataTransfer.dropEffect = 'copy';
      setOver(true);
    },
    onDragLeave: (e: DragEvent) => {
      // Leaving for a child of the group is still over it.
      if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
    },
    onDrop: (e: DragEvent) => {
      setOver(false);
      if (!carriesFiles(e)) return;
      e.preventDefault();
      e.stopPropagation();
      const file = firstFile(e.dataTransfer.files);
      if (file) onFile(file);
    },
    onPaste: (e: ClipboardEvent) => {
      // Only files: pasted text goes where it was pasted.
      const file = firstFile(e.clipboardData.files);
      if (!file) return;
      e.preventDefault();
      e.stopPropagation();
      onFile(file);
    },
  };
  return { over, props };
}

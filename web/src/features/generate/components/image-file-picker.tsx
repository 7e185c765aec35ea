// A small "Choose a file…" button for an image (the browser's own file row is too wide for the
// form), its real input kept for keyboard, screen readers and tests under the name given.
import { filePickerClass } from './field';
import { HiddenFileInput } from '@/components/ui/hidden-file-input';

export function ImageFilePicker({ name, text, onFile }: { name: string; text: string; onFile(file: File): void }) {
  return (
    <label className={filePickerClass}>
      <HiddenFileInput name={name} accept="image/png,image/jpeg,image/webp" onFile={onFile} />
      {text}
    </label>
  );
}

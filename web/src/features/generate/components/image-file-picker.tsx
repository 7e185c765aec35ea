// A small "Choose a file…" button for an image (the browser's own file row is too wide for the
// form), its real input kept for keyboard, screen readers and tests under the name given.
import { filePickerClass } from './field';

export function ImageFilePicker({ name, text, onFile }: { name: string; text: string; onFile(file: File): void }) {
  return (
    <label className={filePickerClass}>
      <input
        type="file"
        aria-label={name}
        accept="image/png,image/jpeg,image/webp"
        className="sr-only"
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Cleared, so that the same file chosen again is read again.
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
      {text}
    </label>
  );
}

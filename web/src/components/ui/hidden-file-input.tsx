// A visually hidden file input inside a styled label: it hands over the one file chosen and clears
// itself, so that choosing the same file again is read again. Shared by every "Choose…" picker.
export function HiddenFileInput({ accept, name, onFile }: { accept: string; name?: string; onFile(file: File): void }) {
  return (
    <input
      type="file"
      accept={accept}
      aria-label={name}
      className="sr-only"
      onChange={(e) => {
        const file = e.target.files?.[0];
        e.target.value = '';
        if (file) onFile(file);
      }}
    />
  );
}

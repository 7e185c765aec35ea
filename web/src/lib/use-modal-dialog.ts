// A modal <dialog> that follows state: shown (showModal, so focus stays inside) when `open` is true,
// closed when false, left as it is when undefined. `onOpen` runs just before it is shown.
import { useEffect, useEffectEvent, useRef } from 'react';

export function useModalDialog(open: boolean | undefined, onOpen?: () => void) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opening = useEffectEvent(() => onOpen?.());
  useEffect(() => {
    const el = dialog.current!;
    if (open && !el.open) {
      opening();
      el.showModal();
    }
    if (open === false && el.open) el.close();
  }, [open]);
  return dialog;
}

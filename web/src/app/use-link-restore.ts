// A shared link restores the form once, in this tab only (other tabs keep their drafts); the query
// then leaves the address bar.
import { useEffect } from 'react';
import { readLink } from '@/lib/link-params';
import { inThisTabOnly } from '@/features/generate/stores/form-storage';
import { useFormStore } from '@/features/generate/stores/form-store';

export function useLinkRestore() {
  const apply = useFormStore((s) => s.apply);
  useEffect(() => {
    const params = readLink(location.search);
    if (params) {
      inThisTabOnly(() => apply(params));
      history.replaceState(null, '', location.pathname);
    }
  }, [apply]);
}

// The form starts from this tab's stored draft and then, when the page was opened from a shared link,
// that link's parameters, applied once in this tab only (other tabs keep their drafts); the query then
// leaves the address bar. Both are read by the schema module, which loads beside the first paint, so
// the form waits for them (it shows that the studio is loading) and nothing typed is overwritten.
import { inThisTabOnly } from '@/features/generate/stores/form-storage';
import { hydrateForm, useFormStore } from '@/features/generate/stores/form-store';

/** Called once as the page starts; the form is ready (or says it failed) when it resolves. */
export const restoreForm = () =>
  hydrateForm(async () => {
    const { readLink } = await import('@/lib/link-params');
    const params = readLink(location.search);
    if (params) {
      inThisTabOnly(() => useFormStore.getState().apply(params));
      history.replaceState(null, '', location.pathname);
    }
  });

// Files are read and checked asynchronously, a large one for longer than a small one chosen after
// it: only the latest read may change the form, and none started before the form changed otherwise
// (Remove, or a gallery image set meanwhile).
export function latestOnly() {
  let latest = 0;
  return {
    /** Call when a read starts; the function it returns says whether its result may still apply. */
    start(): () => boolean {
      const mine = ++latest;
      return () => mine === latest;
    },
    /** Every read started so far is stale (the form was changed another way). */
    cancel() {
      latest++;
    },
  };
}

import { useEffect, useState } from 'react';

/** Seconds since `since`, ticking while shown. */
export function Elapsed({ since }: { since: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 100);
    return () => clearInterval(timer);
  }, []);
  return <span className="tabular-nums">{(Math.max(0, now - since) / 1000).toFixed(1)} s</span>;
}

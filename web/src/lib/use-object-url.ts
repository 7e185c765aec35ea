// An object URL for a Blob that lives exactly as long as the component shows it.
import { useEffect, useState } from 'react';

export function useObjectUrl(blob: Blob | undefined | null): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    const next = blob ? URL.createObjectURL(blob) : undefined;
    // The URL is an outside resource made and revoked with the effect (made during render, Strict
    // Mode's second mount would see it revoked), so it reaches the render through state.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setUrl(next);
    return () => {
      if (next) URL.revokeObjectURL(next);
    };
  }, [blob]);
  return url;
}

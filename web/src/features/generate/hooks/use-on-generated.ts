// Hands every finished job's images to the caller's `onGenerated` (the app stores them in the
// gallery). The queue's listener reads the handler through a ref, so it always sees this render's.
import { useEffect, useRef } from 'react';
import { onJobDone, type DoneListener } from '@/features/generate/stores/job-done';

export function useOnGenerated(onGenerated: DoneListener) {
  const handler = useRef(onGenerated);
  useEffect(() => {
    handler.current = onGenerated;
  });
  useEffect(() => onJobDone((job, response, images) => handler.current(job, response, images)), []);
}

// A process's resident memory and its peak, read from Linux's /proc (VmRSS, VmHWM): the peak is
// the kernel's own high-water mark, so a short spike between two samples is not missed, and no
// figure depends on how fast the machine is. Writing 5 to clear_refs starts a new peak from now.
import { readFileSync, writeFileSync } from 'node:fs';

const field = (pid: number, name: 'VmRSS' | 'VmHWM') => {
  const match = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no ${name} for process ${pid}`);
  return (Number(match[1]) * 1024) / 1e6;
};

/** Whether this machine can tell (Linux, /proc mounted). */
export const canMeasureMemory = () => {
  try {
    readFileSync(`/proc/${process.pid}/status`);
    return true;
  } catch {
    return false;
  }
};

/** Resident memory now, in MB. */
export const residentMb = (pid: number) => field(pid, 'VmRSS');
/** The most resident memory since the process started, or since resetPeak, in MB. */
export const peakMb = (pid: number) => field(pid, 'VmHWM');
/** Starts a new peak from the current resident memory (for a process this user owns). */
export const resetPeak = (pid: number) => writeFileSync(`/proc/${pid}/clear_refs`, '5');

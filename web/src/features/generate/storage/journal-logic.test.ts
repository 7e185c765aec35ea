// The journal's rules: whose job is alive (Web Locks, or a lease without them), and the claim that
// only one tab wins; and the schema a record read back must pass.
import { describe, expect, it } from 'vitest';
import { claimRecord, isInterrupted, LEASE_MS, newRecord, ownerAlive } from './journal-logic';
import { parseJournalRecord } from './journal-schema';

const spec = { request: { prompt: 'a fox', num_inference_steps: 4, response_format: 'png' as const, seed: 42 }, basePrompt: 'a fox', styles: [] };
const gone = newRecord('job-1', spec, 'tab-gone', 1000);

describe('journal: who is alive', () => {
  it('with Web Locks, an owner is alive while it holds its lock; this tab always is', () => {
    expect(ownerAlive('tab-a', 0, 'me', new Set(['tab-a']), 5000)).toBe(true);
    expect(ownerAlive('tab-b', Infinity, 'me', new Set(['tab-a']), 5000)).toBe(false);
    expect(ownerAlive('me', 0, 'me', new Set(), 5000)).toBe(true);
  });

  it('without Web Locks, the lease decides: a job is interrupted once its owner stops renewing it', () => {
    expect(isInterrupted(gone, 'me', null, 1000 + LEASE_MS - 1)).toBe(false);
    expect(isInterrupted(gone, 'me', null, 1000 + LEASE_MS)).toBe(true);
  });
});

describe('journal: claiming', () => {
  it('takes an interrupted job for this tab, with a fresh lease and without its old failure', () => {
    const claimed = claimRecord({ ...gone, error: 'upstream down' }, 'tab-gone', 'me', new Set(['me']), 9000);
    expect(claimed).toEqual({ ...gone, owner: 'me', lease: 9000 + LEASE_MS });
  });

  it('two tabs claiming the same job: the second sees the first as owner and gets nothing', () => {
    const first = claimRecord(gone, 'tab-gone', 'tab-a', new Set(['tab-a', 'tab-b']), 9000);
    expect(first?.owner).toBe('tab-a');
    expect(claimRecord(first, 'tab-gone', 'tab-b', new Set(['tab-a', 'tab-b']), 9000)).toBeNull();
  });

  it('never takes a job whose owner is alive, nor one that is gone or not a record', () => {
    expect(claimRecord(gone, 'tab-gone', 'me', new Set(['tab-gone']), 9000)).toBeNull();
    expect(claimRecord(gone, 'tab-gone', 'me', null, 1000 + LEASE_MS - 1)).toBeNull();
    expect(claimRecord(gone, 'tab-gone', 'me', null, 1000 + LEASE_MS)?.owner).toBe('me');
    expect(claimRecord(undefined, 'tab-gone', 'me', null, 9000)).toBeNull();
    expect(claimRecord({ owner: 'tab-gone' }, 'tab-gone', 'me', null, 9000)).toBeNull();
  });
});

describe('journal: a record read back is untrusted', () => {
  it('passes whole, with its input images by reference', () => {
    const source = { hash: 'a'.repeat(64), mime: 'image/png', width: 8, height: 8 };
    const edit = { ...gone, spec: { ...spec, request: { ...spec.request, source } } };
    expect(parseJournalRecord('job-1', edit)).toEqual(edit);
  });

  it('fails alone when any field is wrong, the seed is missing, or its key is not its id', () => {
    expect(parseJournalRecord('job-1', { ...gone, spec: { ...spec, request: { ...spec.request, seed: undefined } } })).toBeUndefined();
    expect(parseJournalRecord('job-1', { ...gone, spec: { ...spec, request: { ...spec.request, num_inference_steps: 'four' } } })).toBeUndefined();
    expect(parseJournalRecord('job-1', { ...gone, v: 2 })).toBeUndefined();
    expect(parseJournalRecord('job-2', gone)).toBeUndefined();
    expect(parseJournalRecord('job-1', 'junk')).toBeUndefined();
    expect(parseJournalRecord('job-1', { ...gone, spec: { ...spec, request: { ...spec.request, source: { hash: 'nope' } } } })).toBeUndefined();
  });
});

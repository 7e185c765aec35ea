import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { inThisTabOnly, tabDraftStorage } from './form-storage';

/** A Storage backed by a Map: one per tab for sessionStorage, one shared for localStorage. */
function memoryStorage() {
  const map = new Map<string, string>();
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), removeItem: (k: string) => void map.delete(k) };
}
const saved = (state: Record<string, unknown>) => JSON.stringify({ state, version: 1 });
const read = () => JSON.parse(tabDraftStorage.getItem('form') as string).state;

describe('tab draft storage', () => {
  const local = memoryStorage();
  beforeEach(() => {
    vi.stubGlobal('localStorage', local);
    vi.stubGlobal('sessionStorage', memoryStorage());
  });
  afterEach(() => vi.unstubAllGlobals());

  it('starts a new tab from the newest shared draft, then keeps its own', () => {
    local.setItem('form', saved({ prompt: 'from another tab', recent: ['a'] }));
    expect(read()).toEqual({ prompt: 'from another tab', recent: ['a'] });
    tabDraftStorage.setItem('form', saved({ prompt: 'mine', recent: ['a'] }));
    local.setItem('form', saved({ prompt: 'another tab again', recent: ['b', 'a'] }));
    // Its own draft, with the library as every tab last left it.
    expect(read()).toEqual({ prompt: 'mine', recent: ['b', 'a'] });
  });

  it('keeps a state applied in this tab only out of the draft other tabs start from, library changes aside', () => {
    local.setItem('form', saved({ prompt: 'the other tab’s draft', recent: ['a'] }));
    inThisTabOnly(() => tabDraftStorage.setItem('form', saved({ prompt: 'from a link', recent: ['z', 'a'] })));
    expect(read().prompt).toBe('from a link');
    expect(JSON.parse(local.getItem('form')!).state).toEqual({ prompt: 'the other tab’s draft', recent: ['z', 'a'] });
    // An ordinary edit afterwards is shared as usual.
    tabDraftStorage.setItem('form', saved({ prompt: 'edited here', recent: ['z', 'a'] }));
    expect(JSON.parse(local.getItem('form')!).state.prompt).toBe('edited here');
  });
});

// Where the form is kept: each tab's draft in sessionStorage (its own, surviving a reload), the
// shared library (recent and starred prompts, own styles) and the newest draft for new tabs in
// localStorage. A state applied from a link stays in its tab: it never replaces other tabs' drafts.
import type { StateStorage } from 'zustand/middleware';

const SHARED = ['recent', 'starred', 'customStyles'] as const;

let sharing = true;

/** Runs `change` (a store update) without writing it to the draft other tabs start from. */
export function inThisTabOnly(change: () => void) {
  sharing = false;
  try {
    change();
  } finally {
    sharing = true;
  }
}

type Persisted = { state: Record<string, unknown>; version?: number };

function parse(raw: string | null): Persisted | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Persisted;
    return value && typeof value === 'object' && value.state && typeof value.state === 'object' ? value : null;
  } catch {
    return null;
  }
}

const available = () => typeof sessionStorage !== 'undefined' && typeof localStorage !== 'undefined';

export const tabDraftStorage: StateStorage = {
  getItem(name) {
    if (!available()) return null;
    const shared = localStorage.getItem(name);
    const own = parse(sessionStorage.getItem(name));
    if (!own) return shared;
    // This tab's draft, with the library as every tab last left it.
    const library = parse(shared)?.state ?? {};
    const merged = { ...own.state };
    for (const key of SHARED) if (key in library) merged[key] = library[key];
    return JSON.stringify({ ...own, state: merged });
  },
  setItem(name, value) {
    if (!available()) return;
    sessionStorage.setItem(name, value);
    if (sharing) {
      localStorage.setItem(name, value);
      return;
    }
    // Not shared: keep the other tabs' draft, but still share library changes.
    const shared = parse(localStorage.getItem(name));
    const mine = parse(value);
    if (!shared || !mine) return;
    for (const key of SHARED) shared.state[key] = mine.state[key];
    localStorage.setItem(name, JSON.stringify(shared));
  },
  removeItem(name) {
    if (!available()) return;
    sessionStorage.removeItem(name);
    localStorage.removeItem(name);
  },
};

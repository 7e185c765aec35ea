// A stored draft, read back: renamed from earlier versions' names once (the migration), then checked
// as untrusted (the draft check, by the one schema module) before the form uses any of it. Loaded
// with that module beside the first paint (form-store.ts hydrateForm), not in its script.
import { parseDraftChoices, withApiNames } from '@/lib/schema';
import type { Draft } from './form-fields';

/** An earlier version's draft under today's names. */
export function migrateDraft(persisted: unknown, version: number): unknown {
  const { useDefaultGuidance, ...named } = (withApiNames(persisted ?? {}) ?? {}) as Record<string, unknown>;
  return {
    // Version 1 drafts had no steps or format chosen under any name: the server's defaults.
    ...(version < 2 ? { num_inference_steps: null, response_format: null } : {}),
    ...named,
    ...(useDefaultGuidance !== undefined ? { modelDefaultGuidance: useDefaultGuidance } : {}),
  };
}

/** The draft over `current`, its input images, names, guidance and plot checked (what fails: `current`'s or none). */
export function checkDraft<T extends Draft>(persisted: unknown, current: T): T {
  const { plot, guidanceCount, ...choices } = parseDraftChoices(persisted);
  return { ...current, ...(persisted as Partial<Draft>), ...choices, plot: plot ?? current.plot, guidanceCount: guidanceCount ?? current.guidanceCount };
}

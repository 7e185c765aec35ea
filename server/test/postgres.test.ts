import { describe, expect, it } from 'vitest';
import { othersCanReach } from './postgres';

// The test PostgreSQL runs as `postgres` when the tests run as root: whether it can reach the
// installed binaries decides whether they are copied somewhere it can (a CI clone in `mktemp -d`).
describe('othersCanReach', () => {
  const modes = (table: Record<string, number>) => (dir: string) => table[dir] ?? 0o755;

  it('is true when every folder down to the file may be entered by others', () => {
    expect(othersCanReach('/work/studio/node_modules/pg/bin/postgres', modes({}))).toBe(true);
  });

  it('is false when one folder on the way is closed to others (mktemp -d makes 0700)', () => {
    expect(othersCanReach('/tmp/tmp.abc/studio/node_modules/bin/postgres', modes({ '/tmp/tmp.abc': 0o700 }))).toBe(false);
    expect(othersCanReach('/root/studio/bin/postgres', modes({ '/root': 0o750 }))).toBe(false);
  });

  it('needs only the right to enter, not to list (0711 is enough)', () => {
    expect(othersCanReach('/home/me/studio/bin/postgres', modes({ '/home/me': 0o711 }))).toBe(true);
  });
});

// The studio with accounts (AUTH=users) for the end-to-end tests: an embedded database in a fresh
// temporary folder holding one admin (E2E_ADMIN), then the real server (server/index.ts) in this
// same process. The folder is removed when the server exits.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { accounts } from '../server/auth/accounts';
import { openDatabase } from '../server/db/open';
import { E2E_ADMIN } from './servers';

const dir = mkdtempSync(join(tmpdir(), 'fis-e2e-users-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const database = await openDatabase({ dir });
await accounts(database.db).add({ name: E2E_ADMIN.name, role: 'admin', password: E2E_ADMIN.password });
await database.close();
process.env.DATA_DIR = dir;
process.env.AUTH = 'users';
await import('../server/index');

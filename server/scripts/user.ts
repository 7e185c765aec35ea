// `npm run user -- add NAME --role admin|designer`, `list`, `reset NAME`, `disable NAME`,
// `enable NAME`: the first admin (and any account) from the command line, against the same
// database the server uses (DATABASE_URL, or PGlite in DATA_DIR: stop the studio first, PGlite is
// one process's). Passwords are read from the terminal without echo, or from stdin's first line
// (`printf '%s\n' "$PASSWORD" | npm run user -- add ana --role admin`); never from an argument,
// which the shell's history and `ps` would show.
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { accounts } from '../auth/accounts';
import { passwordProblem } from '../auth/passwords';
import { loadAppConfig } from '../app';
import { claimDataDir, dataDirOf } from '../db/data-dir';
import { openDatabase } from '../db/open';
import { USER_NAME } from '../routes/auth';

const USAGE = `Usage: npm run user -- <command>
  add NAME --role admin|designer   create an account (asks for its password)
  list                             list the accounts
  reset NAME                       set a new password (ends the user's sessions)
  disable NAME | enable NAME       stop or allow sign-in (disabling ends every session)`;

async function readPassword(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdin.isTTY ? process.stdout : undefined, terminal: process.stdin.isTTY });
  if (process.stdin.isTTY) {
    // Echo nothing of what is typed.
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
      if (s.includes(question)) process.stdout.write(s);
    };
  }
  const answer = await new Promise<string>((done) => rl.question(question, done));
  rl.close();
  if (process.stdin.isTTY) process.stdout.write('\n');
  return answer;
}

async function newPassword(): Promise<string> {
  const password = await readPassword('Password: ');
  const problem = passwordProblem(password);
  if (problem) throw new Error(problem);
  if (process.stdin.isTTY && (await readPassword('Again: ')) !== password) throw new Error('The two passwords differ.');
  return password;
}

async function main() {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { role: { type: 'string' } } });
  const [command, name] = positionals;
  const config = loadAppConfig(process.env);
  const dataDir = dataDirOf(config.dataDir);
  if (!config.databaseUrl && !dataDir) throw new Error('DATA_DIR=memory keeps nothing: set DATA_DIR or DATABASE_URL.');
  const release = !config.databaseUrl && dataDir ? claimDataDir(dataDir) : () => {};
  const database = await openDatabase({ url: config.databaseUrl, dir: dataDir });
  try {
    const users = accounts(database.db);
    const named = async () => {
      if (!name) throw new Error(USAGE);
      const user = await users.byName(name);
      if (!user) throw new Error(`No user named ${name}.`);
      return user;
    };
    switch (command) {
      case 'add': {
        if (!name || !USER_NAME.test(name)) throw new Error('A name is 1 to 64 letters, digits, ".", "_", "@", "+" or "-".');
        const role = values.role ?? 'designer';
        if (role !== 'admin' && role !== 'designer') throw new Error('--role is admin or designer.');
        if (await users.byName(name)) throw new Error(`There is already a user named ${name}.`);
        const user = await users.add({ name, role, password: await newPassword() });
        console.log(`Added ${user.name} (${user.role}).`);
        break;
      }
      case 'list':
        for (const u of await users.list()) console.log(`${u.name}\t${u.role}${u.disabled ? '\tdisabled' : ''}`);
        break;
      case 'reset': {
        const user = await named();
        await users.setPassword(user.id, await newPassword());
        console.log(`New password set for ${user.name}; their sessions have ended.`);
        break;
      }
      case 'disable':
      case 'enable': {
        const user = await named();
        await users.update(user.id, { disabled: command === 'disable' });
        console.log(`${user.name} is ${command}d.`);
        break;
      }
      default:
        throw new Error(USAGE);
    }
  } finally {
    await database.close();
    release();
  }
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exitCode = 1;
});

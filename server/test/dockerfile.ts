// The repository's Dockerfile read into stages (dockerfile-ast parses it as Docker does: line
// continuations, comments, flags), for the test of its invariants and for the test that runs its
// steps without Docker.
import { readFileSync } from 'node:fs';
import { DockerfileParser } from 'dockerfile-ast';

export interface Instruction {
  keyword: string;
  /** The arguments as written, flags (`--from=…`, `--mount=…`) left out. */
  args: string;
  /** The flags, e.g. `{ from: 'build' }`. */
  flags: Record<string, string | null>;
  /** ENV's and ARG's names and values (null: an ARG with no default). */
  properties: Array<{ name: string; value: string | null }>;
}

export interface Stage {
  image: string;
  name?: string;
  instructions: Instruction[];
}

export function readDockerfile(path = 'Dockerfile'): { stages: Stage[]; globals: Instruction[] } {
  const parsed = DockerfileParser.parse(readFileSync(path, 'utf8'));
  const stages: Stage[] = [];
  const globals: Instruction[] = [];
  for (const instruction of parsed.getInstructions()) {
    const keyword = instruction.getKeyword();
    const flags = 'getFlags' in instruction && typeof instruction.getFlags === 'function' ? (instruction.getFlags() as Array<{ getName(): string; getValue(): string | null }>) : [];
    const properties =
      'getProperties' in instruction && typeof instruction.getProperties === 'function'
        ? (instruction.getProperties() as Array<{ getName(): string; getValue(): string | null }>).map((p) => ({ name: p.getName(), value: p.getValue() }))
        : [];
    const entry: Instruction = { keyword, args: instruction.getArgumentsContent() ?? '', flags: Object.fromEntries(flags.map((f) => [f.getName(), f.getValue()])), properties };
    if (keyword === 'FROM') {
      const [image, as, name] = instruction.getArguments().map((a) => a.getValue());
      stages.push({ image: image!, ...(as?.toUpperCase() === 'AS' && name ? { name } : {}), instructions: [] });
    } else if (stages.length) stages.at(-1)!.instructions.push(entry);
    else globals.push(entry);
  }
  return { stages, globals };
}

/** The exec form's argument list (`["node", "x.js"]`) of a CMD, or of a HEALTHCHECK after its `CMD`. */
export function execForm(args: string): string[] {
  const list: unknown = JSON.parse(args.replace(/^CMD\s+/i, ''));
  if (!Array.isArray(list) || !list.every((a) => typeof a === 'string')) throw new Error(`not an exec-form list: ${args}`);
  return list as string[];
}

// The X/Y/Z plot's value grammar, as AUTOMATIC1111's X/Y/Z plot reads it: comma-separated values
// (double quotes keep commas inside one, "" is a quote), integer ranges `2-10`, stepped `2-10 (+2)`,
// evenly spaced counts `0-12 [5]`, and for seeds `random x4`. Each value is checked against what the
// axis takes (the endpoint's ranges, its adapters, the known styles), and an error names the value.
// Hand-written: it is small, and no CSV library reads A1111's ranges; papaparse would be 7 KB for
// the quoting alone.
import { SEED_MAX } from '@server/contract';
import { AXIS_MAX_VALUES, type AxisKind, type AxisValue } from './plot';

export { AXIS_MAX_VALUES, type AxisKind, type AxisValue };

export interface AxisContext {
  prompt: string;
  steps: { min: number; max: number };
  /** false: the endpoint takes no guidance. */
  guidanceRange: { min: number; max: number } | false;
  endpoints: { id: string; name: string }[];
  /** The chosen endpoint's adapter routes ("None" is always allowed: no adapter). */
  adapters: string[];
  styles: string[];
  randomSeed(): number;
}

export type AxisResult = { ok: true; values: AxisValue[] } | { ok: false; error: string };

/**
 * Splits a value list as a CSV record with leading spaces skipped (Python's csv.reader with
 * skipinitialspace, as A1111 does): `"a, b", c` is two values. Values are trimmed; empty ones dropped.
 */
export function splitValues(text: string): string[] {
  const out: string[] = [];
  let value = '';
  let quoted = false;
  let inQuotes = false;
  let start = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"' && text[i + 1] === '"') {
        value += '"';
        i++;
      } else if (ch === '"') inQuotes = false;
      else value += ch;
    } else if (ch === ',') {
      out.push(quoted ? value : value.trim());
      value = '';
      quoted = false;
      start = true;
    } else if (ch === '"' && start) {
      inQuotes = quoted = true;
      start = false;
    } else if (start && /\s/.test(ch)) {
      // skipinitialspace
    } else {
      value += ch;
      start = false;
    }
  }
  out.push(quoted ? value : value.trim());
  // A1111 drops empty values (`1,,2` is two values).
  return out.filter((v) => v !== '');
}

const INT = String.raw`[+-]?\s*\d+`;
const FLOAT = String.raw`[+-]?\s*(?:\d+(?:\.\d*)?|\.\d+)`;
const rangeOf = (n: string) => new RegExp(String.raw`^\s*(${n})\s*-\s*(${n})(?:\s*\(\s*([+-]?\s*(?:\d+(?:\.\d*)?|\.\d+))\s*\))?\s*$`);
const countOf = (n: string) => new RegExp(String.raw`^\s*(${n})\s*-\s*(${n})\s*\[\s*(\d+)\s*\]\s*$`);
const num = (s: string) => Number(s.replace(/\s+/g, ''));
/** Floats as a person would write them: 7.499999999 is 7.5. */
const tidy = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * Expands numeric ranges: `a-b` (step 1, either direction), `a-b (+s)` / `a-b (-s)`, and `a-b [n]`
 * (n values evenly spaced from a to b, both included; integers rounded down as A1111 does).
 * Anything else is returned as it is, to be read as a single number.
 */
function expandNumbers(values: string[], integer: boolean): { ok: true; values: string[] } | { ok: false; error: string } {
  const n = integer ? INT : FLOAT;
  const out: string[] = [];
  for (const value of values) {
    const range = rangeOf(n).exec(value);
    const count = countOf(n).exec(value);
    if (count) {
      const [a, b, k] = [num(count[1]!), num(count[2]!), Number(count[3])];
      if (k < 1) return { ok: false, error: `“${value}”: the count in brackets must be at least 1.` };
      if (k > AXIS_MAX_VALUES) return { ok: false, error: `“${value}” makes ${k} values; an axis takes at most ${AXIS_MAX_VALUES}.` };
      for (let i = 0; i < k; i++) {
        const x = k === 1 ? a : a + ((b - a) * i) / (k - 1);
        out.push(String(integer ? Math.trunc(tidy(x)) : tidy(x)));
      }
    } else if (range) {
      const [a, b] = [num(range[1]!), num(range[2]!)];
      const step = range[3] !== undefined ? num(range[3]) : b >= a ? 1 : -1;
      if (integer && !Number.isInteger(step)) return { ok: false, error: `“${value}”: the step must be a whole number.` };
      if (step === 0 || Math.sign(step) !== Math.sign(b - a || step)) {
        return { ok: false, error: `“${value}”: the step ${step > 0 ? `+${step}` : step} never reaches ${b} from ${a}.` };
      }
      const length = Math.floor(tidy((b - a) / step)) + 1;
      if (length > AXIS_MAX_VALUES) return { ok: false, error: `“${value}” makes ${length} values; an axis takes at most ${AXIS_MAX_VALUES}.` };
      for (let i = 0; i < length; i++) out.push(String(tidy(a + step * i)));
    } else out.push(value);
  }
  return { ok: true, values: out };
}

function numbers(values: string[], integer: boolean, min: number, max: number, what: string): AxisResult {
  const expanded = expandNumbers(values, integer);
  if (!expanded.ok) return expanded;
  const out: number[] = [];
  for (const value of expanded.values) {
    const n = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)\s*$/.test(value) ? Number(value) : NaN;
    if (Number.isNaN(n) || (integer && !Number.isInteger(n))) return { ok: false, error: `“${value}” is not ${integer ? 'a whole number' : 'a number'}.` };
    if (n < min || n > max) return { ok: false, error: `${what} ${value} is outside this endpoint's range ${min}–${max}.` };
    out.push(n);
  }
  return { ok: true, values: out };
}

/** The values an axis takes from its text, or an error that names the value at fault. */
export function parseAxisValues(kind: AxisKind, text: string, ctx: AxisContext): AxisResult {
  const values = splitValues(text);
  if (values.length === 0) return { ok: false, error: 'Give at least one value.' };
  const result = parseValues(kind, values, ctx);
  if (result.ok && result.values.length > AXIS_MAX_VALUES) return { ok: false, error: `An axis takes at most ${AXIS_MAX_VALUES} values; this one has ${result.values.length}.` };
  return result;
}

function parseValues(kind: AxisKind, values: string[], ctx: AxisContext): AxisResult {
  switch (kind) {
    case 'seed': {
      const random = values.length === 1 ? /^\s*random\s*(?:x\s*(\d+))?\s*$/i.exec(values[0]!) : null;
      if (random) {
        const k = Number(random[1] ?? 1);
        if (k < 1 || k > AXIS_MAX_VALUES) return { ok: false, error: `random x${k}: between 1 and ${AXIS_MAX_VALUES} seeds.` };
        return { ok: true, values: Array.from({ length: k }, () => ctx.randomSeed()) };
      }
      return numbers(values, true, 0, SEED_MAX, 'Seed');
    }
    case 'steps':
      return numbers(values, true, ctx.steps.min, ctx.steps.max, 'Steps');
    case 'guidance':
      if (!ctx.guidanceRange) return { ok: false, error: 'This endpoint takes no guidance scale.' };
      return numbers(values, false, ctx.guidanceRange.min, ctx.guidanceRange.max, 'Guidance scale');
    case 'prompt-sr': {
      // A1111: the first value is searched for, and each value in turn replaces it (the first
      // column is therefore the prompt as written).
      if (!ctx.prompt.includes(values[0]!)) return { ok: false, error: `Prompt S/R: the prompt does not contain “${values[0]}”, the first value, which each value replaces.` };
      return { ok: true, values };
    }
    case 'endpoint': {
      const out: string[] = [];
      for (const value of values) {
        const found = ctx.endpoints.find((e) => e.id === value) ?? ctx.endpoints.find((e) => e.name.toLowerCase() === value.toLowerCase());
        if (!found) return { ok: false, error: `There is no endpoint “${value}”; the endpoints are ${ctx.endpoints.map((e) => e.id).join(', ')}.` };
        out.push(found.id);
      }
      return { ok: true, values: out };
    }
    case 'adapter': {
      const out: (string | null)[] = [];
      for (const value of values) {
        if (value.toLowerCase() === 'none') out.push(null);
        else if (ctx.adapters.includes(value)) out.push(value);
        else return { ok: false, error: ctx.adapters.length ? `There is no adapter “${value}”; this endpoint has None, ${ctx.adapters.join(', ')}.` : `There is no adapter “${value}”: this endpoint has none.` };
      }
      return { ok: true, values: out };
    }
    case 'style': {
      const out: (string | null)[] = [];
      for (const value of values) {
        if (value.toLowerCase() === 'none') out.push(null);
        else {
          const found = ctx.styles.find((s) => s.toLowerCase() === value.toLowerCase());
          if (!found) return { ok: false, error: `There is no style “${value}”; the styles are None, ${ctx.styles.join(', ')}.` };
          out.push(found);
        }
      }
      return { ok: true, values: out };
    }
  }
}

/** A1111's Prompt S/R: every occurrence of the first value replaced by `value`. */
export const replacePrompt = (prompt: string, search: string, value: string) => prompt.split(search).join(value);

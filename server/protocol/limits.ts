// Bounds that keep one request cheap whatever it holds: lists capped before their elements are
// looked at, and error answers that name a few problems, each cut short, never the whole input.
import { z } from 'zod';

/** The most problems one error answer names; the rest are counted ("and 999,990 more"). */
export const MAX_PROBLEMS = 10;
/** Characters one named problem keeps (it may quote the input). */
export const MAX_PROBLEM_CHARS = 120;
/** No error answer is larger than this many bytes. */
export const MAX_ERROR_BODY_BYTES = 8 * 1024;

/**
 * A list of at most `max` items: a longer one is refused by its length alone, before any of its
 * elements is checked, so a list of millions costs one comparison and gives one problem. Its input
 * type is a list of the item's (what a request's type says); at run time anything is checked.
 */
export function cappedList<T extends z.ZodType>(item: T, max: number, tooLong: string, notList?: string) {
  return z.preprocess<unknown, z.ZodArray<T>, z.input<T>[]>((value, ctx) => {
    if (Array.isArray(value) && value.length > max) {
      ctx.addIssue({ code: 'custom', message: tooLong, params: { too_long: max } });
      return z.NEVER;
    }
    return value;
  }, z.array(item, notList ? { error: notList } : undefined));
}

/** Text safe to echo: control characters and unpaired surrogates replaced, cut at `max` characters. */
export function clip(text: string, max = MAX_PROBLEM_CHARS): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.toWellFormed().replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '\ufffd');
  const chars = [...clean.slice(0, max * 2)];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : clean;
}

/** "and 999,990 more" for the problems past the first MAX_PROBLEMS. */
export const moreProblems = (count: number) => `and ${count.toLocaleString('en-US')} more`;

/** The first MAX_PROBLEMS of a list, and how many were left out. */
export function firstProblems<T>(list: readonly T[]): { shown: T[]; more: number } {
  return { shown: list.slice(0, MAX_PROBLEMS), more: Math.max(0, list.length - MAX_PROBLEMS) };
}

/** UTF-8 bytes of a value as JSON: what an answer's size is measured in. */
export const jsonBytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).byteLength;

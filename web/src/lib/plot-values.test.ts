import { describe, expect, it } from 'vitest';
import { parseAxisValues, replacePrompt, splitValues, type AxisContext, type AxisKind } from './plot-values';

let next = 1000;
const ctx: AxisContext = {
  prompt: 'a red fox in the snow, red sky',
  steps: { min: 1, max: 10 },
  guidanceRange: { min: 0, max: 20 },
  endpoints: [{ id: 'local-engine', name: 'Local preview engine' }, { id: 'ep-b', name: 'Big model' }],
  adapters: ['watercolor', 'blueprint'],
  styles: ['Watercolor', 'Cinematic'],
  randomSeed: () => next++,
};
const values = (kind: AxisKind, text: string, over: Partial<AxisContext> = {}) => {
  const r = parseAxisValues(kind, text, { ...ctx, ...over });
  return r.ok ? r.values : r.error;
};

describe('splitValues', () => {
  it('splits on commas, trims, drops empty values', () => {
    expect(splitValues('1, 4 ,8')).toEqual(['1', '4', '8']);
    expect(splitValues(' a ,, b, ')).toEqual(['a', 'b']);
    expect(splitValues('')).toEqual([]);
  });

  it('keeps commas and spaces inside double quotes, "" is a quote', () => {
    expect(splitValues('"a, b", c')).toEqual(['a, b', 'c']);
    expect(splitValues('" padded ", x')).toEqual([' padded ', 'x']);
    expect(splitValues('"say ""hi""", y')).toEqual(['say "hi"', 'y']);
    expect(splitValues('mid"quote, z')).toEqual(['mid"quote', 'z']);
  });
});

describe('parseAxisValues', () => {
  it('reads lists of numbers', () => {
    expect(values('steps', '1, 4, 8')).toEqual([1, 4, 8]);
    expect(values('guidance', '0, 2.5, .5')).toEqual([0, 2.5, 0.5]);
  });

  it('expands integer ranges, stepped ranges, both directions', () => {
    expect(values('steps', '2-5')).toEqual([2, 3, 4, 5]);
    expect(values('steps', '2-10 (+2)')).toEqual([2, 4, 6, 8, 10]);
    expect(values('steps', '2-9 (+3)')).toEqual([2, 5, 8]);
    expect(values('steps', '10-4 (-3)')).toEqual([10, 7, 4]);
    expect(values('steps', '5-3')).toEqual([5, 4, 3]);
    expect(values('steps', '1, 3-4, 9')).toEqual([1, 3, 4, 9]);
  });

  it('spaces a count evenly from start to end, both included', () => {
    expect(values('guidance', '0-12 [5]')).toEqual([0, 3, 6, 9, 12]);
    expect(values('guidance', '1-2 [3]')).toEqual([1, 1.5, 2]);
    expect(values('steps', '1-10 [4]')).toEqual([1, 4, 7, 10]);
    expect(values('steps', '1-10 [1]')).toEqual([1]);
    expect(values('guidance', '0.5-2 (+0.5)')).toEqual([0.5, 1, 1.5, 2]);
  });

  it('refuses steps that never arrive, zero counts, and runaway ranges', () => {
    expect(values('steps', '2-10 (-2)')).toMatch(/never reaches 10/);
    expect(values('steps', '2-10 (+0)')).toMatch(/never reaches/);
    expect(values('steps', '1-10 [0]')).toMatch(/at least 1/);
    expect(values('seed', '0-100000')).toMatch(/makes 100001 values/);
    expect(values('steps', '1-10 (+1.5)')).toMatch(/whole number/);
  });

  it('refuses a value outside the endpoint\'s range, naming it', () => {
    expect(values('steps', '4, 12')).toBe('Steps 12 is outside this endpoint\'s range 1–10.');
    expect(values('steps', '0-3')).toMatch(/Steps 0 is outside/);
    expect(values('guidance', '21')).toMatch(/Guidance scale 21 is outside this endpoint's range 0–20/);
    expect(values('guidance', '1', { guidanceRange: false })).toMatch(/takes no guidance/);
    expect(values('seed', '4294967296')).toMatch(/Seed 4294967296 is outside/);
    expect(values('steps', '4, fast')).toBe('“fast” is not a whole number.');
    expect(values('steps', '2.5')).toMatch(/not a whole number/);
    expect(values('steps', '')).toMatch(/at least one value/);
  });

  it('draws random seeds for `random x4`', () => {
    next = 7;
    expect(values('seed', 'random x4')).toEqual([7, 8, 9, 10]);
    expect(values('seed', 'Random')).toEqual([11]);
    expect(values('seed', 'random x0')).toMatch(/between 1 and 100/);
    expect(values('seed', '1, random x2')).toMatch(/not a whole number/);
  });

  it('Prompt S/R: the first value must be in the prompt; quotes allow commas', () => {
    expect(values('prompt-sr', 'red, blue, "green, bright"')).toEqual(['red', 'blue', 'green, bright']);
    expect(values('prompt-sr', 'purple, blue')).toMatch(/does not contain “purple”/);
    expect(replacePrompt(ctx.prompt, 'red', 'green, bright')).toBe('a green, bright fox in the snow, green, bright sky');
    expect(replacePrompt(ctx.prompt, 'red', 'red')).toBe(ctx.prompt);
  });

  it('endpoints by id or name, adapters and styles with None', () => {
    expect(values('endpoint', 'local-engine, big model')).toEqual(['local-engine', 'ep-b']);
    expect(values('endpoint', 'ep-z')).toMatch(/no endpoint “ep-z”; the endpoints are local-engine, ep-b/);
    expect(values('adapter', 'None, watercolor, blueprint')).toEqual([null, 'watercolor', 'blueprint']);
    expect(values('adapter', 'ink')).toMatch(/no adapter “ink”/);
    expect(values('adapter', 'ink', { adapters: [] })).toMatch(/this endpoint has none/);
    expect(values('style', 'none, cinematic')).toEqual([null, 'Cinematic']);
    expect(values('style', 'Noir')).toMatch(/no style “Noir”/);
  });
});

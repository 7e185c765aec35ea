import { describe, expect, it } from 'vitest';
import { stepInGrid, useViewerStore } from './viewer-store';

const grid = [
  ['a', 'b', 'c'],
  ['d', null, 'f'],
  ['g', 'h', 'i'],
];

describe('stepInGrid', () => {
  it('moves along the row with left/right and the column with up/down, past missing cells', () => {
    expect(stepInGrid(grid, 'a', 1, 0)).toBe('b');
    expect(stepInGrid(grid, 'b', 0, 1)).toBe('h');
    expect(stepInGrid(grid, 'd', 1, 0)).toBe('f');
    expect(stepInGrid(grid, 'i', 0, -1)).toBe('f');
    expect(stepInGrid(grid, 'c', 1, 0)).toBeUndefined();
    expect(stepInGrid(grid, 'a', 0, -1)).toBeUndefined();
    expect(stepInGrid(grid, 'z', 1, 0)).toBeUndefined();
  });
});

describe('viewer store', () => {
  it('keeps the grid while an entry of it is open, and leaves it for any other', () => {
    useViewerStore.getState().openInGrid('a', grid);
    useViewerStore.getState().open('i');
    expect(useViewerStore.getState().grid).toBe(grid);
    useViewerStore.getState().open('elsewhere');
    expect(useViewerStore.getState().grid).toBeNull();
  });
});

// The plot check past the schema: a record must be one a plan could make (its axes' product within
// 4000 planned cells, every cell inside its axes, an axis defined only where one is plotted).
import { describe, expect, it } from 'vitest';
import { plotRecord } from './plot-fixture.test-util';
import { checkPlot, parsePlot } from './schema';

const values = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('checkPlot', () => {
  it('takes a valid plot as it is', () => {
    expect(checkPlot(plotRecord())).toEqual({ ok: true, plot: plotRecord() });
  });

  it('refuses axes naming more cells than a plan makes, saying how many', () => {
    const cube = plotRecord({ axes: { x: { kind: 'steps', values: values(100) }, y: { kind: 'seed', values: values(100) }, z: { kind: 'guidance', values: values(100) } }, definition: { ...plotRecord().definition, z: { kind: 'guidance', text: '1-100' } } });
    expect(checkPlot(cube)).toEqual({ ok: false, why: 'too-large', cells: 1_000_000 });
    // 100 × 40 is the most a plan keeps; ×4 per cell is past it.
    const most = plotRecord({ axes: { x: { kind: 'steps', values: values(100) }, y: { kind: 'seed', values: values(40) }, z: null } });
    expect(checkPlot(most).ok).toBe(true);
    expect(checkPlot({ ...most, definition: { ...most.definition, perCell: 4 } })).toMatchObject({ ok: false, why: 'too-large', cells: 16_000 });
  });

  it('refuses a cell outside its axes or its stack, and an axis defined but not plotted', () => {
    const plot = plotRecord();
    const moved = (over: object) => ({ ...plot, cells: [{ ...plot.cells[0]!, ...over }] });
    for (const over of [{ x: 2 }, { y: 2 }, { z: 1 }, { k: 1 }]) expect(checkPlot(moved(over))).toEqual({ ok: false, why: 'damaged' });
    expect(checkPlot(moved({ x: 1, y: 1 })).ok).toBe(true);
    expect(checkPlot({ ...plot, axes: { ...plot.axes, y: null } })).toEqual({ ok: false, why: 'damaged' });
    expect(parsePlot({ ...plot, cells: 'all' })).toBeUndefined();
  });
});

// Turns an X/Y/Z plot's definition and the form into its record: each axis's values, the count a
// designer confirms ("4 × 5 = 20 images", at most 100, values switched off not counted), and one
// request per image, every parameter not on an axis taken from the form (the seed drawn once for
// the plot). Every cell is planned, switched off or not, so a value switched on later needs no new plan.
import { seedAt, toRequest, type RequestInput } from '@/lib/params';
import { isOn, PER_CELL_MAX, PLOT_MAX_PLANNED, type PlannedCell, type PlotAxis, type PlotDefinition, type PlottedAxis, type PlotRecord } from '@/lib/plot';
import { parseAxisValues, replacePrompt, type AxisContext, type AxisKind, type AxisValue } from '@/lib/plot-values';
import { withStyles, type Style } from './styles';

export type { PlotAxis, PlotDefinition };

export const PLOT_MAX_IMAGES = 100;
export { PER_CELL_MAX };

/** The form's parameters, which every cell starts from. */
export interface PlotBase extends Omit<RequestInput, 'seed' | 'prompt'> {
  prompt: string;
  seed: number;
  /** The styles switched on in the form, and every style a Style axis may name. */
  styles: Style[];
  allStyles: Style[];
}

export type PlotPlan = { ok: true; record: PlotRecord; toRun: PlannedCell[]; summary: string } | { ok: false; error: string };

const AXIS_NAMES = { x: 'X', y: 'Y', z: 'Z' } as const;

type Axis = PlottedAxis & { on: boolean[] };

/** `id` and `now` name and date the plot; `fixed` says what every cell shares, for the sheet's footer. */
export function planPlot(def: PlotDefinition, base: PlotBase, ctx: AxisContext, meta: { id: string; now: number; fixed: string }): PlotPlan {
  const axes: Partial<Record<'x' | 'y' | 'z', Axis | null>> = {};
  for (const name of ['x', 'y', 'z'] as const) {
    const axis = def[name];
    if (!axis) {
      axes[name] = null;
      continue;
    }
    const parsed = parseAxisValues(axis.kind, axis.text, ctx);
    if (!parsed.ok) return { ok: false, error: `${AXIS_NAMES[name]} values: ${parsed.error}` };
    axes[name] = { kind: axis.kind, values: parsed.values, on: parsed.values.map((_, i) => !axis.off?.includes(i)) };
  }
  const kinds = (['x', 'y', 'z'] as const).flatMap((n) => (axes[n] ? [axes[n].kind] : []));
  const twice = kinds.find((k, i) => kinds.indexOf(k) !== i);
  if (twice) return { ok: false, error: 'Two axes vary the same setting; choose a different one for each.' };

  const x = axes.x!;
  const y = axes.y ?? null;
  const z = axes.z ?? null;
  const perCell = Math.min(PER_CELL_MAX, Math.max(1, Math.round(def.perCell)));
  const live = (a: Axis | null) => (a ? a.on.filter(Boolean).length : 1);
  const sizes = [live(x), ...(y ? [live(y)] : []), ...(z ? [live(z)] : [])];
  const total = sizes.reduce((a, b) => a * b, 1) * perCell;
  const summary = `${sizes.join(' × ')}${perCell > 1 ? ` × ${perCell} per cell` : ''} = ${total} ${total === 1 ? 'image' : 'images'}`;
  if (total === 0) return { ok: false, error: 'Every value of an axis is switched off: nothing to run.' };
  // Every cell is planned, switched off or not (so a value switched on later needs no new plan):
  // bounded, so that many values switched off cannot make a plan of a million cells.
  const planned = [x, y, z].reduce((n, a) => n * (a ? a.values.length : 1), 1) * perCell;
  if (planned > PLOT_MAX_PLANNED) return { ok: false, error: `These axes name ${planned} cells, switched off or not; a plot keeps at most ${PLOT_MAX_PLANNED}. Use fewer values.` };
  if (total > PLOT_MAX_IMAGES) return { ok: false, error: `${summary}: a plot makes at most ${PLOT_MAX_IMAGES}. Use fewer values or fewer images per cell.` };

  const search = (a: Axis | null) => (a?.kind === 'prompt-sr' ? (a.values[0] as string) : '');
  const srSearch = [x, y, z].map(search).find(Boolean) ?? '';
  const cells: PlannedCell[] = [];
  const indexes = (a: Axis | null) => (a ? a.values.map((_, i) => i) : [0]);
  for (const zi of indexes(z)) {
    for (const yi of indexes(y)) {
      for (const xi of indexes(x)) {
        const choice = new Map<AxisKind, AxisValue>();
        for (const [a, i] of [[x, xi], [y, yi], [z, zi]] as const) if (a) choice.set(a.kind, a.values[i]!);
        for (let k = 0; k < perCell; k++) cells.push(cell(base, choice, srSearch, { x: xi, y: yi, z: zi, k }));
      }
    }
  }
  const plotted = (a: Axis | null): PlottedAxis | null => (a ? { kind: a.kind, values: a.values } : null);
  const record: PlotRecord = { id: meta.id, createdAt: meta.now, definition: def, axes: { x: plotted(x)!, y: plotted(y), z: plotted(z) }, prompt: base.prompt, fixed: meta.fixed, cells };
  return { ok: true, record, toRun: cells.filter((c) => isOn(def, c)), summary };
}

function cell(base: PlotBase, choice: Map<AxisKind, AxisValue>, search: string, at: Pick<PlannedCell, 'x' | 'y' | 'z' | 'k'>): PlannedCell {
  const has = (kind: AxisKind) => choice.has(kind);
  const value = <T extends AxisValue>(kind: AxisKind) => choice.get(kind) as T;
  const prompt = has('prompt-sr') ? replacePrompt(base.prompt, search, value<string>('prompt-sr')) : base.prompt;
  // A Style axis applies its style alone (None: no style) in place of the form's.
  const styles = has('style') ? base.allStyles.filter((s) => s.name === value<string | null>('style')) : base.styles;
  const { styles: _, allStyles: __, prompt: ___, ...rest } = base;
  const request = toRequest({
    ...rest,
    prompt: withStyles(prompt, styles),
    seed: seedAt(has('seed') ? value<number>('seed') : base.seed, at.k),
    ...(has('steps') ? { num_inference_steps: value<number>('steps') } : {}),
    ...(has('guidance') ? { guidance_scale: value<number>('guidance') } : {}),
    ...(has('endpoint') ? { endpoint: value<string>('endpoint') } : {}),
    // An Adapter axis's None: no adapter.
    ...(has('adapter') ? { adapter: value<string | null>('adapter') } : {}),
  });
  return { ...at, request, basePrompt: prompt, styles: styles.map((s) => s.name) };
}

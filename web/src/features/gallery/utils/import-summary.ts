// What a zip import did, in one sentence: the toolbar's Import zip and a zip dropped on the page say it alike.
// Input images (an edit's source, control images) that could not come in are said too: the entries
// made from them are in the gallery, but cannot be reproduced in this browser.
import { plural } from '@/lib/plural';
import { INPUT_IMAGE_MAX_SIDE as INPUT_MAX_SIDE } from '@server/contract';

export interface ImportResult {
  added: number;
  skipped: number;
  damaged: number;
  /** Images refused by their header's size: more than 4096 px a side. */
  tooLarge?: number;
  /** Input images the entries name that the zip does not carry (and this browser does not have). */
  inputsMissing?: number;
  /** Input images in the zip that failed their checks. */
  inputsDamaged?: number;
  /** X/Y plots stored whole, and plot records that failed their checks (their cells still came in). */
  plots?: number;
  plotsDamaged?: number;
  /** Plots skipped as already here (the same record), and plots kept under a new id because a different one had theirs (counted in `plots` too). */
  plotsSame?: number;
  plotsRenamed?: number;
}

/** The input images that did not come in, in one sentence (empty when all did). */
function inputsText(missing: number, damaged: number) {
  const what = (n: number, how: string) => `${plural(n, 'source or control image')} ${n === 1 ? 'was' : 'were'} ${how}`;
  const parts = [...(missing ? [what(missing, 'missing from the zip')] : []), ...(damaged ? [what(damaged, 'damaged')] : [])];
  if (!parts.length) return '';
  const sentence = parts.join(' and ');
  return `${sentence[0]!.toUpperCase()}${sentence.slice(1)}: the edits made from ${missing + damaged === 1 ? 'it' : 'them'} are in the gallery but cannot be reproduced in this browser.`;
}

/** `from` names the file (a dropped zip). */
export function importSummary({ added, skipped, damaged, tooLarge = 0, inputsMissing = 0, inputsDamaged = 0, plots = 0, plotsDamaged = 0, plotsSame = 0, plotsRenamed = 0 }: ImportResult, from?: string) {
  const base = [
    `Imported ${plural(added, 'image')}${plots ? ` and ${plural(plots, 'X/Y plot')}` : ''}${from ? ` from “${from}”` : ''}`,
    ...(skipped ? [`skipped ${skipped} already here`] : []),
    ...(plotsSame ? [`skipped ${plural(plotsSame, 'X/Y plot')} already here`] : []),
    ...(damaged ? [`skipped ${damaged} damaged`] : []),
    ...(tooLarge ? [`refused ${plural(tooLarge, 'image')} larger than ${INPUT_MAX_SIDE} px a side`] : []),
    ...(plotsDamaged ? [`skipped ${plural(plotsDamaged, 'damaged plot record')} (${plotsDamaged === 1 ? 'its' : 'their'} images came in)`] : []),
  ].join(', ');
  const renamed = plotsRenamed
    ? `${plural(plotsRenamed, 'X/Y plot')} had the id of a different plot already here, so ${plotsRenamed === 1 ? 'it came' : 'they came'} in under a new id; the one here is unchanged.`
    : '';
  const sentences = [renamed, inputsText(inputsMissing, inputsDamaged)].filter(Boolean);
  return sentences.length ? `${base}. ${sentences.join(' ')}` : `${base}${from ? '.' : ''}`;
}

/** Whether the import should be announced as an alert (something did not come in). */
export const importHadTrouble = (r: ImportResult) => r.damaged > 0 || (r.tooLarge ?? 0) > 0 || (r.plotsDamaged ?? 0) > 0 || (r.inputsMissing ?? 0) > 0 || (r.inputsDamaged ?? 0) > 0;

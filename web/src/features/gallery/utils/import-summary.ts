// What a zip import did, in one sentence: the toolbar's Import zip and a zip dropped on the page say it alike.
// Input images (an edit's source, control images) that could not come in are said too: the entries
// made from them are in the gallery, but cannot be reproduced in this browser.
import { plural } from '@/lib/plural';

export interface ImportResult {
  added: number;
  skipped: number;
  damaged: number;
  /** Input images the entries name that the zip does not carry (and this browser does not have). */
  inputsMissing?: number;
  /** Input images in the zip that failed their checks. */
  inputsDamaged?: number;
  /** X/Y plots stored whole, and plot records that failed their checks (their cells still came in). */
  plots?: number;
  plotsDamaged?: number;
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
export function importSummary({ added, skipped, damaged, inputsMissing = 0, inputsDamaged = 0, plots = 0, plotsDamaged = 0 }: ImportResult, from?: string) {
  const base = `Imported ${plural(added, 'image')}${plots ? ` and ${plural(plots, 'X/Y plot')}` : ''}${from ? ` from “${from}”` : ''}${skipped ? `, skipped ${skipped} already here` : ''}${damaged ? `, skipped ${damaged} damaged` : ''}${plotsDamaged ? `, skipped ${plural(plotsDamaged, 'damaged plot record')} (${plotsDamaged === 1 ? 'its' : 'their'} images came in)` : ''}`;
  const inputs = inputsText(inputsMissing, inputsDamaged);
  return inputs ? `${base}. ${inputs}` : `${base}${from ? '.' : ''}`;
}

/** Whether the import should be announced as an alert (something did not come in). */
export const importHadTrouble = (r: ImportResult) => r.damaged > 0 || (r.plotsDamaged ?? 0) > 0 || (r.inputsMissing ?? 0) > 0 || (r.inputsDamaged ?? 0) > 0;

// What a zip import did, in one sentence: the toolbar's Import zip and a zip dropped on the page say it alike.
import { plural } from '@/lib/plural';

export const importSummary = ({ added, skipped, damaged }: { added: number; skipped: number; damaged: number }) =>
  `Imported ${plural(added, 'image')}${skipped ? `, skipped ${skipped} already here` : ''}${damaged ? `, skipped ${damaged} damaged` : ''}`;

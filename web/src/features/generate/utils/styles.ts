// The built-in styles: prompt fragments a designer adds with one click.
import type { Style } from './plan-jobs';

export const BUILT_IN_STYLES: Style[] = [
  { name: 'Cinematic', fragment: 'cinematic lighting, 35mm film, shallow depth of field' },
  { name: 'Watercolor', fragment: 'watercolor painting, soft edges, paper texture' },
  { name: 'Studio photo', fragment: 'studio photograph, softbox lighting, sharp focus' },
  { name: 'Isometric', fragment: 'isometric illustration, clean lines, pastel colors' },
  { name: 'Neon noir', fragment: 'neon lights, rain, dark moody atmosphere' },
  { name: 'Minimal', fragment: 'minimalist composition, negative space, muted palette' },
];

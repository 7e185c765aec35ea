// Styles: named prompt fragments a designer adds with one click; the built-in ones, and how a
// prompt is sent with them.

export interface Style {
  name: string;
  fragment: string;
}

/** The prompt that is sent: what was typed, then each chosen style's fragment. */
export function withStyles(prompt: string, styles: Style[]): string {
  return [prompt.trim(), ...styles.map((s) => s.fragment.trim())].filter(Boolean).join(', ');
}

export const BUILT_IN_STYLES: Style[] = [
  { name: 'Cinematic', fragment: 'cinematic lighting, 35mm film, shallow depth of field' },
  { name: 'Watercolor', fragment: 'watercolor painting, soft edges, paper texture' },
  { name: 'Studio photo', fragment: 'studio photograph, softbox lighting, sharp focus' },
  { name: 'Isometric', fragment: 'isometric illustration, clean lines, pastel colors' },
  { name: 'Neon noir', fragment: 'neon lights, rain, dark moody atmosphere' },
  { name: 'Minimal', fragment: 'minimalist composition, negative space, muted palette' },
];

// Reads a prompt into a scene for the local engine: palette, composition and mood.
// Known words steer it; every other word still moves it through a hash, so two prompts that
// differ by one unknown word still give different pictures.

export type Rgb = readonly [number, number, number];
export type Composition = 'landscape' | 'seascape' | 'city' | 'cosmos' | 'portrait' | 'abstract';

export interface Style {
  /** Four colours, dark to light; a scene is a field of positions along this ramp. */
  palette: Rgb[];
  composition: Composition;
  /** Added to every palette position (-0.2..0.2). */
  brightness: number;
  /** Saturation multiplier (0.4..1.5). */
  saturation: number;
  /** A hash of the whole prompt, mixed into the seed. */
  hash: number;
}

const PALETTES: Record<string, string[]> = {
  sunset: ['#2b1055', '#b8336a', '#ff8c42', '#ffe3a3'],
  ocean: ['#03045e', '#0077b6', '#48cae4', '#e0fbfc'],
  forest: ['#081c15', '#2d6a4f', '#74c69d', '#e9f5db'],
  night: ['#03001c', '#301e67', '#5b8fb9', '#dff6ff'],
  neon: ['#0d0221', '#7b2cbf', '#ff2a6d', '#05d9e8'],
  desert: ['#3d2c1e', '#a0522d', '#e9c46a', '#fff4d6'],
  pastel: ['#6d597a', '#cdb4db', '#ffc8dd', '#fefae0'],
  fire: ['#1a0000', '#9d0208', '#f48c06', '#ffee99'],
  mono: ['#101010', '#4a4a4a', '#a0a0a0', '#f2f2f2'],
  rose: ['#3c0919', '#a4133c', '#ff8fa3', '#fff0f3'],
};

const PALETTE_WORDS: Record<string, string> = {
  sunset: 'sunset', dusk: 'sunset', dawn: 'sunset', sunrise: 'sunset', warm: 'sunset', orange: 'sunset', autumn: 'sunset', golden: 'sunset',
  ocean: 'ocean', sea: 'ocean', blue: 'ocean', water: 'ocean', cold: 'ocean', ice: 'ocean', winter: 'ocean', snow: 'ocean', sky: 'ocean',
  forest: 'forest', green: 'forest', jungle: 'forest', moss: 'forest', spring: 'forest', garden: 'forest', tree: 'forest', trees: 'forest',
  night: 'night', midnight: 'night', moon: 'night', moonlight: 'night', galaxy: 'night', space: 'night', dark: 'night',
  neon: 'neon', cyberpunk: 'neon', synthwave: 'neon', purple: 'neon', violet: 'neon', electric: 'neon', vaporwave: 'neon',
  desert: 'desert', sand: 'desert', gold: 'desert', yellow: 'desert', sun: 'desert', dune: 'desert', dunes: 'desert', brown: 'desert',
  pastel: 'pastel', soft: 'pastel', dream: 'pastel', dreamy: 'pastel', cloud: 'pastel', clouds: 'pastel', candy: 'pastel',
  fire: 'fire', red: 'fire', lava: 'fire', volcano: 'fire', flame: 'fire', flames: 'fire', ember: 'fire', hell: 'fire',
  mono: 'mono', monochrome: 'mono', black: 'mono', white: 'mono', noir: 'mono', grey: 'mono', gray: 'mono', fog: 'mono', mist: 'mono', foggy: 'mono',
  rose: 'rose', pink: 'rose', love: 'rose', flower: 'rose', flowers: 'rose', blossom: 'rose', cherry: 'rose',
};

const COMPOSITION_WORDS: Record<string, Composition> = {
  mountain: 'landscape', mountains: 'landscape', hill: 'landscape', hills: 'landscape', valley: 'landscape',
  landscape: 'landscape', road: 'landscape', canyon: 'landscape', field: 'landscape', meadow: 'landscape', dune: 'landscape', dunes: 'landscape',
  ocean: 'seascape', sea: 'seascape', beach: 'seascape', wave: 'seascape', waves: 'seascape', lake: 'seascape',
  coast: 'seascape', river: 'seascape', harbor: 'seascape', island: 'seascape', water: 'seascape',
  city: 'city', skyline: 'city', building: 'city', buildings: 'city', street: 'city', tower: 'city', town: 'city', downtown: 'city', cyberpunk: 'city',
  space: 'cosmos', galaxy: 'cosmos', star: 'cosmos', stars: 'cosmos', nebula: 'cosmos', planet: 'cosmos', cosmos: 'cosmos', universe: 'cosmos', moon: 'cosmos',
  portrait: 'portrait', face: 'portrait', person: 'portrait', cat: 'portrait', dog: 'portrait', animal: 'portrait', robot: 'portrait',
  flower: 'portrait', bird: 'portrait', owl: 'portrait', fox: 'portrait', character: 'portrait', woman: 'portrait', man: 'portrait',
};

const MOODS: Record<string, { brightness?: number; saturation?: number }> = {
  bright: { brightness: 0.12 }, light: { brightness: 0.1 }, sunny: { brightness: 0.12 }, day: { brightness: 0.08 },
  dark: { brightness: -0.12 }, gloomy: { brightness: -0.15, saturation: 0.7 }, moody: { brightness: -0.1 }, shadow: { brightness: -0.08 },
  vivid: { saturation: 1.35 }, vibrant: { saturation: 1.35 }, saturated: { saturation: 1.4 }, colorful: { saturation: 1.3 },
  muted: { saturation: 0.6 }, faded: { saturation: 0.55, brightness: 0.05 }, vintage: { saturation: 0.65 }, calm: { saturation: 0.8 },
};

/** FNV-1a, 32 bits: small, fast and stable across platforms. */
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function parseHex(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Rotates a colour's hue by `degrees` (a rotation about the grey axis in RGB). */
function rotateHue([r, g, b]: Rgb, degrees: number): Rgb {
  const a = (degrees * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const k = (1 - cos) / 3;
  const s = Math.sqrt(1 / 3) * sin;
  const clamp = (v: number) => Math.max(0, Math.min(255, v));
  return [
    clamp(r * (cos + k) + g * (k - s) + b * (k + s)),
    clamp(r * (k + s) + g * (cos + k) + b * (k - s)),
    clamp(r * (k - s) + g * (k + s) + b * (cos + k)),
  ];
}

export function readPrompt(prompt: string): Style {
  const words = prompt.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const paletteNames: string[] = [];
  let composition: Composition | undefined;
  let brightness = 0;
  let saturation = 1;
  let unknown = '';
  for (const word of words) {
    const palette = PALETTE_WORDS[word];
    if (palette && !paletteNames.includes(palette)) paletteNames.push(palette);
    composition ??= COMPOSITION_WORDS[word];
    const mood = MOODS[word];
    if (mood) {
      brightness += mood.brightness ?? 0;
      saturation *= mood.saturation ?? 1;
    }
    if (!palette && !COMPOSITION_WORDS[word] && !mood) unknown += `${word} `;
  }
  const hash = hashString(prompt);
  const unknownHash = hashString(unknown);
  const names = Object.keys(PALETTES);
  // With no colour word the prompt's own hash picks a palette and turns its hue freely;
  // with one, unknown words only nudge it, so "red" stays red.
  const first = paletteNames[0] ?? names[unknownHash % names.length]!;
  const second = paletteNames[1] ?? first;
  const hueShift = paletteNames.length > 0 ? (unknownHash % 25) - 12 : (unknownHash % 360) - 180;
  const base = PALETTES[first]!;
  const accent = PALETTES[second]!;
  // A second colour word lends the light end of the ramp: "ocean sunset" is a dark sea under warm light.
  const palette = [base[0]!, base[1]!, accent[2]!, accent[3]!].map((hex) => rotateHue(parseHex(hex), hueShift));
  const compositions: Composition[] = ['landscape', 'seascape', 'city', 'cosmos', 'portrait', 'abstract'];
  return {
    palette,
    composition: composition ?? compositions[(unknownHash >>> 8) % compositions.length]!,
    brightness: Math.max(-0.2, Math.min(0.2, brightness)),
    saturation: Math.max(0.4, Math.min(1.5, saturation)),
    hash,
  };
}

import { describe, expect, it } from 'vitest';
import { effectiveMode } from '@/features/generate/components/mode-field';
import { guidanceStep } from '@/features/generate/components/guidance-field';
import { firstFile } from '@/features/generate/hooks/use-image-drop';
import { largestInput, sentSize } from '@/lib/input-images';
import { takeInputImage } from './take-input-image';

const MB = 1024 * 1024;

describe('takeInputImage (a source or control image given to the form)', () => {
  it('refuses an image whose request would pass the server limit (IMAGE_INPUT_MB) as base64, before reading it, naming the sizes', async () => {
    const largest = largestInput(20 * MB);
    // Sent as a data: URL, the largest image taken still leaves room in the body for the rest.
    expect(sentSize(largest)).toBeLessThanOrEqual(20 * MB - 60 * 1024);
    expect(sentSize(largest + 3)).toBeGreaterThan(sentSize(largest));
    const huge = new File([new Uint8Array(largest + 1)], 'huge.png', { type: 'image/png' });
    const taken = await takeInputImage(huge, 20 * MB);
    expect(taken.ref).toBeUndefined();
    expect(taken.problem).toBe('“huge.png”: The image is just over 15 MB; the studio takes images up to 15 MB (sent as text, they grow by a third, and the server takes 20 MB per request). Nothing was changed.');
    const bigger = await takeInputImage(new File([new Uint8Array(25 * MB)], 'big.jpg'), 20 * MB);
    expect(bigger.problem).toContain('The image is 25 MB; the studio takes images up to 15 MB');
    // At the limit itself the size passes, and the bytes are looked at next.
    expect((await takeInputImage(new File([new Uint8Array(largest)], 'edge.png'), 20 * MB)).problem).toContain('not a PNG, JPEG or WebP');
  });

  it('refuses an empty file and one that is not a PNG, JPEG or WebP by its bytes, whatever its name or type says', async () => {
    expect((await takeInputImage(new File([], 'empty.png', { type: 'image/png' }), 20 * MB)).problem).toBe('“empty.png”: The file is empty. Nothing was changed.');
    const text = new File([new TextEncoder().encode('not a picture at all')], 'photo.png', { type: 'image/png' });
    expect((await takeInputImage(text, 20 * MB)).problem).toBe('“photo.png”: That file is not a PNG, JPEG or WebP image. Nothing was changed.');
  });
});

describe('firstFile (a drop or paste)', () => {
  const list = (...files: File[]) => files as unknown as FileList;
  it('takes the first image, else the first file (which is then refused with a message), else nothing', () => {
    const notes = new File(['x'], 'notes.txt', { type: 'text/plain' });
    const photo = new File(['x'], 'photo.webp', { type: 'image/webp' });
    expect(firstFile(list(notes, photo))).toBe(photo);
    expect(firstFile(list(notes))).toBe(notes);
    expect(firstFile(list())).toBeUndefined();
    expect(firstFile(null)).toBeUndefined();
  });
});

describe('the form against an endpoint', () => {
  it('runs a guidance sweep only where the endpoint takes guidance (else one image or a batch)', () => {
    const range = { min: 0, max: 20, default: 7.5 };
    expect(effectiveMode('guidance', range)).toBe('guidance');
    expect(effectiveMode('guidance', false)).toBe('single');
    expect(effectiveMode('steps', false)).toBe('steps');
  });

  it('steps the guidance slider by halves over a wide range, by tenths over a narrow one', () => {
    expect(guidanceStep({ min: 0, max: 20, default: 7.5 })).toBe(0.5);
    expect(guidanceStep({ min: 1, max: 3, default: 2 })).toBe(0.1);
  });
});

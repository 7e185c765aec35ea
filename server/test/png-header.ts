// The start of a PNG (signature and IHDR) of any size: enough for magic-number and size checks,
// without building megapixels in a test.
export function pngHeader(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write('IHDR', 4, 'latin1');
  ihdr.writeUInt32BE(width, 8);
  ihdr.writeUInt32BE(height, 12);
  ihdr.set([8, 2, 0, 0, 0], 16);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ihdr]);
}

export const pngDataUrl = (width = 8, height = 8) => `data:image/png;base64,${pngHeader(width, height).toString('base64')}`;

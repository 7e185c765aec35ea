import { describe, expect, it } from 'vitest';
import { importHadTrouble, importSummary } from './import-summary';

describe('import summary', () => {
  it('reads as before when every input image came in', () => {
    expect(importSummary({ added: 2, skipped: 0, damaged: 0 })).toBe('Imported 2 images');
    expect(importSummary({ added: 1, skipped: 0, damaged: 0, inputsMissing: 0 }, 'my-export.zip')).toBe('Imported 1 image from “my-export.zip”.');
    expect(importHadTrouble({ added: 1, skipped: 0, damaged: 0, inputsMissing: 0, inputsDamaged: 0 })).toBe(false);
  });

  it('says in one sentence which input images did not come in, and what that means', () => {
    expect(importSummary({ added: 2, skipped: 0, damaged: 0, inputsMissing: 1 })).toBe(
      'Imported 2 images. 1 source or control image was missing from the zip: the edits made from it are in the gallery but cannot be reproduced in this browser.',
    );
    expect(importSummary({ added: 3, skipped: 1, damaged: 0, inputsMissing: 1, inputsDamaged: 2 }, 'x.zip')).toBe(
      'Imported 3 images from “x.zip”, skipped 1 already here. 1 source or control image was missing from the zip and 2 source or control images were damaged: the edits made from them are in the gallery but cannot be reproduced in this browser.',
    );
    expect(importHadTrouble({ added: 1, skipped: 0, damaged: 0, inputsDamaged: 1 })).toBe(true);
  });

  it('counts the plots stored, and a damaged plot record as trouble (its images came in)', () => {
    expect(importSummary({ added: 4, skipped: 0, damaged: 0, plots: 1, plotsDamaged: 0 }, 'p.zip')).toBe('Imported 4 images and 1 X/Y plot from “p.zip”.');
    expect(importSummary({ added: 4, skipped: 0, damaged: 0, plots: 0, plotsDamaged: 1 })).toBe('Imported 4 images, skipped 1 damaged plot record (its images came in)');
    expect(importHadTrouble({ added: 4, skipped: 0, damaged: 0, plotsDamaged: 1 })).toBe(true);
  });

  it('says which plots were already here, which came in under a new id, and which images were refused by their size', () => {
    expect(importSummary({ added: 0, skipped: 4, damaged: 0, plots: 0, plotsDamaged: 0, plotsSame: 1 })).toBe('Imported 0 images, skipped 4 already here, skipped 1 X/Y plot already here');
    expect(importSummary({ added: 2, skipped: 0, damaged: 0, plots: 2, plotsDamaged: 0, plotsRenamed: 2 }, 'b.zip')).toBe(
      'Imported 2 images and 2 X/Y plots from “b.zip”. 2 X/Y plots had the id of a different plot already here, so they came in under a new id; the one here is unchanged.',
    );
    expect(importHadTrouble({ added: 2, skipped: 0, damaged: 0, plotsRenamed: 1 })).toBe(false);
    expect(importSummary({ added: 1, skipped: 0, damaged: 1, tooLarge: 2 })).toBe('Imported 1 image, skipped 1 damaged, refused 2 images larger than 4096 px a side');
    expect(importHadTrouble({ added: 1, skipped: 0, damaged: 0, tooLarge: 1 })).toBe(true);
  });
});

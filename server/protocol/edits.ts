// POST /dedicated/v1/images/edits: the request body (its answer is generations.ts' imagesResponseSchema).
import { z } from 'zod';
import { commonBody, imageInput } from './fields';

export const EDITS_PATH = '/dedicated/v1/images/edits';

export const editsRequestSchema = z.object({
  ...commonBody,
  /** The image to edit, or several. */
  image: z.union([imageInput, z.array(imageInput).min(1)]),
});
export type EditsRequest = z.infer<typeof editsRequestSchema>;

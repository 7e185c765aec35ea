// POST /api/generate as a react-query mutation; the caller's AbortSignal cancels it all the way upstream.
import { useMutation } from '@tanstack/react-query';
import type { GenerateRequest } from '../../../../../server/contract';
import { api, call } from '../../../lib/api-client';

export const generateImage = (body: GenerateRequest, signal?: AbortSignal) =>
  call(api.generate.$post({ json: body }, { init: { signal } }));

export const useGenerateImage = () =>
  useMutation({ mutationFn: ({ body, signal }: { body: GenerateRequest; signal: AbortSignal }) => generateImage(body, signal) });

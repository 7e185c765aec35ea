// GET /api/quota: the images the user may still make today (null: no daily limit).
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, call } from '@/lib/api-client';

export const quotaQuery = queryOptions({ queryKey: ['quota'], queryFn: () => call(api.quota.$get()) });

export const useQuota = () => useQuery(quotaQuery);

// The Usage page's calls: a user's own usage per day (GET /api/usage), every user's for an admin
// (GET /api/admin/usage), and the admin's CSV of the same (a plain link: the browser downloads it).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, call } from '@/lib/api-client';

export interface Period {
  from: string;
  to: string;
}

// Both asked again each time the page opens (staleTime 0): the studio's default keeps answers forever.
export const useMyUsage = (period: Period, enabled: boolean) =>
  useQuery({ queryKey: ['usage', 'mine', period], queryFn: () => call(api.usage.$get({ query: period })), enabled, placeholderData: keepPreviousData, staleTime: 0 });

export const useEveryonesUsage = (period: Period, user: string | undefined, enabled: boolean) =>
  useQuery({
    queryKey: ['usage', 'everyone', period, user ?? null],
    queryFn: async () => {
      const body = await call(api.admin.usage.$get({ query: { ...period, ...(user ? { user } : {}) } }));
      // The same route answers CSV when asked (format=csv); this call never asks.
      if (typeof body === 'string') throw new Error('The server answered CSV where JSON was asked for.');
      return body;
    },
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });

/** Where the admin's CSV of the period (and the user chosen, if any) downloads from. */
export function usageCsvUrl(period: Period, user?: string): string {
  const query = new URLSearchParams({ ...period, ...(user ? { user } : {}), format: 'csv' });
  return `/api/admin/usage?${query.toString()}`;
}

/** A day's figures as the server sends them (its type, through the API client: never written twice). */
export type UsageRow = NonNullable<ReturnType<typeof useEveryonesUsage>['data']>['rows'][number];

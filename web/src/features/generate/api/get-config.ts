// GET /api/config: the engine, step range and formats the form is drawn from.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, call } from '@/lib/api-client';

const configQueryOptions = queryOptions({
  queryKey: ['config'],
  queryFn: () => call(api.config.$get()),
});

export const useConfig = () => useQuery(configQueryOptions);

/** The studio's settings, as GET /api/config answers them. */
export type StudioConfig = NonNullable<ReturnType<typeof useConfig>['data']>;

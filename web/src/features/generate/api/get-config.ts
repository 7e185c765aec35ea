// GET /api/config: the engine, step range and formats the form is drawn from.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, call } from '@/lib/api-client';

const configQueryOptions = queryOptions({
  queryKey: ['config'],
  queryFn: () => call(api.config.$get()),
});

export const useConfig = () => useQuery(configQueryOptions);

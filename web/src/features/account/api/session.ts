// Who is signed in (GET /api/auth/session), signing in and out, API keys, and the admin's users:
// every call typed by the server's routes (Hono RPC).
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '@/lib/api-client';

export const sessionQuery = queryOptions({
  queryKey: ['session'],
  queryFn: () => call(api.auth.session.$get()),
  // The gate shows what went wrong and offers to try again; it is not retried behind the user's back.
  retry: false,
});

export const useSession = () => useQuery(sessionQuery);

/** After signing in or out the page reloads, so that every store opens in the new user's space. */
const reload = () => window.location.reload();

export const useSignIn = () =>
  useMutation({
    mutationFn: (body: { name: string; password: string }) => call(api.auth['sign-in'].$post({ json: body })),
    onSuccess: reload,
  });

export const useSignOut = () =>
  useMutation({
    mutationFn: () => call(api.auth['sign-out'].$post({ json: {} })),
    onSuccess: reload,
  });

const keysQuery = queryOptions({ queryKey: ['api-keys'], queryFn: () => call(api.auth.keys.$get()) });
export const useApiKeys = (enabled: boolean) => useQuery({ ...keysQuery, enabled });

export function useKeyActions() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: keysQuery.queryKey });
  return {
    create: useMutation({ mutationFn: (name: string) => call(api.auth.keys.$post({ json: { name } })), onSuccess: refresh }),
    revoke: useMutation({ mutationFn: (id: string) => call(api.auth.keys[':id'].revoke.$post({ param: { id }, json: {} })), onSuccess: refresh }),
  };
}

const usersQuery = queryOptions({ queryKey: ['admin-users'], queryFn: () => call(api.admin.users.$get()) });
export const useUsers = (enabled: boolean) => useQuery({ ...usersQuery, enabled });

export type UserChange = Parameters<(typeof api.admin.users)[':id']['$patch']>[0]['json'];
export type NewUser = Parameters<typeof api.admin.users.$post>[0]['json'];

export function useUserActions() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: usersQuery.queryKey });
  return {
    add: useMutation({ mutationFn: (user: NewUser) => call(api.admin.users.$post({ json: user })), onSuccess: refresh }),
    change: useMutation({ mutationFn: ({ id, change }: { id: string; change: UserChange }) => call(api.admin.users[':id'].$patch({ param: { id }, json: change })), onSuccess: refresh }),
  };
}

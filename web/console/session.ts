/** The signed-in user as React Query state: one `['me']` entry, `null` when signed out. */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, ApiError, type TMe } from '../lib/api.js';
import { applyUserLocale } from '../lib/i18n.js';

export const ME_KEY = ['me'] as const;

async function loadMe(): Promise<TMe | null> {
  try {
    const me = await api.me();
    await applyUserLocale(me.user.locale);
    return me;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

/** The current session; `data` is null when nobody is signed in. */
export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: loadMe, staleTime: 5 * 60_000, retry: false });
}

/** The signed-in user's permissions as a predicate (false while loading or signed out). */
export function usePermissions(): (permission: string) => boolean {
  const { data } = useMe();
  const granted = new Set(data?.permissions ?? []);
  return (permission) => granted.has(permission);
}

/** Stores a fresh session after sign-in. */
export async function acceptSession(client: QueryClient, me: TMe): Promise<void> {
  client.clear();
  await applyUserLocale(me.user.locale);
  client.setQueryData(ME_KEY, me);
}

/** Ends the session on the server and forgets every cached answer. */
export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      try {
        await api.logout();
      } catch (err) {
        if (!(err instanceof ApiError && err.status === 401)) throw err;
      }
    },
    onSuccess: () => {
      client.clear();
      client.setQueryData(ME_KEY, null);
    },
  });
}

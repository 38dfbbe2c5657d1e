import { useMutation, useQueryClient } from '@tanstack/react-query';
import { UserListSchema, UserSchema, type CreateUser, type UpdateUser } from '@console/contract';
import { apiRequest } from '../../lib/api.ts';

export const usersQueryKey = ['users'] as const;
export const auditQueryRoot = 'audit';

export function usersQuery() {
  return {
    queryKey: usersQueryKey,
    queryFn: ({ signal }: { signal: AbortSignal }) => apiRequest('/api/v1/users', UserListSchema, { signal }),
  };
}

const userPath = (username: string) => `/api/v1/users/${encodeURIComponent(username)}`;

export function createUser(input: CreateUser) {
  return apiRequest('/api/v1/users', UserSchema, { method: 'POST', body: input });
}

export function updateUser(username: string, change: UpdateUser) {
  return apiRequest(userPath(username), UserSchema, { method: 'PATCH', body: change });
}

export function deleteUser(username: string) {
  return apiRequest<void>(userPath(username), null, { method: 'DELETE' });
}

/** Every change to users shows in the user list and leaves an audit entry: both are refetched. */
export function useUserMutation<TVariables, TResult>(run: (variables: TVariables) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: async () => {
      await Promise.all([client.invalidateQueries({ queryKey: usersQueryKey }), client.invalidateQueries({ queryKey: [auditQueryRoot] })]);
    },
  });
}

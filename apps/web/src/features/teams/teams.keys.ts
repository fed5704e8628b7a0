/** React Query keys of team data (users service). */
export const teamKeys = {
  all: ['teams'] as const,
  list: (organizationId: string) => ['teams', 'list', organizationId] as const,
  detail: (id: string) => ['teams', 'detail', id] as const,
  members: (id: string) => ['teams', 'detail', id, 'members'] as const,
};

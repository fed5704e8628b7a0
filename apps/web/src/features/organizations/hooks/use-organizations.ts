import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { listMembers, listOrganizations } from '../organizations.api.ts';
import { organizationKeys } from '../organizations.keys.ts';

// A new account's personal organization is created from an event, a moment after sign-up.
const SETUP_POLL_MS = 1000;
const SETUP_WAIT_MS = 30_000;

/** The caller's organizations; while there are none yet, asks again for a short while. */
export function useOrganizationList() {
  const [hasGivenUp, setGivenUp] = useState(false);
  useEffect(() => {
    const timer = window.setTimeout(() => setGivenUp(true), SETUP_WAIT_MS);
    return () => window.clearTimeout(timer);
  }, []);
  const query = useQuery({
    queryKey: organizationKeys.list,
    queryFn: ({ signal }) => listOrganizations(signal),
    refetchInterval: (q) => (q.state.data?.length === 0 && !hasGivenUp ? SETUP_POLL_MS : false),
  });
  const isWaitingForSetup = query.data?.length === 0 && !hasGivenUp;
  return { ...query, isWaitingForSetup };
}

/** Every member of an organization, with their names: for tables, pickers and id → name. */
export function useOrganizationMembers(organizationId: string) {
  return useQuery({
    queryKey: organizationKeys.members(organizationId),
    queryFn: ({ signal }) => listMembers(organizationId, signal),
    enabled: Boolean(organizationId),
  });
}

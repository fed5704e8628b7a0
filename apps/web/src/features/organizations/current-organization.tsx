import { createContext, use, useCallback, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { useOrganizationList } from './hooks/use-organizations.ts';
import {
  getStoredOrganizationId,
  storeOrganizationId,
  subscribeToStoredOrganization,
} from './current-organization.storage.ts';
import type { Organization } from './organization.types.ts';

interface OrganizationsState {
  /** The organization the app shows; null while loading or when the caller has none. */
  current: Organization | null;
  organizations: Organization[];
  isPending: boolean;
  /** Still loading, or waiting for the personal organization of a new account. */
  isSettingUp: boolean;
  error: unknown;
  refetch: () => void;
  switchTo: (id: string) => void;
}

const OrganizationsContext = createContext<OrganizationsState | null>(null);

/** Loads the caller's organizations and picks the current one (remembered, else the first). */
export function OrganizationsProvider({ children }: { children: ReactNode }) {
  const list = useOrganizationList();
  const storedId = useSyncExternalStore(subscribeToStoredOrganization, getStoredOrganizationId);
  const switchTo = useCallback((id: string) => storeOrganizationId(id), []);
  const { data, isPending, error, refetch, isWaitingForSetup } = list;

  const value = useMemo<OrganizationsState>(() => {
    const organizations = data ?? [];
    const current = organizations.find((org) => org.id === storedId) ?? organizations[0] ?? null;
    return {
      current,
      organizations,
      isPending,
      isSettingUp: isPending || isWaitingForSetup,
      error,
      refetch: () => void refetch(),
      switchTo,
    };
  }, [data, storedId, isPending, isWaitingForSetup, error, refetch, switchTo]);

  return <OrganizationsContext value={value}>{children}</OrganizationsContext>;
}

export function useOrganizations(): OrganizationsState {
  const state = use(OrganizationsContext);
  if (!state) {
    throw new Error('useOrganizations must be used under <OrganizationsProvider>');
  }
  return state;
}

/** The current organization, for pages under <RequireOrganization> (there always is one). */
export function useCurrentOrganization(): {
  organization: Organization;
  organizations: Organization[];
  switchTo: (id: string) => void;
} {
  const { current, organizations, switchTo } = useOrganizations();
  if (!current) {
    throw new Error('useCurrentOrganization must be used under <RequireOrganization>');
  }
  return { organization: current, organizations, switchTo };
}

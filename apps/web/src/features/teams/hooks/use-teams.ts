import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../shared/api/problem.ts';
import {
  addTeamMember,
  changeTeamMemberRole,
  createTeam,
  deleteTeam,
  getTeam,
  listTeamMembers,
  listTeams,
  removeTeamMember,
  updateTeam,
} from '../teams.api.ts';
import { teamKeys } from '../teams.keys.ts';
import type { AddTeamMemberBody, Team, TeamRole, UpdateTeamBody } from '../team.types.ts';

export function useTeams(organizationId: string) {
  return useQuery({
    queryKey: teamKeys.list(organizationId),
    queryFn: ({ signal }) => listTeams(organizationId, signal),
    enabled: Boolean(organizationId),
    staleTime: 60_000,
  });
}

export function useTeam(id: string) {
  return useQuery({ queryKey: teamKeys.detail(id), queryFn: ({ signal }) => getTeam(id, signal) });
}

export function useTeamMembers(id: string) {
  return useQuery({ queryKey: teamKeys.members(id), queryFn: ({ signal }) => listTeamMembers(id, signal) });
}

function useTeamSaved() {
  const queryClient = useQueryClient();
  return (team: Team) => {
    queryClient.setQueryData(teamKeys.detail(team.id), team);
    void queryClient.invalidateQueries({ queryKey: teamKeys.list(team.organization_id) });
  };
}

export function useCreateTeam() {
  return useMutation({ mutationFn: createTeam, onSuccess: useTeamSaved() });
}

export function useUpdateTeam(id: string) {
  const saved = useTeamSaved();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateTeamBody) => updateTeam(id, body),
    onSuccess: saved,
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) {
        void queryClient.invalidateQueries({ queryKey: teamKeys.detail(id) });
      }
    },
  });
}

export function useDeleteTeam(team: Team) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteTeam(team.id),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: teamKeys.detail(team.id) });
      void queryClient.invalidateQueries({ queryKey: teamKeys.list(team.organization_id) });
    },
  });
}

/** After a membership change: the member list, and the team's member count in lists. */
function useMembersChanged(team: Team) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: teamKeys.members(team.id) });
    void queryClient.invalidateQueries({ queryKey: teamKeys.detail(team.id) });
    void queryClient.invalidateQueries({ queryKey: teamKeys.list(team.organization_id) });
  };
}

export function useAddTeamMember(team: Team) {
  return useMutation({
    mutationFn: (body: AddTeamMemberBody) => addTeamMember(team.id, body),
    onSuccess: useMembersChanged(team),
  });
}

export function useChangeTeamMemberRole(team: Team) {
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: TeamRole }) =>
      changeTeamMemberRole(team.id, userId, role),
    onSettled: useMembersChanged(team),
  });
}

export function useRemoveTeamMember(team: Team) {
  return useMutation({
    mutationFn: (userId: string) => removeTeamMember(team.id, userId),
    onSuccess: useMembersChanged(team),
  });
}

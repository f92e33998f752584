import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, apiGet, apiPatch, apiPost, apiPut, toQueryString } from '../../lib/api';
import { withOfflineCache } from '../../lib/offline/cache';
import type { QueuedWrite } from '../../lib/offline/queue';

export type {
  AssignmentDto,
  CoverageDto,
  PlanDto,
  SupervisionPeriodKind,
  SupervisionRules,
  VisitDetailDto,
  VisitDto,
  VisitorDto,
  VisitReportDto,
  VisitStatus,
  WorkingGroupDto,
} from '@nennep/core/supervision/types';
// Plain data from core (a file without dependencies, so no zod reaches the bundle).
export {
  DEFAULT_SUPERVISION_RULES,
  SUPERVISION_PERIODS,
  VISIT_STATUSES,
} from '@nennep/core/supervision/types';

import type {
  AddVisitInput,
  CreateAssignmentInput,
  CreateGroupInput,
  IssueSupervisionReportInput,
  UpdateGroupInput,
  UpdateVisitInput,
  VisitReportInput,
} from '@nennep/core/supervision/schemas';
import type {
  AssignmentDto,
  CoverageDto,
  PlanDto,
  VisitDetailDto,
  VisitDto,
  VisitorDto,
  WorkingGroupDto,
} from '@nennep/core/supervision/types';

export const supervisionKeys = {
  all: ['supervision'] as const,
  visitors: (committee: string) => ['supervision', 'visitors', committee] as const,
  groups: (committee: string) => ['supervision', 'groups', committee] as const,
  assignments: (committee: string) => ['supervision', 'assignments', committee] as const,
  plan: (committee: string, period: string) => ['supervision', 'plan', committee, period] as const,
  coverage: (org: string, period: string) => ['supervision', 'coverage', org, period] as const,
  mine: ['supervision', 'mine'] as const,
  visit: (id: number) => ['supervision', 'visit', id] as const,
  availability: ['supervision', 'availability'] as const,
};

const S = '/api/supervision';

export function useVisitors(committee: string) {
  return useQuery({
    queryKey: supervisionKeys.visitors(committee),
    queryFn: () => apiGet<{ items: VisitorDto[] }>(`${S}/visitors`, { committee }),
    enabled: !!committee,
    staleTime: 60_000,
  });
}

export function useGroups(committee: string) {
  return useQuery({
    queryKey: supervisionKeys.groups(committee),
    queryFn: () => apiGet<{ items: WorkingGroupDto[] }>(`${S}/groups`, { committee }),
    enabled: !!committee,
  });
}

export function useAssignments(committee: string) {
  return useQuery({
    queryKey: supervisionKeys.assignments(committee),
    queryFn: () => apiGet<{ items: AssignmentDto[] }>(`${S}/assignments`, { committee }),
    enabled: !!committee,
  });
}

export function usePlan(committee: string, period: string) {
  return useQuery({
    queryKey: supervisionKeys.plan(committee, period),
    queryFn: () => apiGet<PlanDto>(`${S}/plans`, { committee, period }),
    enabled: !!committee && !!period,
    placeholderData: keepPreviousData,
  });
}

export function useCoverage(org: string, period: string) {
  return useQuery({
    queryKey: supervisionKeys.coverage(org, period),
    queryFn: () => apiGet<CoverageDto>(`${S}/coverage`, { org, period }),
    enabled: !!org && !!period,
    placeholderData: keepPreviousData,
  });
}

/** The signed-in account's own visits (upcoming, and recent ones still to report or amend). */
export function useMyVisits(enabled = true) {
  return useQuery({
    queryKey: supervisionKeys.mine,
    queryFn: () =>
      withOfflineCache('my-visits', () => apiGet<{ items: VisitDto[] }>(`${S}/visits`, { mine: 'true' })),
    enabled,
    networkMode: 'always',
  });
}

export function useVisit(id: number) {
  return useQuery({
    queryKey: supervisionKeys.visit(id),
    // Kept on the device (issue 18): the visitor opens the visit again where the network is weak.
    queryFn: () => withOfflineCache(`visit:${id}`, () => apiGet<VisitDetailDto>(`${S}/visits/${id}`)),
    enabled: Number.isInteger(id) && id > 0,
    networkMode: 'always',
  });
}

export function useAvailability() {
  return useQuery({
    queryKey: supervisionKeys.availability,
    queryFn: () => apiGet<{ unavailableDates: string[] }>(`${S}/availability`),
  });
}

export const supervisionCommands = {
  createGroup: (body: CreateGroupInput) => apiPost<{ id: number }>(`${S}/groups`, body),
  updateGroup: (id: number, body: UpdateGroupInput) => apiPatch<{ id: number }>(`${S}/groups/${id}`, body),
  createAssignment: (body: CreateAssignmentInput) => apiPost<{ id: number }>(`${S}/assignments`, body),
  endAssignment: (id: number, committee: string) =>
    api<{ ended: boolean }>(`${S}/assignments/${id}${toQueryString({ committee })}`, { method: 'DELETE' }),
  makePlan: (committeeCode: string, periodKey: string) =>
    apiPost<PlanDto>(`${S}/plans`, { committeeCode, periodKey }),
  publishPlan: (id: number) => apiPost<PlanDto>(`${S}/plans/${id}/publish`, {}),
  issueReport: (
    committeeCode: string,
    periodKey: string,
    signer: Pick<IssueSupervisionReportInput, 'signerTitle' | 'signerName'> = {},
  ) =>
    apiPost<{ number: string; sha256: string }>(`${S}/report/issue`, {
      committeeCode,
      periodKey,
      ...signer,
    }),
  addVisit: (body: AddVisitInput) => apiPost<VisitDto>(`${S}/visits`, body),
  editVisit: (id: number, body: UpdateVisitInput) => apiPatch<VisitDto>(`${S}/visits/${id}`, body),
  checkIn: (id: number) => apiPost<VisitDto>(`${S}/visits/${id}/check-in`, {}),
  addAddendum: (id: number, text: string) => apiPost<VisitDetailDto>(`${S}/visits/${id}/addenda`, { text }),
  setAvailability: (unavailableDates: string[]) =>
    apiPut<{ unavailableDates: string[] }>(`${S}/availability`, { unavailableDates }),
};

/** The offline queue's scope of a visit: its report is kept on the device until the network returns. */
export const visitScope = (id: number) => `visit:${id}`;

/** Filing the visit report through the offline queue (issue 18): `enqueueWrite` adds scope and label. */
export const visitReportWrite = (
  id: number,
  body: VisitReportInput,
): Pick<QueuedWrite, 'method' | 'path' | 'body' | 'kind'> => ({
  kind: 'visit-report',
  method: 'PUT',
  path: `${S}/visits/${id}/report`,
  body,
});

/** The quarterly report as a file (the session cookie authenticates the download). */
export const reportUrl = (committee: string, period: string, format: 'docx' | 'xlsx') =>
  `${S}/report${toQueryString({ committee, period, format })}`;

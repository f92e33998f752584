import type {
  RegistrationStatus,
  ThematicCoverageDto,
  ThematicRegistrationDto,
  ThematicRegistrationListDto,
  ThematicTopicDto,
  ThematicTopicListDto,
} from '@nennep/core/thematic/types';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, apiGet, apiPost } from '../../lib/api';

export type {
  CoverageStatus,
  RegistrationStatus,
  ThematicCoverageDto,
  ThematicNodeAbilities,
  ThematicRegistrationDto,
  ThematicRegistrationSummaryDto,
  ThematicTopicDto,
  TopicStatus,
} from '@nennep/core/thematic/types';

/** The thematic programme's reads (`/api/thematic/*`, issue 17 item 1): cache keys and hooks. */
export const thematicKeys = {
  all: ['thematic'] as const,
  topics: (org: string, year: number) => ['thematic', 'topics', org, year] as const,
  registrations: (org: string, year: number, status?: RegistrationStatus) =>
    ['thematic', 'registrations', org, year, status ?? ''] as const,
  registration: (id: number) => ['thematic', 'registration', id] as const,
  coverage: (org: string, year: number, quarter: number) =>
    ['thematic', 'coverage', org, year, quarter] as const,
};

/** The topics a committee drafted or published, or those published for a cell, in a year; with the node's abilities. */
export function useTopics(org: string | undefined, year: number) {
  return useQuery({
    queryKey: thematicKeys.topics(org ?? '', year),
    queryFn: () => apiGet<ThematicTopicListDto>('/api/thematic/topics', { org, year }),
    enabled: !!org,
    placeholderData: keepPreviousData,
  });
}

/** The registrations of a cell, or of a committee's subtree (`pending`: the own topics awaiting approval). */
export function useRegistrations(org: string | undefined, year: number, status?: RegistrationStatus) {
  return useQuery({
    queryKey: thematicKeys.registrations(org ?? '', year, status),
    queryFn: () =>
      apiGet<ThematicRegistrationListDto>('/api/thematic/registrations', {
        org,
        year,
        status,
      }),
    enabled: !!org,
    placeholderData: keepPreviousData,
  });
}

export function useRegistration(id: number) {
  return useQuery({
    queryKey: thematicKeys.registration(id),
    queryFn: () => apiGet<ThematicRegistrationDto>(`/api/thematic/registrations/${id}`),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** Each cell of a committee's subtree in a quarter: its topic, the step reached, the meeting's quality. */
export function useCoverage(org: string | undefined, year: number, quarter: number) {
  return useQuery({
    queryKey: thematicKeys.coverage(org ?? '', year, quarter),
    queryFn: () => apiGet<ThematicCoverageDto>('/api/thematic/coverage', { org, year, quarter }),
    enabled: !!org,
    placeholderData: keepPreviousData,
  });
}

export interface TopicInput {
  committeeCode: string;
  year: number;
  title: string;
  purpose: string;
  materials?: string;
  cellCategories?: string[];
}

export interface RegisterInput {
  orgCode: string;
  year: number;
  quarter: number;
  topicId?: number;
  ownTitle?: string;
  ownPurpose?: string;
  presenterCodes: string[];
  plannedDate: string;
}

const reg = (id: number) => `/api/thematic/registrations/${id}`;

/** The writes; each answers with the topic or the registration as it now stands. */
export const thematicCommands = {
  createTopic: (body: TopicInput) => apiPost<ThematicTopicDto>('/api/thematic/topics', body),
  publishTopic: (id: number) => apiPost<{ ok: true }>(`/api/thematic/topics/${id}/publish`),
  withdrawTopic: (id: number) => apiPost<{ ok: true }>(`/api/thematic/topics/${id}/withdraw`),
  deleteTopic: (id: number) => api<void>(`/api/thematic/topics/${id}`, { method: 'DELETE' }),
  register: (body: RegisterInput) => apiPost<ThematicRegistrationDto>('/api/thematic/registrations', body),
  decide: (id: number, body: { decision: 'approved' | 'refused'; reason?: string }) =>
    apiPost<ThematicRegistrationDto>(`${reg(id)}/decision`, body),
  replan: (id: number, body: { presenterCodes: string[]; plannedDate: string }) =>
    apiPost<ThematicRegistrationDto>(`${reg(id)}/plan`, body),
  linkMeeting: (id: number, meetingId: number) =>
    apiPost<ThematicRegistrationDto>(`${reg(id)}/meeting`, { meetingId }),
  draftPaper: (id: number, text: string) => apiPost<ThematicRegistrationDto>(`${reg(id)}/paper`, { text }),
  sharePaper: (id: number) => apiPost<ThematicRegistrationDto>(`${reg(id)}/paper/share`),
  comment: (id: number, text: string) => apiPost<ThematicRegistrationDto>(`${reg(id)}/comments`, { text }),
};

/** Today in Vietnam (UTC+7) as an ISO day, from the browser's clock: only the defaults and limits of the forms. */
export const todayIso = (): string => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

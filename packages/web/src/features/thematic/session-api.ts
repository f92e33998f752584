import type { ThematicSessionDto, ThematicSessionListDto } from '@nennep/core/thematic/session-types';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet, apiPost } from '../../lib/api';

export type {
  SessionPaperStatus,
  SessionStatus,
  ThematicSessionDto,
  ThematicSessionPaperDto,
  ThematicSessionSummaryDto,
} from '@nennep/core/thematic/session-types';

/** The committee-wide thematic session's reads and writes (`/api/thematic/sessions/*`, seed 004). */
export const sessionKeys = {
  all: ['thematic-session'] as const,
  one: (id: number) => ['thematic-session', id] as const,
  list: (org: string, year: number) => ['thematic-session', 'list', org, year] as const,
};

/** The sessions of the year the node takes part in, with whether the actor may create one there. */
export function useThematicSessions(org: string | undefined, year: number) {
  return useQuery({
    queryKey: sessionKeys.list(org ?? '', year),
    queryFn: () => apiGet<ThematicSessionListDto>('/api/thematic/sessions', { org, year }),
    enabled: !!org,
    placeholderData: keepPreviousData,
  });
}

export function useThematicSession(id: number) {
  return useQuery({
    queryKey: sessionKeys.one(id),
    queryFn: () => apiGet<ThematicSessionDto>(`/api/thematic/sessions/${id}`),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export interface IssueInput {
  number: string;
  signerTitle: string;
  signerName: string;
  passOnBy: string;
}

/** The body of `POST /api/thematic/sessions` (core createSessionSchema). */
export interface CreateSessionInput {
  committeeCode: string;
  title: string;
  topicId?: number;
  date: string;
  time: string;
  place: string;
  year: number;
  quarter: number;
  papers: { orgCode: string; title: string; presenterCodes: string[] }[];
}

const at = (id: number) => `/api/thematic/sessions/${id}`;

/** The writes; each answers with the session as it now stands. */
export const sessionCommands = {
  create: (body: CreateSessionInput) => apiPost<ThematicSessionDto>('/api/thematic/sessions', body),
  draft: (id: number, text: string) => apiPost<ThematicSessionDto>(`${at(id)}/resolution`, { text }),
  share: (id: number) => apiPost<ThematicSessionDto>(`${at(id)}/resolution/share`),
  comment: (id: number, text: string) =>
    apiPost<ThematicSessionDto>(`${at(id)}/resolution/comments`, { text }),
  issue: (id: number, body: IssueInput) => apiPost<ThematicSessionDto>(`${at(id)}/resolution/issue`, body),
};

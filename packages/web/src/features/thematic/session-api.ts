import type { ThematicSessionDto } from '@nennep/core/thematic/session-types';
import { useQuery } from '@tanstack/react-query';
import { apiGet, apiPost } from '../../lib/api';

export type {
  SessionPaperStatus,
  SessionStatus,
  ThematicSessionDto,
  ThematicSessionPaperDto,
} from '@nennep/core/thematic/session-types';

/** The committee-wide thematic session's reads and writes (`/api/thematic/sessions/*`, seed 004). */
export const sessionKeys = {
  all: ['thematic-session'] as const,
  one: (id: number) => ['thematic-session', id] as const,
};

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

const at = (id: number) => `/api/thematic/sessions/${id}`;

/** The writes; each answers with the session as it now stands. */
export const sessionCommands = {
  draft: (id: number, text: string) => apiPost<ThematicSessionDto>(`${at(id)}/resolution`, { text }),
  share: (id: number) => apiPost<ThematicSessionDto>(`${at(id)}/resolution/share`),
  comment: (id: number, text: string) =>
    apiPost<ThematicSessionDto>(`${at(id)}/resolution/comments`, { text }),
  issue: (id: number, body: IssueInput) => apiPost<ThematicSessionDto>(`${at(id)}/resolution/issue`, body),
};

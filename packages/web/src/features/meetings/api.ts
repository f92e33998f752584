import type {
  InvitationReply,
  MeetingDetailDto,
  MeetingSummaryDto,
  RuleSetDto,
  TaskStatus,
} from '@nennep/core/meetings/api-types';
import type {
  AddendumInput,
  AdoptInput,
  AgendaItemInput,
  AttendanceInput,
  CreateMeetingInput,
  GuestInput,
  MeetingListQueryInput,
  OpinionEditInput,
  OpinionInput,
  PlanMeetingsRequest,
  RescheduleInput,
  TaskInput,
  UpdateMeetingInput,
  VoteInput,
} from '@nennep/core/meetings/schemas';
import type { InvitationListDto, QualityScore, VoteOutcome } from '@nennep/core/meetings/types';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiGet, apiPatch, apiPost, apiPut, toQueryString } from '../../lib/api';
import { withOfflineCache } from '../../lib/offline/cache';
import type { QueuedWrite } from '../../lib/offline/queue';

export type MeetingFilters = MeetingListQueryInput;

export const meetingKeys = {
  all: ['meetings'] as const,
  lists: ['meetings', 'list'] as const,
  list: (filters: MeetingFilters) => ['meetings', 'list', filters] as const,
  detail: (id: number) => ['meetings', 'detail', id] as const,
  score: (id: number) => ['meetings', 'score', id] as const,
  rules: (org: string, date: string) => ['meetings', 'rules', org, date] as const,
};

const base = (id: number) => `/api/meetings/${id}`;

export function useMeetings(filters: MeetingFilters, enabled = true) {
  return useQuery({
    queryKey: meetingKeys.list(filters),
    queryFn: () =>
      apiGet<{ from: string; to: string; items: MeetingSummaryDto[] }>('/api/meetings', { ...filters }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/**
 * The meeting, kept on the device each time it is read (issue 18): without a network the last copy shows,
 * with the writes not sent yet laid over it (offline-overlay.ts). `always`: the cache answers offline.
 */
export function useMeeting(id: number) {
  return useQuery({
    queryKey: meetingKeys.detail(id),
    queryFn: () => withOfflineCache(`meeting:${id}`, () => apiGet<MeetingDetailDto>(base(id))),
    enabled: Number.isInteger(id) && id > 0,
    networkMode: 'always',
  });
}

/** The live score (before adoption it follows every change; after, the frozen one). */
export function useMeetingScore(id: number, enabled: boolean) {
  return useQuery({
    queryKey: meetingKeys.score(id),
    queryFn: () => withOfflineCache(`meeting-score:${id}`, () => apiGet<QualityScore>(`${base(id)}/score`)),
    enabled,
    staleTime: 0,
    networkMode: 'always',
  });
}

/**
 * The rule set in force for the meeting's cell on its day: the score sheet's labels and options and the
 * minimum duration come from there.
 */
export function useMeetingRules(org: string, date: string, enabled = true) {
  return useQuery({
    queryKey: meetingKeys.rules(org, date),
    queryFn: async () => {
      const answer = await withOfflineCache(`rules:${org}:${date}`, () =>
        apiGet<{ effectiveId: number | null; items: RuleSetDto[] }>('/api/rule-sets', { org, date }),
      );
      return answer.items.find((r) => r.id === answer.effectiveId) ?? null;
    },
    enabled: enabled && !!org,
    staleTime: 5 * 60_000,
    networkMode: 'always',
  });
}

/** Writes that answer with the whole meeting put it straight into the cache (no second round trip). */
export function useSetMeeting() {
  const queryClient = useQueryClient();
  return (meeting: MeetingDetailDto) => queryClient.setQueryData(meetingKeys.detail(meeting.id), meeting);
}

/** The rows of a meeting a runner may remove before the minutes are adopted (the API's path segment). */
export type MeetingItemKind = 'opinions' | 'tasks' | 'guests' | 'votes' | 'materials';

export const meetingCommands = {
  plan: (body: PlanMeetingsRequest) =>
    apiPost<{ created: number; cells: number }>('/api/meetings/plan', body),
  create: (body: CreateMeetingInput) => apiPost<MeetingDetailDto>('/api/meetings', body),
  update: (id: number, body: UpdateMeetingInput) => apiPatch<MeetingDetailDto>(base(id), body),
  reschedule: (id: number, body: RescheduleInput) =>
    apiPost<MeetingDetailDto>(`${base(id)}/reschedule`, body),
  notify: (id: number) => apiPost<{ sent: number; recipients: number }>(`${base(id)}/notify`),
  invitations: (id: number) => apiGet<InvitationListDto>(`${base(id)}/invitations`),
  addAgendaItem: (id: number, item: AgendaItemInput) => apiPost<MeetingDetailDto>(`${base(id)}/agenda`, item),
  cancel: (id: number, reason: string) => apiPost<MeetingDetailDto>(`${base(id)}/cancel`, { reason }),
  guest: (id: number, body: GuestInput) => apiPost<{ ok: true }>(`${base(id)}/guests`, body),
  editOpinion: (id: number, opinionId: number, body: OpinionEditInput) =>
    apiPatch<{ ok: true }>(`${base(id)}/opinions/${opinionId}`, body),
  removeItem: (id: number, kind: MeetingItemKind, itemId: number) =>
    api<{ ok: true }>(`${base(id)}/${kind}/${itemId}`, { method: 'DELETE' }),
  taskStatus: (taskId: number, status: TaskStatus) =>
    apiPatch<{ ok: true }>(`/api/tasks/${taskId}`, { status }),
  manualScores: (id: number, scores: Record<string, number>) =>
    apiPut<QualityScore>(`${base(id)}/manual-scores`, scores),
  conclusion: (id: number, text: string) => apiPost<{ ok: true }>(`${base(id)}/conclusion`, { text }),
  reply: (id: number, reply: InvitationReply, reason?: string | null) =>
    apiPost<{ ok: true }>(`${base(id)}/reply`, { reply, reason: reason ?? null }),
  adopt: (id: number, body: AdoptInput) =>
    apiPost<{ minutes: string; resolution: string | null; contentHash: string }>(`${base(id)}/adopt`, body),
  addendum: (id: number, body: AddendumInput) => apiPost<{ id: number }>(`${base(id)}/addenda`, body),
};

/** The server's answer to a vote (the outcome it states), passed on by the queue once it is sent. */
export type VoteAnswer = { id: number; outcome: VoteOutcome };

/** A write of the run screen as the offline queue keeps it (its scope and label are added by the caller). */
export type MeetingWrite = Pick<QueuedWrite, 'method' | 'path' | 'body' | 'kind'>;

/**
 * The run screen's writes (roll call, opinions, votes, tasks, the clock): they go through the offline queue
 * (queued.ts), never straight to the API, so a dropped network loses nothing (issue 18). The other writes
 * (plan, reschedule, adopt, documents) stay in `meetingCommands` and need a network.
 */
export const meetingWrites = {
  attendance: (
    id: number,
    code: string,
    status: AttendanceInput['status'],
    reason?: string | null,
    reasonAccepted?: boolean,
  ): MeetingWrite => ({
    kind: 'attendance',
    method: 'PUT',
    path: `${base(id)}/attendance/${encodeURIComponent(code)}`,
    body: {
      status,
      reason: reason ?? null,
      ...(reasonAccepted === undefined ? {} : { reasonAccepted }),
    },
  }),
  opinion: (id: number, body: OpinionInput): MeetingWrite => ({
    kind: 'opinion',
    method: 'POST',
    path: `${base(id)}/opinions`,
    body,
  }),
  task: (id: number, body: TaskInput): MeetingWrite => ({
    kind: 'task',
    method: 'POST',
    path: `${base(id)}/tasks`,
    body,
  }),
  vote: (id: number, body: VoteInput): MeetingWrite => ({
    kind: 'vote',
    method: 'POST',
    path: `${base(id)}/votes`,
    body,
  }),
  clock: (id: number, which: 'start' | 'end', at?: string): MeetingWrite => ({
    kind: 'clock',
    method: 'POST',
    path: `${base(id)}/${which}`,
    body: at ? { at } : {},
  }),
};

export type DocumentName = 'minutes.docx' | 'minutes.pdf' | 'resolution.docx' | 'resolution.pdf';

export const documentUrl = (id: number, name: DocumentName, addenda = false) =>
  `${base(id)}/documents/${name}${toQueryString({ addenda: addenda ? 'true' : undefined })}`;

export const materialUrl = (id: number, materialId: number) => `${base(id)}/materials/${materialId}`;

export const materialUploadUrl = (id: number, publishAt: string) =>
  `${base(id)}/materials${toQueryString({ publishAt })}`;

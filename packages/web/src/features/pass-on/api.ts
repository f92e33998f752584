import type {
  MeetingPassOnItemDto,
  PassOnAudience,
  PassOnDocumentDto,
  PassOnStatusDto,
} from '@nennep/core/pass-on/types';
import { useQueries, useQuery } from '@tanstack/react-query';
import { apiGet, apiPost } from '../../lib/api';
import { type UploadOptions, uploadFile } from '../../lib/upload';

export type { MeetingPassOnItemDto, PassOnDocumentDto, PassOnStatusDto };

export const passOnKeys = {
  all: ['pass-on'] as const,
  list: (org: string) => ['pass-on', 'list', org] as const,
  detail: (id: number) => ['pass-on', 'detail', id] as const,
  status: (id: number) => ['pass-on', 'status', id] as const,
  meeting: (id: number) => ['pass-on', 'meeting', id] as const,
};

const base = '/api/documents-to-pass-on';

/** `?org=CODE`: a committee's documents (its own, those below, those from above), or a cell's own. */
export function usePassOnDocuments(org: string | undefined) {
  return useQuery({
    queryKey: passOnKeys.list(org ?? ''),
    queryFn: () => apiGet<{ items: PassOnDocumentDto[] }>(base, { org }),
    enabled: !!org,
  });
}

export function usePassOnDocument(id: number) {
  return useQuery({
    queryKey: passOnKeys.detail(id),
    queryFn: () => apiGet<PassOnDocumentDto>(`${base}/${id}`),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** Which addressed cells passed it on and which are pending (a cell sees only its own entry). */
export function usePassOnStatus(id: number) {
  return useQuery({
    queryKey: passOnKeys.status(id),
    queryFn: () => apiGet<PassOnStatusDto>(`${base}/${id}/status`),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** The status of each listed document, for the progress bars of a committee's list. */
export function usePassOnStatuses(ids: number[], enabled: boolean) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: passOnKeys.status(id),
      queryFn: () => apiGet<PassOnStatusDto>(`${base}/${id}/status`),
      enabled,
    })),
    combine: (results) => new Map(ids.map((id, i) => [id, results[i]?.data] as const)),
  });
}

/** The documents a meeting passes on, under its agenda's superior-documents item. */
export function useMeetingPassOn(meetingId: number) {
  return useQuery({
    queryKey: passOnKeys.meeting(meetingId),
    queryFn: () =>
      apiGet<{ items: MeetingPassOnItemDto[] }>(`/api/meetings/${meetingId}/documents-to-pass-on`).then(
        (r) => r.items,
      ),
  });
}

/** "Đã phổ biến" at the meeting, by a member of its roll call (or the chair when nobody is named). */
export const markPassedOn = (meetingId: number, documentId: number, presenterCode: string | undefined) =>
  apiPost<{ items: MeetingPassOnItemDto[] }>(
    `/api/meetings/${meetingId}/documents-to-pass-on/${documentId}/passed-on`,
    presenterCode ? { presenterCode } : {},
  );

export interface RegisterPassOnFields {
  committeeCode: string;
  documentNumber: string;
  documentTitle: string;
  issuedOn: string;
  passOnBy: string;
  audience: PassOnAudience;
  cellKinds: string[];
  cellCategories: string[];
}

/**
 * Registers a document: one multipart form, its fields first and then its file (lists sent as "a,b", as
 * the API reads them), with the upload's progress. Rejects with ApiError, field errors named as the form's.
 */
export function registerPassOn(
  fields: RegisterPassOnFields,
  file: File,
  options: UploadOptions = {},
): Promise<PassOnDocumentDto> {
  const sent: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) {
    const text = Array.isArray(value) ? value.join(',') : value;
    if (text !== '') sent[name] = text;
  }
  return uploadFile<PassOnDocumentDto>(base, file, { ...options, fields: sent });
}

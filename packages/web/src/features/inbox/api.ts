import type { TaskStatus } from '@nennep/core/meetings/api-types';
import { useQuery } from '@tanstack/react-query';
import { api, apiGet, apiPatch, apiPost } from '../../lib/api';

/** A notice in the signed-in account's in-app inbox. */
export interface InboxItem {
  id: number;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface Inbox {
  unread: number;
  items: InboxItem[];
}

/** A task given to the signed-in member at one of their meetings. */
export interface MyTask {
  id: number;
  text: string;
  deadline: string | null;
  status: TaskStatus;
  meetingId: number;
  meetingDate: string;
}

/** A secret ICS link a calendar program subscribes to. */
export interface CalendarFeed {
  token: string;
  url: string;
  orgCode: string | null;
  orgName: string | null;
  createdAt: string;
}

export const inboxKeys = {
  inbox: ['inbox'] as const,
  tasks: ['inbox', 'my-tasks'] as const,
  feeds: ['inbox', 'calendar-feeds'] as const,
};

export function useInbox() {
  return useQuery({
    queryKey: inboxKeys.inbox,
    queryFn: () => apiGet<Inbox>('/api/inbox'),
    refetchInterval: 60_000,
  });
}

export function useMyTasks() {
  return useQuery({
    queryKey: inboxKeys.tasks,
    queryFn: () => apiGet<{ items: MyTask[] }>('/api/me/tasks').then((r) => r.items),
  });
}

export function useCalendarFeeds() {
  return useQuery({
    queryKey: inboxKeys.feeds,
    queryFn: () => apiGet<{ items: CalendarFeed[] }>('/api/calendar/feeds').then((r) => r.items),
  });
}

export const inboxCommands = {
  read: (id: number) => apiPost<{ ok: true }>(`/api/inbox/${id}/read`),
  taskDone: (taskId: number) => apiPatch<{ ok: true }>(`/api/tasks/${taskId}`, { status: 'done' }),
  createFeed: (orgCode: string | undefined) =>
    apiPost<CalendarFeed>('/api/calendar/feeds', orgCode ? { orgCode } : {}),
  deleteFeed: (token: string) =>
    api<undefined>(`/api/calendar/feeds/${encodeURIComponent(token)}`, { method: 'DELETE' }),
};

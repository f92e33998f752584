import type { MeetingDetailDto } from '@nennep/core/meetings/api-types';
import { type UseQueryResult, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  enqueueWrite,
  listQueuedWrites,
  onWriteSent,
  type QueuedWrite,
  useQueuedWrites,
} from '../../lib/offline/queue';
import { type MeetingWrite, meetingKeys } from './api';
import { applyPendingWrites, meetingScope, rowIdOf, type SentWrite, stillUnread } from './offline-overlay';

/**
 * Enters a write of the run screen into the device's queue (issue 18): it is kept in IndexedDB and sent in
 * order, at once when there is a network. Resolves to the queued write, or null when the device could not
 * keep it (then the caller keeps its form as it is, and an error says so).
 */
export function useEnqueueMeetingWrite(meetingId: number) {
  const { message } = App.useApp();
  const { t } = useTranslation();
  const { online } = useQueuedWrites();
  return useCallback(
    async (write: MeetingWrite, label: string, saved?: string): Promise<QueuedWrite | null> => {
      try {
        const queued = await enqueueWrite({ ...write, scope: meetingScope(meetingId), label });
        const text = online ? saved : t('meetingOffline.savedOnDevice');
        if (text) void message.success({ content: text, key: `queued-${meetingId}` });
        return queued;
      } catch {
        void message.error({ content: t('meetingOffline.notKept'), key: `queued-${meetingId}` });
        return null;
      }
    },
    [meetingId, message, online, t],
  );
}

/** Calls `listener` with the server's answer to one queued write, once it is sent. */
export function useWriteAnswer(listener: (write: QueuedWrite, answer: unknown) => void) {
  useEffect(() => onWriteSent(listener), [listener]);
}

/**
 * The meeting as the run screen shows it: the server's (or the device's cached) copy with the writes not
 * sent yet laid over it. The meeting is read again once the queue of this meeting is empty (one read after a
 * burst, none while a write is on its way); a sent write stays laid over until that read shows it, so a row
 * neither blinks out nor shows twice. A mark or a clock answers with the whole meeting: it is used at once.
 * Refused writes are not laid over: the indicator lists them with the server's reason.
 */
export function useMeetingWithQueue(id: number, query: UseQueryResult<MeetingDetailDto>) {
  const queryClient = useQueryClient();
  const scope = meetingScope(id);
  const { pending, online } = useQueuedWrites(scope);
  const [sent, setSent] = useState<SentWrite[]>([]);
  useEffect(
    () =>
      onWriteSent((write, answer) => {
        if (write.scope !== scope) return;
        setSent((list) => [...list, { write, at: Date.now(), rowId: rowIdOf(write, answer) }]);
        if ((write.kind === 'attendance' || write.kind === 'clock') && isMeeting(answer, id)) {
          queryClient.setQueryData(meetingKeys.detail(id), answer);
        }
        void listQueuedWrites().then((left) => {
          if (left.some((w) => w.scope === scope && w.state !== 'refused')) return;
          void queryClient.invalidateQueries({ queryKey: meetingKeys.detail(id) });
          void queryClient.invalidateQueries({ queryKey: meetingKeys.score(id) });
          void queryClient.invalidateQueries({ queryKey: meetingKeys.lists });
        });
      }),
    [id, queryClient, scope],
  );
  const updatedAt = query.dataUpdatedAt;
  const current = query.data;
  useEffect(() => {
    if (!current) return;
    setSent((list) =>
      list.every((s) => stillUnread(current, s, updatedAt))
        ? list
        : list.filter((s) => stillUnread(current, s, updatedAt)),
    );
  }, [current, updatedAt]);
  const data = useMemo(() => {
    if (!current) return undefined;
    const waiting = sent
      .filter((s) => stillUnread(current, s, updatedAt) && !pending.some((p) => p.seq === s.write.seq))
      .map((s) => s.write);
    // With a network the clock waits for the server's answer (a moment): other cards of the run screen write
    // straight to the server and need the meeting really started. Without one it shows at once.
    const shown = online ? pending.filter((w) => w.kind !== 'clock') : pending;
    return applyPendingWrites(current, [...shown, ...waiting]);
  }, [current, online, pending, sent, updatedAt]);
  return { data, error: query.error, isPending: query.isPending, refetch: query.refetch };
}

/** The answer of a mark or a clock tap: the whole meeting, as the page reads it. */
function isMeeting(answer: unknown, id: number): answer is MeetingDetailDto {
  return (
    typeof answer === 'object' &&
    answer !== null &&
    'id' in answer &&
    answer.id === id &&
    'record' in answer &&
    'abilities' in answer
  );
}

import type { MeetingDetailDto, RollCallLineDto } from '@nennep/core/meetings/api-types';
import { describe, expect, it } from 'vitest';
import type { QueuedWrite } from '../../lib/offline/queue';
import {
  applyPendingWrites,
  isPendingRow,
  liveWrites,
  overlayRollCall,
  pendingAttendanceCodes,
  rowIdOf,
  stillUnread,
} from './offline-overlay';

const line = (memberCode: string, fullName: string): RollCallLineDto => ({
  memberCode,
  fullName,
  position: 'member',
  memberStatus: 'official',
  status: 'present',
  reason: null,
  reasonAccepted: true,
  reply: null,
  suspended: false,
  attachedHere: false,
});

function meeting(over: Partial<MeetingDetailDto> = {}): MeetingDetailDto {
  return {
    id: 12,
    orgCode: 'CT.1',
    orgName: 'Chi bộ Ấp 1',
    kind: 'model',
    status: 'in_progress',
    combined: false,
    title: null,
    date: '2026-12-06',
    startTime: '19:30',
    place: null,
    total: null,
    level: null,
    startedAt: '2026-12-06T12:30:00.000Z',
    endedAt: null,
    agenda: [
      { section: 'opening', title: 'Khai mạc' },
      { section: 'content', title: 'Tình hình tháng' },
    ],
    materials: [],
    soTay: null,
    documents: [],
    contentHash: null,
    ruleSetId: 1,
    myReply: null,
    abilities: { readRecord: true, run: true, adopt: true, addendum: false, recordSoTay: false },
    record: {
      chairMemberCode: 'A',
      minuteTakerMemberCode: 'B',
      rollCall: [line('A', 'Nguyễn Văn An'), line('B', 'Trần Thị Bình'), line('C', 'Lê Văn Cường')],
      guests: [],
      opinions: [{ id: 7, agendaIndex: 1, speaker: 'Trần Thị Bình', memberCode: 'B', summary: 'Đã có' }],
      tasks: [],
      votes: [],
      probation: [],
      manualScores: {},
      conclusion: null,
      score: null,
      addenda: [],
      history: [],
    },
    ...over,
  };
}

let seq = 0;
function write(over: Partial<QueuedWrite> & Pick<QueuedWrite, 'kind' | 'path' | 'body'>): QueuedWrite {
  seq += 1;
  return {
    seq,
    key: `key-${seq}`,
    method: 'POST',
    scope: 'meeting:12',
    label: over.kind,
    createdAt: '2026-12-06T13:00:00.000Z',
    state: 'pending',
    ...over,
  };
}

const opinion = (summary: string, memberCode = 'A', over: Partial<QueuedWrite> = {}) =>
  write({
    kind: 'opinion',
    path: '/api/meetings/12/opinions',
    body: { memberCode, guestName: null, agendaIndex: 1, summary },
    ...over,
  });

describe('applyPendingWrites', () => {
  it('leaves the meeting as it is without writes', () => {
    const m = meeting();
    expect(applyPendingWrites(m, [])).toBe(m);
  });

  it('appends opinions after the server’s, in the order they were entered, marked as not sent', () => {
    const first = opinion('Thứ nhất', 'A');
    const second = opinion('Thứ hai', 'C');
    // Listed out of order: the overlay sorts by seq (the order of entry).
    const result = applyPendingWrites(meeting(), [second, first]);
    const opinions = result.record?.opinions ?? [];
    expect(opinions.map((o) => o.summary)).toEqual(['Đã có', 'Thứ nhất', 'Thứ hai']);
    expect(opinions.map((o) => isPendingRow(o))).toEqual([false, true, true]);
    expect(opinions[1]).toMatchObject({ speaker: 'Nguyễn Văn An', memberCode: 'A', agendaIndex: 1 });
    expect(opinions[2]?.speaker).toBe('Lê Văn Cường');
  });

  it('names a guest speaker by the name given', () => {
    const guest = write({
      kind: 'opinion',
      path: '/api/meetings/12/opinions',
      body: { memberCode: null, guestName: 'Đồng chí Hải', agendaIndex: 0, summary: 'Góp ý' },
    });
    const result = applyPendingWrites(meeting(), [guest]);
    expect(result.record?.opinions.at(-1)).toMatchObject({ speaker: 'Đồng chí Hải', memberCode: null });
  });

  it('changes the roll call mark, with the reason of an excused absence', () => {
    const absent = write({
      kind: 'attendance',
      method: 'PUT',
      path: '/api/meetings/12/attendance/C',
      body: { status: 'absent_excused', reason: 'Ốm', reasonAccepted: true },
    });
    const result = applyPendingWrites(meeting(), [absent]);
    const c = result.record?.rollCall.find((l) => l.memberCode === 'C');
    expect(c).toMatchObject({ status: 'absent_excused', reason: 'Ốm', reasonAccepted: true });
    expect(result.record?.rollCall.find((l) => l.memberCode === 'A')?.status).toBe('present');
    expect(pendingAttendanceCodes([absent])).toEqual(new Set(['C']));
  });

  it('keeps the last of two marks of the same member', () => {
    const marks = [
      write({
        kind: 'attendance',
        method: 'PUT',
        path: '/api/meetings/12/attendance/B',
        body: { status: 'absent_unexcused', reason: null },
      }),
      write({
        kind: 'attendance',
        method: 'PUT',
        path: '/api/meetings/12/attendance/B',
        body: { status: 'present', reason: null },
      }),
    ];
    const result = applyPendingWrites(meeting(), marks);
    expect(result.record?.rollCall.find((l) => l.memberCode === 'B')?.status).toBe('present');
  });

  it('reads a member code with a dot from the encoded path', () => {
    const lines = [line('CT.01', 'Phạm Thị Dung')];
    const mark = write({
      kind: 'attendance',
      method: 'PUT',
      path: `/api/meetings/12/attendance/${encodeURIComponent('CT.01')}`,
      body: { status: 'absent_unexcused', reason: null },
    });
    expect(overlayRollCall(lines, [mark])[0]?.status).toBe('absent_unexcused');
  });

  it('appends a vote without an outcome and a task with its member', () => {
    const vote = write({
      kind: 'vote',
      path: '/api/meetings/12/votes',
      body: {
        subject: 'resolution',
        text: 'Nghị quyết tháng',
        memberCode: null,
        for: 9,
        against: 0,
        abstain: 1,
      },
    });
    const task = write({
      kind: 'task',
      path: '/api/meetings/12/tasks',
      body: { memberCode: 'B', text: 'Thăm hộ nghèo', deadline: '2026-12-20' },
    });
    const result = applyPendingWrites(meeting(), [vote, task]);
    expect(result.record?.votes).toHaveLength(1);
    expect(result.record?.votes[0]).toMatchObject({
      text: 'Nghị quyết tháng',
      for: 9,
      abstain: 1,
      id: -vote.seq,
    });
    expect(result.record?.tasks[0]).toMatchObject({
      member: 'Trần Thị Bình',
      text: 'Thăm hộ nghèo',
      deadline: '2026-12-20',
      status: 'open',
      id: -task.seq,
    });
  });

  it('does not apply refused writes, nor writes of another meeting', () => {
    const refused = opinion('Bị từ chối', 'A', {
      state: 'refused',
      refusal: { status: 409, code: 'adopted', message: 'Biên bản đã thông qua' },
    });
    const other = opinion('Cuộc họp khác', 'A', { scope: 'meeting:13' });
    const sending = opinion('Đang gửi', 'A', { state: 'sending' });
    const result = applyPendingWrites(meeting(), [refused, other, sending]);
    expect(result.record?.opinions.map((o) => o.summary)).toEqual(['Đã có', 'Đang gửi']);
    expect(liveWrites(12, [refused, other, sending])).toEqual([sending]);
  });

  it('starts and ends the clock at the time given, else at the time entered', () => {
    const planned = meeting({ status: 'prepared', startedAt: null });
    const start = write({ kind: 'clock', path: '/api/meetings/12/start', body: {} });
    const end = write({
      kind: 'clock',
      path: '/api/meetings/12/end',
      body: { at: '2026-12-06T14:05:00.000Z' },
    });
    const started = applyPendingWrites(planned, [start]);
    expect(started).toMatchObject({ status: 'in_progress', startedAt: start.createdAt, endedAt: null });
    const ended = applyPendingWrites(planned, [start, end]);
    expect(ended).toMatchObject({ status: 'held', endedAt: '2026-12-06T14:05:00.000Z' });
  });

  it('lays nothing over adopted minutes', () => {
    const adopted = meeting({ status: 'adopted' });
    expect(applyPendingWrites(adopted, [opinion('Muộn')])).toBe(adopted);
  });

  it('does not change the meeting it was given', () => {
    const m = meeting();
    const before = JSON.stringify(m);
    applyPendingWrites(m, [
      opinion('Mới'),
      write({
        kind: 'attendance',
        method: 'PUT',
        path: '/api/meetings/12/attendance/A',
        body: { status: 'absent_unexcused', reason: null },
      }),
    ]);
    expect(JSON.stringify(m)).toBe(before);
  });
});

describe('stillUnread', () => {
  it('keeps a sent opinion laid over until the meeting read shows the id the server gave it', () => {
    const w = opinion('Gửi rồi');
    const sent = { write: w, at: 1_000, rowId: rowIdOf(w, { id: 8 }) };
    expect(sent.rowId).toBe(8);
    // A read finished after the answer but begun before the row existed: still laid over.
    expect(stillUnread(meeting(), sent, 2_000)).toBe(true);
    const read = meeting();
    read.record?.opinions.push({
      id: 8,
      agendaIndex: 1,
      speaker: 'Nguyễn Văn An',
      memberCode: 'A',
      summary: 'Gửi rồi',
    });
    expect(stillUnread(read, sent, 500)).toBe(false);
  });

  it('keeps a sent mark until a read completed after its answer', () => {
    const mark = write({
      kind: 'attendance',
      method: 'PUT',
      path: '/api/meetings/12/attendance/A',
      body: { status: 'present', reason: null },
    });
    // The answer of a mark is the whole meeting: its id is the meeting's, not a row's.
    const sent = { write: mark, at: 1_000, rowId: rowIdOf(mark, { id: 12 }) };
    expect(sent.rowId).toBeNull();
    expect(stillUnread(meeting(), sent, 900)).toBe(true);
    expect(stillUnread(meeting(), sent, 1_001)).toBe(false);
  });
});

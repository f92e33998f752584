import type { MeetingDetailDto, RollCallLineDto } from '@nennep/core/meetings/api-types';
import { useQuery } from '@tanstack/react-query';
import { fetchMembers, memberKeys } from '../../lib/member-list';
import { withOfflineCache } from '../../lib/offline/cache';
import { useQueuedWrites } from '../../lib/offline/queue';
import { meetingScope, overlayRollCall } from './offline-overlay';

export interface RollCall {
  lines: RollCallLineDto[];
  /**
   * True while the server has no roll call yet (it makes one on the first mark, the start, or a chair
   * pick): the lines come from the member registry, as the server would lay them out.
   */
  tentative: boolean;
  loading: boolean;
}

/**
 * The meeting's roll call, or until there is one, the cell's active members (kept on the device for a
 * meeting run without a network, with the marks not sent yet laid over them).
 */
export function useRollCall(meeting: MeetingDetailDto): RollCall {
  const recorded = meeting.record?.rollCall ?? [];
  const filters = { org: meeting.orgCode, pageSize: 200 };
  const { pending } = useQueuedWrites(meetingScope(meeting.id));
  const registry = useQuery({
    queryKey: memberKeys.list(filters),
    queryFn: () => withOfflineCache(`members:${meeting.orgCode}`, () => fetchMembers(filters)),
    enabled: recorded.length === 0 && !!meeting.record,
    staleTime: 60_000,
    networkMode: 'always',
  });
  if (recorded.length > 0) return { lines: recorded, tentative: false, loading: false };
  const lines: RollCallLineDto[] = (registry.data?.items ?? [])
    .filter((m) => m.orgCode === meeting.orgCode && (m.status === 'official' || m.status === 'probationary'))
    .map((m) => ({
      memberCode: m.memberCode,
      fullName: m.fullName,
      position: m.position,
      memberStatus: m.status === 'probationary' ? 'probationary' : 'official',
      status: m.exempt ? 'exempt' : 'present',
      reason: null,
      reasonAccepted: true,
      reply: null,
      suspended: false,
      attachedHere: false,
    }));
  return { lines: overlayRollCall(lines, pending), tentative: true, loading: registry.isPending };
}

export interface RollCounts {
  /**
   * Members summoned here: the cell's own (those attending another cell are not) and members of other
   * cells attending temporarily, counted in this cell's attendance (domain.md §2).
   */
  total: number;
  present: number;
  /** The cell's own official and probationary members present. */
  presentOfficial: number;
  presentProbationary: number;
  /** Members of other cells attending temporarily: on the roll call, and how many are present. */
  attachedHere: number;
  presentAttachedHere: number;
  /** Absent with a reason the cell accepted. */
  excused: number;
  /** Absent without a reason, or with one the cell did not accept (HD 12-HD/BTCTW point 2.1). */
  unexcused: number;
  exempt: number;
  elsewhere: number;
}

/** An excused absence whose reason the cell did not accept: it counts as unexcused. */
export const reasonRefused = (l: RollCallLineDto) =>
  l.status === 'absent_excused' && l.reasonAccepted === false;

export function countRoll(lines: RollCallLineDto[]): RollCounts {
  const present = lines.filter((l) => l.status === 'present');
  const ownPresent = present.filter((l) => !l.attachedHere);
  const count = (status: RollCallLineDto['status']) => lines.filter((l) => l.status === status).length;
  const refused = lines.filter(reasonRefused).length;
  return {
    total: lines.length - count('attached_elsewhere'),
    present: present.length,
    presentOfficial: ownPresent.filter((l) => l.memberStatus === 'official').length,
    presentProbationary: ownPresent.filter((l) => l.memberStatus === 'probationary').length,
    attachedHere: lines.filter((l) => l.attachedHere).length,
    presentAttachedHere: present.length - ownPresent.length,
    excused: count('absent_excused') - refused,
    unexcused: count('absent_unexcused') + refused,
    exempt: count('exempt'),
    elsewhere: count('attached_elsewhere'),
  };
}

/**
 * Official members of the cell present and not suspended: the most votes that can be cast. Members of
 * other cells attending temporarily vote in their home cell (QĐ 24-QĐ/TW point 9.3.2; domain.md §2).
 */
export const votingPresent = (lines: RollCallLineDto[]) =>
  lines.filter(
    (l) => l.memberStatus === 'official' && l.status === 'present' && !l.suspended && !l.attachedHere,
  ).length;

/** Member options for pickers: present members first, then the others, each with position. */
export function memberOptions(lines: RollCallLineDto[], presentFirst = true) {
  const sorted = presentFirst
    ? [...lines.filter((l) => l.status === 'present'), ...lines.filter((l) => l.status !== 'present')]
    : lines;
  return sorted.map((l) => ({ value: l.memberCode, label: l.fullName }));
}

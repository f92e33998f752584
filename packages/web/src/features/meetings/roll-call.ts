import { useQuery } from '@tanstack/react-query';
import type { MeetingDetail, RollCallLine } from '../../lib/types';
import { fetchMembers, memberKeys } from '../members/api';

export interface RollCall {
  lines: RollCallLine[];
  /**
   * True while the server has no roll call yet (it makes one on the first mark, the start, or a chair
   * pick): the lines come from the member registry, as the server would lay them out.
   */
  tentative: boolean;
  loading: boolean;
}

/** The meeting's roll call, or until there is one, the cell's active members. */
export function useRollCall(meeting: MeetingDetail): RollCall {
  const recorded = meeting.record?.rollCall ?? [];
  const filters = { org: meeting.orgCode, pageSize: 200 };
  const registry = useQuery({
    queryKey: memberKeys.list(filters),
    queryFn: () => fetchMembers(filters),
    enabled: recorded.length === 0 && !!meeting.record,
    staleTime: 60_000,
  });
  if (recorded.length > 0) return { lines: recorded, tentative: false, loading: false };
  const lines: RollCallLine[] = (registry.data?.items ?? [])
    .filter((m) => m.orgCode === meeting.orgCode && (m.status === 'official' || m.status === 'probationary'))
    .map((m) => ({
      memberCode: m.memberCode,
      fullName: m.fullName,
      position: m.position,
      memberStatus: m.status === 'probationary' ? 'probationary' : 'official',
      status: m.exempt ? 'exempt' : 'present',
      reason: null,
      reply: null,
    }));
  return { lines, tentative: true, loading: registry.isPending };
}

export interface RollCounts {
  /** Members of the cell summoned here (those attached to another cell are not). */
  total: number;
  present: number;
  presentOfficial: number;
  presentProbationary: number;
  excused: number;
  unexcused: number;
  exempt: number;
  elsewhere: number;
}

export function countRoll(lines: RollCallLine[]): RollCounts {
  const present = lines.filter((l) => l.status === 'present');
  const count = (status: RollCallLine['status']) => lines.filter((l) => l.status === status).length;
  return {
    total: lines.length - count('attached_elsewhere'),
    present: present.length,
    presentOfficial: present.filter((l) => l.memberStatus === 'official').length,
    presentProbationary: present.filter((l) => l.memberStatus === 'probationary').length,
    excused: count('absent_excused'),
    unexcused: count('absent_unexcused'),
    exempt: count('exempt'),
    elsewhere: count('attached_elsewhere'),
  };
}

/** Member options for pickers: present members first, then the others, each with position. */
export function memberOptions(lines: RollCallLine[], presentFirst = true) {
  const sorted = presentFirst
    ? [...lines.filter((l) => l.status === 'present'), ...lines.filter((l) => l.status !== 'present')]
    : lines;
  return sorted.map((l) => ({ value: l.memberCode, label: l.fullName }));
}

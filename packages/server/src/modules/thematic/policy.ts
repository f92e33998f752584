/**
 * Who does what in the thematic programme (domain.md §6 and §10; HD 12-HD/BTCTW (06/7/2018), its part on sinh
 * hoạt chuyên đề): a committee's administrators and committee members publish topics for its subtree and
 * approve a cell's own topic; a cell's secretary (or the committee above) registers the cell's topic and
 * shares the paper; the presenters draft the paper; the cell's members read it and comment. An unseen item is
 * a 404.
 */
import {
  CELL_KINDS,
  type RegistrationStatus,
  type Role,
  type ThematicNodeAbilities,
  type ThematicRegistrationAbilities,
  type ThematicTopicAbilities,
  type TopicStatus,
  topicAccepted,
} from '@nennep/core';
import { type Actor, ANY_ROLE, can } from '../../http/access.ts';
import { notFound } from '../../http/errors.ts';

/** The committee's staff: publish topics, approve a cell's own topic, follow the subtree. */
export const THEMATIC_STAFF: readonly Role[] = ['admin', 'committee_member'];
/** Who registers a cell's topic and shares its paper: its secretary, or the committee above. */
const CELL_MANAGERS: readonly Role[] = ['admin', 'committee_member', 'cell_secretary'];

export const isCellKind = (kind: string) => (CELL_KINDS as readonly string[]).includes(kind);

/** May the actor publish topics at this node (a committee, not a cell)? */
export const canPublishAt = (actor: Actor, org: { kind: string; path: string }) =>
  !isCellKind(org.kind) && can(actor, THEMATIC_STAFF, org.path);

/** May the actor register the cell's topic, link its meeting, share its paper? */
export const canManageCell = (actor: Actor, cellPath: string) => can(actor, CELL_MANAGERS, cellPath);

/**
 * May the actor approve or refuse a cell's own topic: the staff of a committee above the cell (a grant on
 * the cell itself is no committee's).
 */
export const canDecide = (actor: Actor, cellPath: string) =>
  actor.grants.some(
    (g) => THEMATIC_STAFF.includes(g.role) && cellPath.startsWith(g.path) && g.path !== cellPath,
  );

/** May the actor draft the paper: a manager of the cell or one of its presenters. */
export const canDraft = (actor: Actor, reg: { orgPath: string; presenterMemberIds: number[] }) =>
  canManageCell(actor, reg.orgPath) ||
  (actor.memberId !== null && reg.presenterMemberIds.includes(actor.memberId));

/** A registration the actor may not read does not exist for it. */
export function assertReadsCell<T extends { orgPath: string }>(actor: Actor, reg: T | null): T {
  if (!reg || !can(actor, ANY_ROLE, reg.orgPath)) throw notFound('thematic_registration');
  return reg;
}

/**
 * What the actor may do at the node a thematic list is for, sent with the list (house style: the web shows
 * buttons from it and never re-derives a rule): publish at a committee; register at a cell; decide the own
 * topics of the node's cells (a committee's staff over its subtree, the staff above a cell for the cell).
 */
export function nodeAbilities(actor: Actor, org: { kind: string; path: string }): ThematicNodeAbilities {
  const cell = isCellKind(org.kind);
  return {
    publish: canPublishAt(actor, org),
    register: cell && canManageCell(actor, org.path),
    decide: cell ? canDecide(actor, org.path) : canPublishAt(actor, org),
  };
}

/** The steps of a topic (topics.ts): its committee's staff publish a draft, withdraw a published one, delete a draft. */
export function topicAbilities(
  actor: Actor,
  topic: { orgPath: string; status: TopicStatus },
): ThematicTopicAbilities {
  const staff = canPublishAt(actor, { kind: 'committee', path: topic.orgPath });
  return {
    publish: staff && topic.status === 'draft',
    withdraw: staff && topic.status === 'published',
    delete: staff && topic.status === 'draft',
  };
}

/** A registration's state, as its abilities depend on it. */
export interface RegistrationState {
  orgPath: string;
  status: RegistrationStatus;
  presenterMemberIds: number[];
  sessionId: number | null;
  /** The linked meeting's status; null when none. */
  meetingStatus: string | null;
  /** The session's resolution is issued (a session paper only). */
  sessionIssued: boolean;
  /** A version exists and the latest one is not shared yet. */
  latestUnshared: boolean;
  /** At least one version was shared with the members. */
  anyShared: boolean;
  /** The actor is an active member of the cell. */
  cellMember: boolean;
}

/**
 * What the actor may do with a registration now, as registrations.ts and papers.ts decide it: the paper is
 * open while the topic is accepted, the meeting's minutes not adopted and (a session paper) the session's
 * resolution not issued (HD 12-HD/BTCTW (06/7/2018), on sinh hoạt chuyên đề); shared before the meeting
 * (HD 42-HD/BTCTW: materials published beforehand).
 */
export function registrationAbilities(actor: Actor, s: RegistrationState): ThematicRegistrationAbilities {
  const manages = canManageCell(actor, s.orgPath);
  const live = s.status !== 'refused';
  const open = topicAccepted(s.status) && s.meetingStatus !== 'adopted' && !s.sessionIssued;
  const meetingOn = s.meetingStatus === 'in_progress' || s.meetingStatus === 'held';
  return {
    replan: manages && live && s.meetingStatus !== 'held' && s.meetingStatus !== 'adopted',
    linkMeeting: manages && live && s.sessionId === null,
    decide: s.status === 'pending' && canDecide(actor, s.orgPath),
    draft: open && canDraft(actor, s),
    share: open && manages && !meetingOn && s.latestUnshared,
    comment: open && s.cellMember && s.anyShared,
  };
}

import { CELL_KINDS, isoDateInVietnam, type MeetingKind, orgCodeSchema, type Role } from '@nennep/core';
import { type SQL, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Db, rows } from '../../db/client.ts';
import { type Deps, type FeatureModule, nowOf } from '../../deps.ts';
import { type Actor, ANY_ROLE, can, requireActor } from '../../http/access.ts';
import { MEETING_READERS } from '../meetings/policy.ts';
import { visitorCells } from '../supervision/visitor-scope.ts';
import { createFeed, deleteFeed, feedNotFound } from './feeds.ts';
import { buildCalendar, type FeedMeeting, meetingEvent } from './ics.ts';

const tags = ['calendar'];
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
/** The feed shows meetings from this many days ago to this many days ahead. */
const DAYS_BEFORE = 60;
const DAYS_AFTER = 400;

const feedUrl = (token: string) => `/api/calendar/${token}.ics`;
const shiftDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The feed's owner as an actor with its grants of today: access is decided afresh on every fetch. */
interface FeedOwner {
  actor: Actor;
  orgId: number | null;
  /** Cells on which the owner holds a grant itself (not through a committee above). */
  grantedCells: number[];
}

async function feedOwner(db: Db, token: string, today: string): Promise<FeedOwner | null> {
  const [feed] = await rows<{
    accountId: number;
    orgId: number | null;
    memberId: number | null;
    username: string;
  }>(
    db,
    sql`SELECT f.account_id::int AS "accountId", f.org_id::int AS "orgId", a.member_id::int AS "memberId", a.username
        FROM calendar_feeds f JOIN accounts a ON a.id = f.account_id
        WHERE f.token = ${token} AND a.disabled = false`,
  );
  if (!feed) return null;
  const grants = await rows<Actor['grants'][number] & { kind: string }>(
    db,
    sql`SELECT g.role, o.id::int AS "orgId", o.code AS "orgCode", o.name AS "orgName", o.path, o.kind
        FROM grants g JOIN orgs o ON o.id = g.org_id WHERE g.account_id = ${feed.accountId}`,
  );
  const given = grants.map(({ kind: _kind, ...g }) => ({ ...g, role: g.role as Role }));
  const visitorOf = given.filter((g) => g.role === 'visitor');
  const visiting = visitorOf.length ? await visitorCells(db, feed.accountId, visitorOf, today) : [];
  const actor: Actor = {
    id: feed.accountId,
    username: feed.username,
    displayName: feed.username,
    memberId: feed.memberId,
    locale: 'vi',
    grants: [...given.filter((g) => g.role !== 'visitor'), ...visiting],
    visitorOf,
    csrfToken: '',
  };
  const grantedCells = grants
    .filter((g) => (CELL_KINDS as readonly string[]).includes(g.kind))
    .map((g) => g.orgId);
  return { actor, orgId: feed.orgId, grantedCells };
}

/**
 * What a feed covers now: one organisation's subtree, or — "my meetings" — the cells the owner holds a
 * grant on and the owner's own cell. Null when the owner may no longer read the organisation.
 */
async function feedScope(db: Db, owner: FeedOwner): Promise<{ name: string; where: SQL } | null> {
  const { actor, orgId } = owner;
  if (orgId !== null) {
    const [org] = await rows<{ name: string; path: string }>(
      db,
      sql`SELECT name, path FROM orgs WHERE id = ${orgId}`,
    );
    if (!org || !can(actor, ANY_ROLE, org.path)) return null;
    return { name: `Lịch sinh hoạt — ${org.name}`, where: sql`m.org_path LIKE ${`${org.path}%`}` };
  }
  const own = actor.memberId
    ? await rows<{ id: number; path: string }>(
        db,
        sql`SELECT o.id::int AS id, o.path FROM members m JOIN orgs o ON o.id = m.org_id WHERE m.id = ${actor.memberId}`,
      )
    : [];
  const cellIds = new Set(owner.grantedCells);
  for (const cell of own) if (can(actor, ANY_ROLE, cell.path)) cellIds.add(cell.id);
  if (cellIds.size === 0) return { name: 'Lịch sinh hoạt của tôi', where: sql`FALSE` };
  const ids = sql.join(
    [...cellIds].map((id) => sql`${id}`),
    sql`, `,
  );
  return { name: 'Lịch sinh hoạt của tôi', where: sql`m.org_id IN (${ids})` };
}

/** The non-cancelled meetings of a feed's scope in its date range, as the owner may see them today. */
async function feedMeetings(db: Db, actor: Actor, where: SQL, today: string): Promise<FeedMeeting[]> {
  const list = await rows<Omit<FeedMeeting, 'createdAt'> & { orgPath: string; createdAt: Date | string }>(
    db,
    sql`SELECT m.id::int AS id, m.org_path AS "orgPath", m.kind, m.status, m.combined, m.title,
          m.scheduled_date::text AS date, m.start_time AS "startTime", m.place, m.agenda, m.created_at AS "createdAt",
          o.name AS "orgName", r.content -> 'minDurationMinutes' AS "minDuration"
        FROM meetings m JOIN orgs o ON o.id = m.org_id LEFT JOIN rule_sets r ON r.id = m.rule_set_id
        WHERE ${where} AND m.status <> 'cancelled'
          AND m.scheduled_date BETWEEN ${shiftDays(today, -DAYS_BEFORE)} AND ${shiftDays(today, DAYS_AFTER)}
        ORDER BY m.scheduled_date, m.start_time, m.id LIMIT 5000`,
  );
  return (
    list
      .filter((m) => can(actor, ANY_ROLE, m.orgPath))
      // The cell committee's own meetings are for those who see the cell's records, not every member.
      .filter((m) => m.kind !== 'cell_committee' || can(actor, MEETING_READERS, m.orgPath))
      .map((m) => ({ ...m, kind: m.kind as MeetingKind, createdAt: new Date(m.createdAt) }))
  );
}

/** ICS calendar feeds: secret links a calendar program subscribes to, without a session. */
function calendarRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;

  app.post(
    '/calendar/feeds',
    { schema: { tags, body: z.object({ orgCode: orgCodeSchema.optional() }).optional() } },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const { token, org } = await createFeed(db, actor, request.body?.orgCode);
      reply.status(201);
      return { token, url: feedUrl(token), orgCode: org?.code ?? null, orgName: org?.name ?? null };
    },
  );

  app.get('/calendar/feeds', { schema: { tags } }, async (request) => {
    const actor = requireActor(request.actor);
    const list = await rows<{
      token: string;
      orgCode: string | null;
      orgName: string | null;
      createdAt: string;
    }>(
      db,
      sql`SELECT f.token, o.code AS "orgCode", o.name AS "orgName", f.created_at AS "createdAt"
          FROM calendar_feeds f LEFT JOIN orgs o ON o.id = f.org_id
          WHERE f.account_id = ${actor.id} ORDER BY f.created_at, f.token`,
    );
    return { items: list.map((f) => ({ ...f, url: feedUrl(f.token) })) };
  });

  app.delete(
    '/calendar/feeds/:token',
    { schema: { tags, params: z.object({ token: z.string().max(100) }) } },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      await deleteFeed(db, actor, request.params.token);
      return reply.status(204).send();
    },
  );

  // No session here: calendar programs fetch the secret link on their own. Access is the owner's of today.
  app.get(
    '/calendar/:token.ics',
    { schema: { tags, params: z.object({ token: z.string().max(100) }) } },
    async (request, reply) => {
      const { token } = request.params;
      const today = isoDateInVietnam(nowOf(deps));
      const owner = TOKEN.test(token) ? await feedOwner(db, token, today) : null;
      if (!owner) throw feedNotFound();
      const scope = await feedScope(db, owner);
      const meetings = scope ? await feedMeetings(db, owner.actor, scope.where, today) : [];
      const body = buildCalendar({
        name: scope?.name ?? 'Lịch sinh hoạt',
        events: meetings.map(meetingEvent),
      });
      reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .header('content-disposition', 'inline; filename="nennep.ics"');
      return body;
    },
  );
}

/** ICS calendar feeds: the module's routes as one Fastify plugin, registered by app.ts. */
export const calendarModule: FeatureModule = async (app, { deps }) => {
  calendarRoutes(app, deps);
};

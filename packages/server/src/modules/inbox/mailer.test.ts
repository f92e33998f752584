import { createServer, type Server } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/client.ts';
import { buildTestApp, login } from '../../test/factories.ts';
import { seedTree } from '../../test/tree.ts';
import { deliverPending, MAX_ATTEMPTS, smtpSender } from './mailer.ts';

/** A minimal SMTP server on loopback that keeps what it receives. */
function smtpSink() {
  const received: string[] = [];
  const server: Server = createServer((socket) => {
    let data: string | null = null;
    let buffer = '';
    socket.write('220 sink ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        if (data !== null) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          received.push(data + buffer.slice(0, end));
          buffer = buffer.slice(end + 5);
          data = null;
          socket.write('250 queued\r\n');
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol < 0) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250-sink\r\n250 OK\r\n');
        else if (verb === 'DATA') {
          data = '';
          socket.write('354 go ahead\r\n');
        } else if (verb === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('250 OK\r\n');
      }
    });
  });
  return { server, received };
}

let ctx: Awaited<ReturnType<typeof buildTestApp>>;
const sink = smtpSink();
let port = 0;

beforeAll(async () => {
  await new Promise<void>((resolve) => sink.server.listen(0, '127.0.0.1', resolve));
  port = (sink.server.address() as { port: number }).port;
  ctx = await buildTestApp({ clock: () => new Date('2026-09-01T09:00:00+07:00') });
  const { db } = ctx;
  await seedTree(db, {
    orgs: [
      { code: 'P', kind: 'committee' },
      { code: 'G', kind: 'grassroots_committee', parent: 'P' },
      { code: 'C', name: 'Chi bộ thôn Đông', kind: 'cell', parent: 'G' },
    ],
    members: [{ code: 'M1', name: 'Nguyễn Thị Thư', org: 'C' }],
    accounts: [
      ['admin', 'admin', 'P'],
      ['bithu', 'cell_secretary', 'C'],
    ],
  });
  const admin = await login(ctx.app, 'admin');
  const created = await admin.post('/api/accounts', {
    username: 'thu',
    displayName: 'Nguyễn Thị Thư',
    password: 'mat-khau-123',
    memberCode: 'M1',
    email: 'thu@example.vn',
    grants: [{ role: 'member', orgCode: 'C' }],
  });
  expect(created.statusCode).toBe(201);
});
afterAll(async () => {
  await ctx.close();
  await new Promise((resolve) => sink.server.close(resolve));
});

describe('email of notices', () => {
  it('queues an invitation for members with an address and sends it over SMTP once', async () => {
    const secretary = await login(ctx.app, 'bithu');
    const meeting = await secretary.post('/api/meetings', {
      orgCode: 'C',
      kind: 'regular',
      date: '2026-09-04',
      startTime: '19:30',
    });
    expect((await secretary.post(`/api/meetings/${meeting.json().id}/notify`)).json()).toEqual({
      sent: 1,
      recipients: 1,
    });
    const send = smtpSender(`smtp://127.0.0.1:${port}`, 'Nền Nếp <no-reply@example.vn>');
    expect(await deliverPending(ctx.db, send)).toBe(1);
    expect(await deliverPending(ctx.db, send)).toBe(0);
    expect(sink.received).toHaveLength(1);
    const message = sink.received[0] ?? '';
    expect(message).toMatch(/^To: thu@example\.vn/m);
    expect(message).toContain(`/meetings/${meeting.json().id}`);
  });

  it('keeps a message it could not send, with the error, and stops after the last attempt', async () => {
    await ctx.db.execute(
      sql`INSERT INTO mail_outbox (account_id, to_address, subject, body) VALUES (1, 'x@example.vn', 'Thử', 'Nội dung')`,
    );
    const refused = smtpSender('smtp://127.0.0.1:1', 'no-reply@example.vn');
    for (let i = 0; i < MAX_ATTEMPTS + 1; i++) expect(await deliverPending(ctx.db, refused)).toBe(0);
    const [row] = await rows<{ attempts: number; sent: boolean; error: string | null }>(
      ctx.db,
      sql`SELECT attempts, sent_at IS NOT NULL AS sent, last_error AS error FROM mail_outbox WHERE to_address = 'x@example.vn'`,
    );
    expect(row).toMatchObject({ attempts: MAX_ATTEMPTS, sent: false });
    expect(row?.error).toBeTruthy();
  });
});

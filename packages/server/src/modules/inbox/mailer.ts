import { sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { type Db, rows } from '../../db/client.ts';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** Attempts before a message is given up (its last error stays in the outbox for the operator). */
export const MAX_ATTEMPTS = 5;

/**
 * Sends up to `limit` queued messages, each marked sent or failed in its own short write, so a message
 * is never sent twice by two processes (rows are claimed with SKIP LOCKED).
 */
export async function deliverPending(
  db: Db,
  send: (mail: Mail) => Promise<void>,
  limit = 50,
): Promise<number> {
  let sent = 0;
  for (let i = 0; i < limit; i++) {
    const delivered = await db.transaction(async (tx) => {
      const [mail] = await rows<{ id: number; toAddress: string; subject: string; body: string }>(
        tx,
        sql`SELECT id::int AS id, to_address AS "toAddress", subject, body FROM mail_outbox
            WHERE sent_at IS NULL AND attempts < ${MAX_ATTEMPTS} ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED`,
      );
      if (!mail) return null;
      try {
        await send({ to: mail.toAddress, subject: mail.subject, text: mail.body });
        await tx.execute(
          sql`UPDATE mail_outbox SET sent_at = now(), attempts = attempts + 1 WHERE id = ${mail.id}`,
        );
        return true;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await tx.execute(
          sql`UPDATE mail_outbox SET attempts = attempts + 1, last_error = ${message.slice(0, 500)} WHERE id = ${mail.id}`,
        );
        return false;
      }
    });
    if (delivered === null) break;
    if (delivered) sent++;
  }
  return sent;
}

/** A sender over SMTP (`smtp://user:pass@host:port`, `smtps://…`). */
export function smtpSender(url: string, from: string) {
  const transport = nodemailer.createTransport(url);
  return async (mail: Mail) => {
    await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
  };
}

/** Delivers the outbox every `everyMs` while the server runs; returns a function that stops it. */
export function startMailer(db: Db, url: string, from: string, everyMs = 15_000): () => void {
  const send = smtpSender(url, from);
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    deliverPending(db, send)
      .catch((error: unknown) =>
        console.error(`mail: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

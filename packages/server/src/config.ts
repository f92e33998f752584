import path from 'node:path';

export interface Config {
  databaseUrl: string | null;
  dataDir: string;
  port: number;
  host: string;
  /** Secure cookies when served over HTTPS behind a proxy. */
  secureCookies: boolean;
  sessionDays: number;
  /** SMTP server for emailing notices (`smtp://user:pass@host:587`); none = in-app inbox only. */
  smtpUrl: string | null;
  mailFrom: string;
}

/** Reads configuration from the environment (documented in README). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    databaseUrl: env.DATABASE_URL?.trim() || null,
    dataDir: path.resolve(env.NENNEP_DATA_DIR?.trim() || 'data'),
    port: Number(env.PORT ?? 3000),
    host: env.HOST?.trim() || '127.0.0.1',
    secureCookies: env.NENNEP_SECURE_COOKIES === 'true',
    sessionDays: Number(env.NENNEP_SESSION_DAYS ?? 14),
    smtpUrl: env.NENNEP_SMTP_URL?.trim() || null,
    mailFrom: env.NENNEP_MAIL_FROM?.trim() || 'Nền Nếp <no-reply@localhost>',
  };
}

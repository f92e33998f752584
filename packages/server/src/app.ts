import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { fastifyTrustProxy } from './config.ts';
import { type Deps, type FeatureModule, nowOf } from './deps.ts';
import { cacheControlOf, registerCompression } from './http/compress.ts';
import { AppError, handleError } from './http/errors.ts';
import { registerSecurityHeaders } from './http/headers.ts';
import { registerIdempotency, withIdempotencyHeader } from './http/idempotency.ts';
import { type LogStream, loggerOptions } from './http/log.ts';
import { registerNoNul } from './http/no-nul.ts';
import { registerReadYourWrites } from './http/read-your-writes.ts';
import { registerSession } from './http/session.ts';
import { registerReadRetry } from './http/unavailable.ts';
import { accountsModule } from './modules/accounts/routes.ts';
import { alertsModule } from './modules/alerts/routes.ts';
import { auditModule } from './modules/audit/routes.ts';
import { authModule } from './modules/auth/routes.ts';
import { calendarModule } from './modules/calendar/routes.ts';
import { duesModule } from './modules/dues/routes.ts';
import { fourGoodModule } from './modules/four-good/routes.ts';
import { homeModule } from './modules/home/routes.ts';
import { recoverInterruptedImports } from './modules/imports/jobs.ts';
import { importsModule } from './modules/imports/routes.ts';
import { inboxModule } from './modules/inbox/routes.ts';
import { meetingsModule } from './modules/meetings/routes.ts';
import { membersModule } from './modules/members/routes.ts';
import { orgsModule } from './modules/orgs/routes.ts';
import { overviewModule } from './modules/overview/routes.ts';
import { passOnModule } from './modules/pass-on/routes.ts';
import { ratingsModule } from './modules/ratings/routes.ts';
import { recommendationsModule } from './modules/recommendations/routes.ts';
import { reportsModule } from './modules/reports/routes.ts';
import { ruleSetsModule } from './modules/rule-sets/routes.ts';
import { supervisionModule } from './modules/supervision/routes.ts';
import { thematicModule } from './modules/thematic/routes.ts';

export type App = FastifyInstance;

/**
 * The feature modules, each one Fastify plugin of its routes (`modules/<feature>/routes.ts`), registered
 * under /api in this order (the order of the OpenAPI document). A new feature adds its plugin here.
 */
const MODULES: readonly FeatureModule[] = [
  authModule,
  orgsModule,
  membersModule,
  accountsModule,
  auditModule,
  importsModule,
  ruleSetsModule,
  supervisionModule,
  recommendationsModule,
  duesModule,
  ratingsModule,
  fourGoodModule,
  reportsModule,
  meetingsModule,
  passOnModule,
  thematicModule,
  alertsModule,
  overviewModule,
  calendarModule,
  inboxModule,
  homeModule,
];

const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/** Builds the Fastify instance: plugins, the session hook, every feature module, the web app. */
export async function buildApp(
  deps: Deps,
  options: { logger?: boolean; logStream?: LogStream; webDist?: string | null } = {},
) {
  const app = Fastify({
    // Without personal data: http/log.ts.
    logger: options.logger ? loggerOptions(options.logStream) : false,
    bodyLimit: 2 * 1024 * 1024,
    // X-Forwarded-For is believed only from the proxies configured (NENNEP_TRUST_PROXY): otherwise any
    // client could name its own address and slip past the login limits (docs/OPERATIONS.md).
    trustProxy: fastifyTrustProxy(deps.config.trustProxy ?? false),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  registerSecurityHeaders(app);
  // A NUL in any string of a request is a 400 naming the field, never a database error (http/no-nul.ts).
  registerNoNul(app);
  // A read met by a database restart is tried once more before its 503 (http/unavailable.ts).
  registerReadRetry(app);
  // A write sent again with the same Idempotency-Key answers as the first did (http/idempotency.ts); before
  // compression, so that the answer is kept as the route sent it.
  registerIdempotency(app, deps);
  // br/gzip for the routes added after it: JSON answers above 1 kB, the web app's files (http/compress.ts).
  await registerCompression(app);

  await app.register(fastifyCookie);
  // With a replica (DATABASE_READ_URL), each write's answer tells the browser how far its reads must see.
  registerReadYourWrites(app, deps);
  await app.register(fastifyMultipart, { limits: { fileSize: 200 * 1024 * 1024, files: 1 } });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Nền Nếp API',
        version: '0.1.0',
        description: 'Quản lý tổ chức đảng, đảng viên, tài khoản.',
      },
    },
    transform: withIdempotencyHeader(jsonSchemaTransform),
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  // A commit cut short by a crash leaves its job 'committing' with nothing written: on start it becomes
  // 'failed', to be committed again (imports/jobs.ts).
  app.addHook('onReady', async () => {
    const recovered = await recoverInterruptedImports(deps.database);
    if (recovered > 0)
      app.log.warn(`${recovered} interrupted import(s) marked failed; they may be committed again`);
  });
  registerSession(app, deps.database.db, () => nowOf(deps));
  await app.register(
    async (api) => {
      for (const module of MODULES) await api.register(module, { deps });
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
    },
    { prefix: '/api' },
  );

  const webDist = options.webDist === undefined ? WEB_DIST : options.webDist;
  if (webDist && existsSync(webDist)) {
    // Files are looked up on each request, so a rebuilt web app is served without a restart; a missing
    // file under /assets/ is a 404 (never index.html, which a browser would take for a broken script).
    // The build's `.br`/`.gz` are sent to the browsers that accept them; hashed files are immutable for a
    // year, index.html is checked again each time (http/compress.ts).
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: true,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, filePath) => reply.header('cache-control', cacheControlOf(webDist, filePath)),
    });
    app.setNotFoundHandler((request, reply) => {
      if (request.url.startsWith('/api/') || request.url.startsWith('/assets/') || request.method !== 'GET') {
        throw new AppError(404, 'not_found', { entity: { vi: 'đường dẫn', en: 'Route' } });
      }
      return reply.sendFile('index.html');
    });
  } else {
    app.setNotFoundHandler(() => {
      throw new AppError(404, 'not_found', { entity: { vi: 'đường dẫn', en: 'Route' } });
    });
  }
  return app;
}

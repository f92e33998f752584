import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../app.ts';

/** Import of organisations and members (preview, commit, templates). */
export function importRoutes(_fastify: FastifyInstance, _deps: Deps) {}

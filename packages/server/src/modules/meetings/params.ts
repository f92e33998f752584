import { z } from 'zod';

/** The `:id` of a meeting in every meetings route (and the recommendations raised in a meeting). */
export const meetingParams = z.object({ id: z.coerce.number().int().positive() });

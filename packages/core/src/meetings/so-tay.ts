/**
 * The Sổ tay đảng viên điện tử (issue 17 item 4). HD 42-HD/BTCTW (28/10/2025) asks that a meeting's
 * materials reach the members on the Sổ tay app at least one day before the meeting. The app has no public
 * interface: Nền Nếp prepares the package (the agenda first, then the materials) and the secretary records
 * when it was posted; the materials criterion of the score sheet accepts that record beside publication in
 * Nền Nếp itself (`meetingFactsOf`).
 */
import { z } from 'zod';

/** One day, the notice HD 42-HD/BTCTW asks for between the materials and the meeting. */
export const SO_TAY_NOTICE_MS = 86_400_000;

export const SO_TAY_LIMITS = {
  /** The largest package (agenda and materials together) the server builds, in bytes: 50 MB. */
  packageMaxBytes: 50 * 1024 * 1024,
} as const;

/** `POST /api/meetings/:id/so-tay-posted`: when the package was posted on the Sổ tay app. */
export const soTayPostedSchema = z.object({ postedAt: z.iso.datetime({ offset: true }) });
export type SoTayPostedInput = z.input<typeof soTayPostedSchema>;

/**
 * Whether a posting on the Sổ tay app was early enough: at least one day before the meeting's start
 * (HD 42-HD/BTCTW (28/10/2025), materials sent at least one day before). Posted later, it is kept but is
 * not "early".
 */
export function soTayPostedEarly(postedAt: Date, start: Date): boolean {
  return postedAt.getTime() <= start.getTime() - SO_TAY_NOTICE_MS;
}

/** How long before a meeting a posting can still be for it: materials of a meeting are of its year. */
export const SO_TAY_EARLIEST_DAYS = 366;

/**
 * Why a posting time is refused, if it is: in the future by the app's clock, or more than a year
 * (`SO_TAY_EARLIEST_DAYS`) before the meeting's start, when it cannot be this meeting's package.
 */
export function soTayPostedAtProblem(postedAt: Date, now: Date, start: Date): 'future' | 'too_early' | null {
  if (postedAt.getTime() > now.getTime()) return 'future';
  if (postedAt.getTime() < start.getTime() - SO_TAY_EARLIEST_DAYS * SO_TAY_NOTICE_MS) return 'too_early';
  return null;
}

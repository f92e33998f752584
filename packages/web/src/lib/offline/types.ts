/** A write kept on the device until the server has it (issue 18; queue.ts sends them). */
export type QueuedMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export interface QueuedWrite {
  /** Order of entry (IndexedDB autoIncrement). */
  seq: number;
  /** Idempotency-Key sent with every attempt. */
  key: string;
  method: QueuedMethod;
  /** e.g. '/api/meetings/12/opinions' */
  path: string;
  body: unknown;
  /** e.g. 'meeting:12' | 'visit:5' */
  scope: string;
  /** 'attendance' | 'opinion' | 'vote' | 'task' | 'clock' | 'visit-report' … */
  kind: string;
  /** What was entered, in the user's words: "Ý kiến — Nguyễn Văn An". */
  label: string;
  /** Device time, ISO (a fact of the device, not a business date). */
  createdAt: string;
  state: 'pending' | 'sending' | 'refused';
  refusal?: { status: number; code: string; message: string };
}

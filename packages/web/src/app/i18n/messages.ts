import type { vi } from './vi';

/** The shape of the UI texts: the Vietnamese ones are the reference, every other language has the same keys. */
export type Messages = typeof vi;

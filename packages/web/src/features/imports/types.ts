/**
 * The answers of the imports API are core's DTOs (`core/src/imports/types.ts`, taken with `import type`);
 * this file keeps what only the page has: the user's column choice.
 */

/** One import column key (or null, ignored) per file column, in the file's order. */
export type ColumnChoice = (string | null)[];

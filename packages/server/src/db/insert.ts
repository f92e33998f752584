/**
 * The one row an `INSERT … RETURNING` (or an upsert) wrote. A statement that returned no row throws, so
 * the transaction rolls back: never an id of 0 or a made-up value standing for a row that is not there.
 * `what` names the row in the error ("opinion", "document counter").
 */
export async function insertOne<T>(statement: PromiseLike<readonly T[]>, what: string): Promise<T> {
  const [row] = await statement;
  if (row === undefined) throw new Error(`${what}: the insert returned no row`);
  return row;
}

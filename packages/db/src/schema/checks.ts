import { sql } from 'drizzle-orm';

/** A CHECK that a text column holds one of the given codes (codes grow without a type migration). */
export const inList = (column: string, values: readonly string[]) => sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);

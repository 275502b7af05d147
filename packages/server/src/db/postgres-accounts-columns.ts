/**
 * Column readers for the typed row mappers of the accounts, sessions, institution-administration and inbox ports:
 * a raw `execute()` row is a record of unknowns, and each mapper reads every column it returns through one of these.
 */
export type Row = Record<string, unknown>;

export const str = (v: unknown): string => String(v);
export const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
export const num = (v: unknown): number => Number(v);
export const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
export const bool = (v: unknown): boolean => v === true || v === 't' || v === 'true';
export const ints = (v: unknown): number[] => (Array.isArray(v) ? v.map(Number) : []);
export const intsOrNull = (v: unknown): number[] | null => (v === null || v === undefined ? null : ints(v));
export const texts = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
/** A timestamp column (a Date from node-postgres and PGlite; a string once through JSON). */
export const date = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));
export const dateOrNull = (v: unknown): Date | null => (v === null || v === undefined ? null : date(v));
/** A json/jsonb column: parsed by the driver, but a string if it came through a text cast. */
export const json = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);
export const jsonArray = (v: unknown): Row[] => {
  const parsed = json(v);
  return Array.isArray(parsed) ? (parsed as Row[]) : [];
};
export const record = (v: unknown): Record<string, unknown> => {
  const parsed = json(v);
  return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
};
/** 'id' | 'en' from a language column (anything else is the default, Indonesian). */
export const language = (v: unknown): 'id' | 'en' => (v === 'en' ? 'en' : 'id');

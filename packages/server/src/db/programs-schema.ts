/**
 * Program channels (issue 15): a program such as the FCPF Carbon Fund's grievance mechanism in East Kalimantan has
 * its own area, categories, intake fields and handlers per level (village, regency/city, province) inside the one
 * system. Re-exported from schema.ts; imports nothing from there (the layer rules forbid circular imports).
 */
import { sql } from 'drizzle-orm';
import { boolean, check, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

// The referenced table as far as a foreign key needs it; not exported, so drizzle-kit sees the real one only.
const institutions = pgTable('institutions', { id: integer('id').primaryKey() });

const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** The levels a program's grievance climbs, lowest first. */
export const PROGRAM_LEVELS = ['village', 'regency', 'province'] as const;

export const programs = pgTable(
  'programs',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    /** The program's slug in its intake link: `/program/fcpf-cf-kaltim`. */
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    description: text('description'),
    /** The institution that owns the program (its admins configure it; its oversight reads the program report). */
    ownerInstitutionId: integer('owner_institution_id')
      .notNull()
      .references(() => institutions.id),
    /** Region codes whose villages form the area; a code covers every village under it. */
    areaRegionCodes: text('area_region_codes').array().notNull(),
    /** The program's own categories: `[{ code, name, nameEn }]`. */
    categories: jsonb('categories').notNull(),
    /** Extra intake fields: `[{ key, label, labelEn, type, options?, required }]`. */
    fields: jsonb('fields').notNull(),
    /** Handlers and deadlines per level: `[{ level, handler, deadlineDays }]`, one entry per level, lowest first. */
    levels: jsonb('levels').notNull(),
    /** Whether its reports also count in the normal evaluation of the institutions that handle them. */
    countsInEvaluation: boolean('counts_in_evaluation').notNull().default(true),
    active: boolean('active').notNull().default(true),
    /** Where the program's facts come from (decree, agreement, announcement). */
    source: text('source'),
    createdAt: tstz('created_at').notNull(),
    updatedAt: tstz('updated_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [check('programs_area_check', sql`cardinality(${t.areaRegionCodes}) > 0`)],
);

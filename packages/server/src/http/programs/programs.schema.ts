/** Request and response schemas of the program routes (issue 15); the rules on top of the shapes are core's. */
import { z } from '@hono/zod-openapi';
import { PROGRAM_FIELD_TYPES, PROGRAM_LEVELS, REPORT_STATUSES } from '@pintu/core';
import { regionCode, text } from '../fields';

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,58}[a-z0-9]?$/, 'Huruf kecil, angka dan tanda hubung.');
const level = z.enum(PROGRAM_LEVELS);

const Handler = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('village_unit') }).strict(),
    z.object({ kind: z.literal('regional_government') }).strict(),
    z.object({ kind: z.literal('institution'), code: z.string().min(1).max(100) }).strict(),
  ])
  .openapi('ProgramHandler', {
    description:
      '`village_unit`: the village’s own unit under its regency/city government (created on first use); ' +
      '`regional_government`: the regency/city or province government of the grievance’s village; ' +
      '`institution`: a named institution by code.',
  });

const Category = z
  .object({
    code: slug,
    name: text(1, 120),
    nameEn: text(1, 120).nullable().default(null),
    categoryId: z.number().int().positive().openapi({ description: 'The national category it maps to' }),
  })
  .strict();

const Field = z
  .object({
    key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/),
    label: text(1, 120),
    labelEn: text(1, 120).nullable().default(null),
    type: z.enum(PROGRAM_FIELD_TYPES),
    options: z.array(text(1, 120)).max(50).optional(),
    required: z.boolean().default(false),
  })
  .strict();

const Level = z
  .object({ level, handler: Handler, deadlineDays: z.number().int().min(1).max(250) })
  .strict()
  .openapi('ProgramLevel');

/** A program's whole configuration (PUT takes the same without `code`). */
const configShape = {
  name: text(1, 200),
  nameEn: text(1, 200).nullable().default(null),
  description: text(0, 4000).nullable().default(null),
  ownerCode: z.string().min(1).max(100).openapi({ example: 'pemprov-64' }),
  areaRegionCodes: z.array(regionCode).min(1).max(500),
  categories: z.array(Category).min(1).max(50),
  fields: z.array(Field).max(30).default([]),
  levels: z.array(Level).min(1).max(3).openapi({ description: 'One per level, lowest first, none skipped' }),
  countsInEvaluation: z.boolean().default(true),
  active: z.boolean().default(true),
  source: text(0, 4000).nullable().default(null),
};
export const ProgramCreate = z
  .object({ code: slug.openapi({ example: 'fcpf-cf-kaltim' }), ...configShape })
  .strict()
  .openapi('ProgramCreate');
export const ProgramUpdate = z.object(configShape).strict().openapi('ProgramUpdate');

const Owner = z.object({ id: z.number(), name: z.string() });

export const ProgramSummary = z
  .object({
    code: z.string(),
    name: z.string(),
    nameEn: z.string().nullable(),
    description: z.string().nullable(),
    owner: Owner,
    areaRegionCodes: z.array(z.string()),
  })
  .openapi('ProgramSummary');

export const ProgramDetail = ProgramSummary.extend({
  categories: z.array(
    z.object({ code: z.string(), name: z.string(), nameEn: z.string().nullable(), categoryId: z.number() }),
  ),
  fields: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      labelEn: z.string().nullable(),
      type: z.enum(PROGRAM_FIELD_TYPES),
      options: z.array(z.string()).optional(),
      required: z.boolean(),
    }),
  ),
  levels: z.array(
    z.object({
      level,
      deadlineDays: z.number(),
      handlerName: z.string().openapi({ description: 'Who handles this level, in Indonesian' }),
      handlerNameEn: z.string(),
    }),
  ),
  source: z.string().nullable(),
}).openapi('ProgramDetail');

export const AdminProgram = ProgramSummary.extend({
  id: z.number(),
  ownerCode: z.string(),
  categories: ProgramDetail.shape.categories,
  fields: ProgramDetail.shape.fields,
  levels: z.array(Level),
  countsInEvaluation: z.boolean(),
  active: z.boolean(),
  source: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
}).openapi('AdminProgram');

export const CodeParam = z.object({
  code: slug.openapi({ param: { name: 'code', in: 'path' }, example: 'fcpf-cf-kaltim' }),
});

export const ListQuery = z.object({
  regionCode: regionCode.optional().openapi({ description: 'Only programs whose area covers this village' }),
});

export const QueueQuery = z.object({
  level: level.optional(),
  status: z.enum(REPORT_STATUSES).optional(),
  cursor: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const QueuePage = z
  .object({
    items: z.array(
      z.object({
        trackingId: z.string(),
        title: z.string(),
        status: z.enum(REPORT_STATUSES),
        level: level.nullable(),
        levelDueAt: z.string().nullable(),
        overdue: z.boolean().openapi({ description: 'The level deadline has passed and it is still open' }),
        village: z.object({ code: z.string(), name: z.string().nullable() }),
        category: z.string().nullable(),
        holder: z.object({ id: z.number(), name: z.string().nullable() }).nullable(),
        createdAt: z.string(),
      }),
    ),
    nextCursor: z.string().nullable(),
  })
  .openapi('ProgramQueuePage');

export const PeriodQuery = z.object({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  format: z.enum(['json', 'csv']).default('json'),
});

const statusCounts = z.record(z.enum(REPORT_STATUSES), z.number());
export const ProgramReport = z
  .object({
    program: z.object({ code: z.string(), name: z.string() }),
    period: z.object({ from: z.string().nullable(), to: z.string().nullable(), timeZone: z.string() }),
    total: z.number(),
    byCategory: z.array(z.object({ code: z.string(), name: z.string(), count: z.number() })),
    byLevel: z.record(level, z.number()),
    byVillage: z.array(z.object({ code: z.string(), name: z.string().nullable(), count: z.number() })),
    byStatus: statusCounts,
    byGender: z.object({ female: z.number(), male: z.number(), notGiven: z.number() }),
    genderByStatus: z.object({ female: statusCounts, male: statusCounts, notGiven: statusCounts }),
    timeToResolve: z.object({
      resolved: z.number(),
      meanWorkingDays: z.number().nullable(),
      medianWorkingDays: z.number().nullable(),
    }),
    withinDeadline: z.object({ resolved: z.number(), within: z.number(), percent: z.number().nullable() }),
  })
  .openapi('ProgramReport');

export const VillageList = z
  .object({
    items: z.array(
      z.object({
        code: z.string(),
        name: z.string().nullable(),
        filed: z.number(),
        byFacilitators: z.number(),
        open: z.number(),
        resolved: z.number(),
        point: z.object({ lat: z.number(), lng: z.number() }).nullable(),
      }),
    ),
  })
  .openapi('ProgramVillages');

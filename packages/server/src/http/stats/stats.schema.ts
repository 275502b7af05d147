/** Request and response schemas of the statistics API (GET /api/v1/stats/...). */
import { z } from '@hono/zod-openapi';
import type { GradeBasis, GradeScale } from '@pintu/core';

const localDate = z
  .string()
  .max(10)
  .optional()
  .openapi({ description: 'Local date YYYY-MM-DD, inclusive, by disposition date', example: '2024-06-30' });
const format = z
  .enum(['json', 'csv', 'xlsx'])
  .optional()
  .openapi({ description: 'csv (UTF-8 with BOM) or xlsx as an attachment; JSON by default' });
const bool = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

/**
 * The grade scale (domain.md §9: configurable thresholds): the basis and the minimums of Sangat Baik, Baik and
 * Sedang, highest first; the default is completion rate 90, 75, 50.
 */
const gradeParams = {
  gradeBasis: z.enum(['completionRate', 'followUpRate']).optional(),
  gradeThresholds: z
    .string()
    .regex(/^\d{1,3}(\.\d{1,2})?,\d{1,3}(\.\d{1,2})?,\d{1,3}(\.\d{1,2})?$/, 'Tiga angka, mis. 90,75,50.')
    .refine((v) => {
      const [a, b, c] = v.split(',').map(Number) as [number, number, number];
      return a <= 100 && a > b && b > c;
    }, 'Menurun dan paling tinggi 100, mis. 90,75,50.')
    .optional()
    .openapi({ description: 'Minimums of Sangat Baik, Baik and Sedang, decreasing; default 90,75,50' }),
};

export const PeriodQuery = z.object({ from: localDate, to: localDate, format });

export const ScopeQuery = PeriodQuery.extend({
  ...gradeParams,
  institutionId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  subtree: bool.openapi({ description: 'Include the institution’s units (default true)', type: 'string' }),
  regionCode: z
    .string()
    .regex(/^\d{2}$/, 'Kode provinsi 2 digit.')
    .optional()
    .openapi({ description: 'A province (2-digit Kemendagri code): reports located there', example: '64' }),
});

export const RankingsQuery = PeriodQuery.extend({
  ...gradeParams,
  kind: z.enum(['regional_government', 'ministry']).default('regional_government'),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
});

export const ByRegionQuery = ScopeQuery.extend({ level: z.enum(['province']).default('province') });

export const OversightQuery = z.object({
  institutionId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  subtree: bool.openapi({ type: 'string' }),
  from: localDate,
  to: localDate,
  format,
});

export const AspirationsQuery = PeriodQuery.extend({
  regionCode: z
    .string()
    .regex(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/, 'Kode wilayah Kemendagri tidak valid.')
    .optional(),
});

export const EvaluationParams = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2_147_483_647)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

const rate = z.number().nullable().openapi({ description: 'Percentage, 2 decimals; null when undefined' });
const grade = z.object({ code: z.string(), label: z.string() }).nullable();

export const Summary = z
  .object({
    scope: z.object({
      kind: z.enum(['national', 'institution', 'region']),
      id: z.string().nullable(),
      name: z.string(),
    }),
    period: z.object({ from: z.string(), to: z.string() }),
    indicators: z.object({
      received: z.number(),
      resolved: z.number(),
      inProcess: z.number(),
      notFollowedUp: z.number(),
      onHold: z.number(),
      archived: z.number(),
      completionRate: rate,
      followUpRate: rate,
      averageFollowUpSpeed: z.number().nullable().openapi({ description: 'Working days, 1 decimal' }),
      followedUp: z.number(),
      overdueNow: z.number(),
      reopenRate: rate,
      meanRating: z.number().nullable(),
      rated: z.number(),
      slaCompliance: z.array(z.object({ stage: z.string(), met: z.number(), breached: z.number(), rate })),
      backlogAge: z.array(z.object({ bucket: z.string(), count: z.number() })),
    }),
    institutions: z.object({ total: z.number(), connected: z.number(), active: z.number() }),
    activity: z
      .object({
        staffActivity: z.array(z.object({ role: z.string(), action: z.string(), count: z.number() })),
        boilerplateFollowUps: z.number(),
        forwards: z.array(
          z.object({
            institutionId: z.number(),
            name: z.string(),
            forwards: z.number(),
            heldWorkingDays: z.number(),
            averageHeldDays: z.number(),
          }),
        ),
      })
      .nullable()
      .openapi({
        description:
          'Institution scope only: staff events by role and action (WIB days), boilerplate follow-ups, and reports returned as not our authority with the working days each holder kept them',
      }),
    grade,
  })
  .openapi('StatsSummary');

export const Rankings = z
  .object({
    kind: z.string(),
    period: z.object({ from: z.string(), to: z.string() }),
    items: z.array(
      z.object({
        rank: z.number(),
        institutionId: z.number(),
        name: z.string(),
        received: z.number(),
        resolved: z.number(),
        completionRate: rate,
        followUpRate: rate,
        averageFollowUpSpeed: z.number().nullable(),
        grade,
      }),
    ),
  })
  .openapi('StatsRankings');

/** Lists whose items are described in the route's text (kept loose so added fields never break clients). */
export const ItemList = z.object({ items: z.array(z.record(z.string(), z.unknown())) }).passthrough();
export const Aspirations = z
  .object({
    groups: z.array(
      z.object({ topic: z.string(), regionCode: z.string(), regionName: z.string(), count: z.number() }),
    ),
    terms: z.array(z.object({ term: z.string(), count: z.number() })),
  })
  .passthrough()
  .openapi('StatsAspirations');

export type ScopeParamsIn = z.infer<typeof ScopeQuery>;

/** The grade scale of a request's `gradeBasis` and `gradeThresholds`. */
export function gradeScaleOf(q: {
  gradeBasis?: GradeBasis | undefined;
  gradeThresholds?: string | undefined;
}): GradeScale {
  const [a, b, c] = (q.gradeThresholds ?? '90,75,50').split(',').map(Number) as [number, number, number];
  return {
    basis: q.gradeBasis ?? 'completionRate',
    bands: [
      { min: a, grade: 'sangat_baik' },
      { min: b, grade: 'baik' },
      { min: c, grade: 'sedang' },
    ],
    fallback: 'kurang',
  };
}

/** Request and response schemas of the inbox. */
import { z } from '@hono/zod-openapi';
import { INBOX_QUEUES, REPORT_STATUSES, REPORT_TYPES } from '@pintu/core';
import { DueNotice, paging, regionCode } from '../fields';

export const InboxQuery = z.object({
  queue: z.enum(INBOX_QUEUES).default('to_verify'),
  sort: z.enum(['deadline', 'newest']).default('deadline'),
  categoryId: z.coerce.number().int().positive().optional(),
  regionCode: regionCode.optional(),
  type: z.enum(REPORT_TYPES).optional(),
  unitId: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .openapi({ description: 'Only reports held by this unit or below it (inside your scope).' }),
  q: z.string().trim().min(2).max(200).optional().openapi({ description: 'Full text, or a trackingId' }),
  ...paging,
});

export const InboxItem = z
  .object({
    trackingId: z.string(),
    type: z.enum(REPORT_TYPES),
    title: z.string(),
    status: z.enum(REPORT_STATUSES),
    statusLabel: z.string(),
    holder: z.object({ id: z.number(), name: z.string() }).nullable(),
    category: z.object({ id: z.number(), name: z.string() }),
    region: z.object({ code: z.string(), name: z.string() }),
    dueAt: z.string().nullable(),
    workingDaysLeft: z.number().int().nullable().openapi({
      description:
        'Working days to the deadline in the holder’s time zone; 0 = due today, negative = overdue',
    }),
    dueState: z.enum(['overdue', 'due_soon', 'ok']).nullable(),
    dueNotice: DueNotice,
    waitingOn: z.enum(['institution', 'reporter']),
    isAnonymous: z.boolean(),
    isConfidential: z.boolean(),
    unattended: z
      .boolean()
      .openapi({ description: 'Held by an institution that is not connected (no SK yet)' }),
    readOnly: z.boolean(),
    createdAt: z.string(),
  })
  .strict()
  .openapi('InboxItem');
export type InboxItem = z.infer<typeof InboxItem>;

export const InboxPage = z
  .object({
    queue: z.enum(INBOX_QUEUES),
    counts: z.object(
      Object.fromEntries(INBOX_QUEUES.map((q) => [q, z.number().int()])) as Record<
        (typeof INBOX_QUEUES)[number],
        z.ZodNumber
      >,
    ),
    countsExact: z
      .object(
        Object.fromEntries(INBOX_QUEUES.map((q) => [q, z.boolean()])) as Record<
          (typeof INBOX_QUEUES)[number],
          z.ZodBoolean
        >,
      )
      .openapi({
        description:
          'False where the scope holds over ~20,000 open reports and the queue over 1,000: its count is 1,000 (“1,000+”)',
      }),
    items: z.array(InboxItem),
    page: z.number(),
    pageSize: z.number(),
    total: z.number(),
  })
  .openapi('InboxPage');

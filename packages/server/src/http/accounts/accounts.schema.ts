/** Request and response schemas of the account routes: the caller's own account, and staff accounts. */
import { z } from '@hono/zod-openapi';
import { STAFF_ROLES } from '@pintu/core';
import { paging, text } from '../fields';

const Grant = z.object({
  id: z.number().int().optional().openapi({ description: 'The grant, for taking it away' }),
  role: z.string().openapi({ example: 'coordinator' }),
  institutionId: z.number().int().nullable(),
  institutionName: z.string().nullable(),
});

export const Me = z
  .object({
    userId: z.string(),
    name: z.string(),
    email: z.string(),
    emailVerified: z.boolean(),
    phone: z.string().nullable(),
    language: z.enum(['id', 'en']),
    mustChangePassword: z.boolean(),
    twoFactorEnabled: z.boolean(),
    grants: z.array(Grant.extend({ institutionCode: z.string().nullable() })),
    permissions: z.array(z.string()),
  })
  .openapi('Me');

export const StaffInput = z
  .object({
    name: text(2, 120).openapi({ example: 'Siti Rahmawati' }),
    email: z.email().max(254).openapi({ example: 'siti.rahmawati@samarindakota.go.id' }),
    role: z.enum(STAFF_ROLES),
    institutionId: z.number().int().positive().nullable().optional(),
    phone: z
      .string()
      .regex(/^\+?[0-9]{8,15}$/, 'Nomor telepon tidak valid.')
      .optional(),
    language: z.enum(['id', 'en']).default('id'),
  })
  .strict()
  .openapi('StaffInput');

export const StaffMember = z
  .object({
    userId: z.string(),
    name: z.string(),
    email: z.string(),
    language: z.enum(['id', 'en']),
    active: z.boolean(),
    mustChangePassword: z.boolean(),
    twoFactorEnabled: z.boolean(),
    createdAt: z.string(),
    grants: z.array(Grant),
  })
  .openapi('StaffMember');

export const StaffQuery = z.object({
  institutionId: z.coerce.number().int().positive().optional(),
  ...paging,
});

export const StaffPage = z
  .object({
    items: z.array(StaffMember),
    page: z.number(),
    pageSize: z.number(),
    total: z.number(),
  })
  .openapi('StaffPage');

export const UserParam = z.object({
  userId: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'userId', in: 'path' } }),
});

export const GrantInput = z
  .object({
    role: z.enum(STAFF_ROLES),
    institutionId: z.number().int().positive().nullable().optional(),
  })
  .strict()
  .openapi('GrantInput');

export const GrantParam = UserParam.extend({
  grantId: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'grantId', in: 'path' } }),
});

/** Request and response schemas of the integration API (ADR 0012): apps, keys, and what an app reads. */
import { z } from '@hono/zod-openapi';
import { REPORT_STATUSES } from '@pintu/core';
import { text } from '../fields';

export const AppIdParam = z.object({
  appId: z.string().openapi({ param: { name: 'appId', in: 'path' }, example: 'app_abcdefghijklmnop' }),
});
export const KeyIdParam = z.object({
  keyId: z.string().openapi({ param: { name: 'keyId', in: 'path' }, example: 'key_abcdefghijklmnop' }),
});

export const AppInput = z
  .object({
    name: text(2, 100),
    slug: z
      .string()
      .regex(
        /^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$/,
        'Slug: huruf kecil, angka dan tanda hubung, 1–40 karakter.',
      )
      .openapi({ example: 'lapor-wal' }),
    institutionId: z.number().int().positive(),
    contactName: text(2, 100),
    contactEmail: z.email().max(254),
  })
  .strict()
  .openapi('IntegrationAppInput');

export const AppPatchInput = z
  .object({
    name: text(2, 100).optional(),
    contactName: text(2, 100).optional(),
    contactEmail: z.email().max(254).optional(),
    disabled: z.boolean().optional(),
  })
  .strict()
  .openapi('IntegrationAppPatch');

export const AppView = z
  .object({
    id: z.string(),
    name: z.string(),
    slug: z.string(),
    channel: z.string(),
    institutionId: z.number(),
    contactName: z.string(),
    contactEmail: z.string(),
    createdAt: z.string(),
    disabledAt: z.string().nullable(),
  })
  .openapi('IntegrationApp');

export const PERMISSIONS = ['reports:file', 'reports:read', 'reports:act', 'webhooks:manage'] as const;

export const KeyInput = z
  .object({
    name: text(1, 100),
    permissions: z.array(z.enum(PERMISSIONS)).min(1).max(4),
    expiresAt: z.iso.datetime({ offset: true }).optional(),
    rateLimit: z.number().int().min(1).max(100_000).optional(),
  })
  .strict()
  .openapi('IntegrationKeyInput');

export const RotateInput = z
  .object({ overlapHours: z.number().int().min(0).max(720).optional() })
  .strict()
  .openapi('IntegrationKeyRotate');

export const KeyView = z
  .object({
    id: z.string(),
    appId: z.string(),
    prefix: z.string(),
    name: z.string(),
    permissions: z.array(z.string()),
    rateLimit: z.number(),
    expiresAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    rotatedFrom: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    createdAt: z.string(),
    status: z.enum(['live', 'expiring', 'expired', 'revoked']),
  })
  .openapi('IntegrationKey');

export const CreatedKeyView = KeyView.extend({
  key: z.string().openapi({ description: 'The API key itself: shown this once, never again.' }),
  previous: z.object({ id: z.string(), expiresAt: z.string() }).optional(),
}).openapi('IntegrationKeyCreated');

export const ReportsQuery = z.object({
  scope: z.enum(['filed', 'held']).default('held'),
  updatedSince: z.string().optional().openapi({ example: '2026-12-01T00:00:00Z' }),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const IntegrationReport = z
  .object({
    trackingId: z.string(),
    title: z.string(),
    status: z.enum(REPORT_STATUSES),
    institutionId: z.number().nullable(),
    channel: z.string(),
    externalRef: z.string().nullable(),
    dueAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number(),
  })
  .openapi('IntegrationReport');

export const IntegrationReportPage = z
  .object({ items: z.array(IntegrationReport), nextCursor: z.string().nullable() })
  .openapi('IntegrationReportPage');

export const IfMatchHeader = z.object({
  'if-match': z
    .string()
    .optional()
    .openapi({ description: 'The report version the app last saw: `"<version>"`.' }),
});

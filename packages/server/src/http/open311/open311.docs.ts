/**
 * The Open311 endpoint in the OpenAPI document, for discovery only: its answers are GeoReport v2's own XML and
 * JSON (docs/open311.md), not this API's problem+json, and `{format}` is `xml` or `json`.
 */
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../context';

const tags = ['open311'];
const format = z.enum(['xml', 'json']).openapi({ param: { name: 'format', in: 'path' } });
const pathText = (name: string, description: string) =>
  z.string().openapi({ param: { name, in: 'path' }, description });
const jurisdiction = z.string().optional().openapi({
  description: 'Optional: this instance serves one jurisdiction, the host of its public address.',
});

const answer = (description: string) => ({
  description,
  content: {
    'text/xml': { schema: z.string() },
    'application/json': { schema: z.unknown() },
  },
});
const errors = {
  400: answer('The request cannot be fulfilled: `errors` of `{code, description}`'),
  404: answer('Not found (service_code, service_request_id, token or jurisdiction_id)'),
};

export function registerOpen311Docs(app: OpenAPIHono<AppEnv>): void {
  const r = app.openAPIRegistry;
  r.registerPath({
    method: 'get',
    path: '/open311/v2/discovery.{format}',
    tags,
    summary: 'Open311 service discovery: the GeoReport v2 endpoint, its formats and how to get a key',
    request: { params: z.object({ format }) },
    responses: { 200: answer('The discovery document'), ...errors },
  });
  r.registerPath({
    method: 'get',
    path: '/open311/v2/services.{format}',
    tags,
    summary: 'GeoReport v2 services: every category, `group` its topic',
    request: { params: z.object({ format }), query: z.object({ jurisdiction_id: jurisdiction }) },
    responses: { 200: answer('The services'), ...errors },
  });
  r.registerPath({
    method: 'get',
    path: '/open311/v2/services/{service_code}.{format}',
    tags,
    summary:
      'A service definition: the attributes of a report (type, title, incident date, anonymity, confidentiality)',
    request: {
      params: z.object({ service_code: pathText('service_code', 'A category code'), format }),
      query: z.object({ jurisdiction_id: jurisdiction }),
    },
    responses: { 200: answer('The service definition'), ...errors },
  });
  r.registerPath({
    method: 'get',
    path: '/open311/v2/requests.{format}',
    tags,
    summary:
      'Public requests (never confidential ones, never a reporter): last 90 days, at most 1000, newest first',
    request: {
      params: z.object({ format }),
      query: z.object({
        jurisdiction_id: jurisdiction,
        service_request_id: z
          .string()
          .optional()
          .openapi({ description: 'Comma-separated; overrides the rest' }),
        service_code: z.string().optional().openapi({ description: 'Comma-separated' }),
        start_date: z.string().optional().openapi({ description: 'W3C date-time with zone' }),
        end_date: z
          .string()
          .optional()
          .openapi({ description: 'W3C date-time; at most 90 days after start_date' }),
        status: z.string().optional().openapi({ description: '`open`, `closed`, or both comma-separated' }),
      }),
    },
    responses: { 200: answer('The requests'), ...errors },
  });
  r.registerPath({
    method: 'post',
    path: '/open311/v2/requests.{format}',
    tags,
    summary:
      'File a report through Open311 with an integration API key (`api_key` form field), channel `open311`',
    request: {
      params: z.object({ format }),
      body: {
        required: true,
        content: {
          'application/x-www-form-urlencoded': {
            schema: z.object({
              api_key: z.string(),
              service_code: z.string(),
              lat: z.string().optional(),
              long: z.string().optional(),
              address_string: z.string().optional(),
              address_id: z.string().optional().openapi({ description: 'A Kemendagri region code' }),
              description: z.string(),
              email: z.string().optional(),
              first_name: z.string().optional(),
              last_name: z.string().optional(),
              phone: z.string().optional(),
              media_url: z.string().optional(),
            }),
          },
        },
      },
    },
    responses: {
      200: answer('Filed: service_request_id, and the access code once in service_notice'),
      403: answer('Missing or invalid api_key'),
      ...errors,
    },
  });
  r.registerPath({
    method: 'get',
    path: '/open311/v2/requests/{service_request_id}.{format}',
    tags,
    summary: 'One public request; a confidential one is not found',
    request: {
      params: z.object({ service_request_id: pathText('service_request_id', 'The trackingId'), format }),
      query: z.object({ jurisdiction_id: jurisdiction }),
    },
    responses: { 200: answer('The request'), ...errors },
  });
  r.registerPath({
    method: 'get',
    path: '/open311/v2/tokens/{token}.{format}',
    tags,
    summary: 'The request of a token (filing is realtime: a service_request_id is its own token)',
    request: {
      params: z.object({ token: pathText('token', 'A token'), format }),
      query: z.object({ jurisdiction_id: jurisdiction }),
    },
    responses: { 200: answer('The request id'), ...errors },
  });
}

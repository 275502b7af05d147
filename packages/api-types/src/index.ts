/**
 * The types of Pintu's HTTP API, generated from the server's OpenAPI document (openapi.ts, see
 * scripts/generate.ts), and shorthands to reach into them. Types only: importing this package adds no code.
 */
import type { components, paths } from './openapi';

export type { components, operations, paths } from './openapi';

type Method = 'get' | 'put' | 'post' | 'delete' | 'patch';

/** An operation of the document: `method` on `path` (a full path, e.g. `/api/v1/reports/{trackingId}`). */
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;

type Json<C> = C extends { content: { 'application/json': infer T } } ? T : never;

/** A named schema of the document (`components.schemas`). */
export type Schema<N extends keyof components['schemas']> = components['schemas'][N];

/** The JSON body of a success (2xx) answer of `method path`. */
export type ResponseBody<P extends keyof paths, M extends Method = 'get'> = Json<
  Operation<P, M>['responses'][Extract<keyof Operation<P, M>['responses'], 200 | 201 | 202>]
>;

/** The JSON request body of `method path`. */
export type RequestBody<P extends keyof paths, M extends Method = 'post'> = Json<
  NonNullable<Operation<P, M>['requestBody']>
>;

/** The query parameters of `method path`. */
export type QueryParams<P extends keyof paths, M extends Method = 'get'> = NonNullable<
  Operation<P, M>['parameters']['query']
>;

/** The item of a list answer (`{ items: T[] }`) of `method path`. */
export type ItemOf<P extends keyof paths, M extends Method = 'get'> =
  ResponseBody<P, M> extends { items: (infer T)[] } ? T : never;

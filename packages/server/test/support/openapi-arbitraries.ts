/**
 * fast-check arbitraries from the server's own OpenAPI 3.1 document, for the route fuzzer (issue 16 §4): values that
 * follow a JSON schema, values that break it, and hostile ones (injection strings, control characters, huge or
 * deeply nested input, prototype keys, numbers at the edge).
 */
import fc from 'fast-check';

// biome-ignore lint/suspicious/noExplicitAny: JSON schemas are walked structurally
export type Schema = Record<string, any>;

export const HOSTILE_STRINGS = [
  '',
  ' ',
  "'; drop table reports; --",
  '" or 1=1 --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '../../../../etc/passwd',
  '%00',
  '\u0000',
  '\uFFFF\uD800',
  '$'.concat('{7*7}{{7*7}}'),
  'LPR-0000-0000',
  '🙂'.repeat(50),
  'a'.repeat(70_000),
  '-1',
  '1e309',
  'null',
  '__proto__',
  'http://169.254.169.254/latest/meta-data/',
];

const hostileString = fc.constantFrom(...HOSTILE_STRINGS);
const edgeNumber = fc.constantFrom(0, -1, -0, 1.5, 2 ** 31, 2 ** 53 + 1, -(2 ** 63), 1e308, Number.MIN_VALUE);

/** Anything at all that JSON can carry, hostile strings and edge numbers among it. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    edgeNumber,
    fc.integer(),
    hostileString,
    fc.string(),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'prototype')),
      tie('value'),
      {
        maxKeys: 4,
      },
    ),
  ),
})).value;

/** Nested arrays deep enough to trouble a naive recursive parser or validator. */
export const deepNesting = fc
  .integer({ min: 200, max: 2000 })
  .map((n) => JSON.parse(`${'['.repeat(n)}${']'.repeat(n)}`));

export function resolveRef(doc: Schema, schema: Schema): Schema {
  let s = schema;
  for (let i = 0; s?.$ref && i < 20; i++) {
    const path = String(s.$ref).replace(/^#\//, '').split('/');
    s = path.reduce((o: Schema, k) => o?.[k], doc);
  }
  return s ?? {};
}

/** Values that follow `schema` (as far as a generator can: patterns are met by examples only, when given). */
export function validOf(doc: Schema, schema: Schema, depth = 0): fc.Arbitrary<unknown> {
  const s = resolveRef(doc, schema);
  if (depth > 6) return fc.constant(null);
  if (s.enum) return fc.constantFrom(...s.enum);
  if (s.const !== undefined) return fc.constant(s.const);
  const alts = s.anyOf ?? s.oneOf;
  if (alts) return fc.oneof(...alts.map((a: Schema) => validOf(doc, a, depth + 1)));
  if (s.allOf)
    return validOf(doc, Object.assign({}, ...s.allOf.map((a: Schema) => resolveRef(doc, a))), depth + 1);
  const type = Array.isArray(s.type) ? s.type.find((t: string) => t !== 'null') : s.type;
  const nullable = Array.isArray(s.type) && s.type.includes('null');
  const base = ((): fc.Arbitrary<unknown> => {
    switch (type) {
      case 'string': {
        if (s.format === 'date')
          return fc
            .date({ min: new Date('2020-01-01'), max: new Date('2026-12-31'), noInvalidDate: true })
            .map((d) => d.toISOString().slice(0, 10));
        if (s.format === 'date-time')
          return fc
            .date({ min: new Date('2020-01-01'), max: new Date('2026-12-31'), noInvalidDate: true })
            .map((d) => d.toISOString());
        if (s.format === 'email') return fc.emailAddress();
        if (s.format === 'uuid') return fc.uuid();
        if (s.format === 'uri' || s.format === 'url') return fc.webUrl();
        if (s.examples?.length) return fc.constantFrom(...s.examples);
        return fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 60, 300) });
      }
      case 'integer':
        return fc.integer({ min: s.minimum ?? -1000, max: s.maximum ?? 100_000 });
      case 'number':
        return fc.double({ min: s.minimum ?? -1000, max: s.maximum ?? 1000, noNaN: true });
      case 'boolean':
        return fc.boolean();
      case 'array':
        return fc.array(validOf(doc, s.items ?? {}, depth + 1), {
          minLength: s.minItems ?? 0,
          maxLength: Math.min(s.maxItems ?? 3, 5),
        });
      case 'object':
      case undefined: {
        const props: Record<string, Schema> = s.properties ?? {};
        const required = new Set<string>(s.required ?? []);
        const shape: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [k, v] of Object.entries(props)) shape[k] = validOf(doc, v, depth + 1);
        if (!Object.keys(shape).length) return type === 'object' ? fc.constant({}) : hostileJson;
        return fc.record(shape, { requiredKeys: [...required].filter((k) => k in shape) });
      }
      default:
        return hostileJson;
    }
  })();
  return nullable ? fc.option(base, { nil: null }) : base;
}

/** A value that follows the schema with one field broken: a hostile value, a wrong type, or removed. */
export function brokenOf(doc: Schema, schema: Schema): fc.Arbitrary<unknown> {
  return fc
    .tuple(validOf(doc, schema), fc.nat(), hostileJson, fc.constantFrom('replace', 'remove', 'extra'))
    .map(([value, pick, bad, how]) => {
      if (!value || typeof value !== 'object' || Array.isArray(value)) return bad;
      const obj = { ...(value as Record<string, unknown>) };
      const keys = Object.keys(obj);
      const key = keys.length ? keys[pick % keys.length]! : 'x';
      if (how === 'remove') delete obj[key];
      else if (how === 'extra') obj[`zz${key}`] = bad;
      else obj[key] = bad;
      return obj;
    });
}

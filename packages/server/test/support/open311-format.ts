/**
 * A checker of Open311 answers written from the GeoReport v2 text (wiki.open311.org/GeoReport_v2, Service
 * Discovery, JSON and XML Conversion), not from our code: the content type; for XML the declaration with
 * encoding UTF-8, the root, each element's name in the order the tables list them, no foreign element, every
 * required one; the value types (true/false, integers, WGS84 numbers, W3C date-times that carry their zone); and
 * for JSON the Spark convention — the same tree, containers of one repeated element as arrays, empty as null.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect } from 'vitest';

type Leaf = 'string' | 'boolean' | 'integer' | 'number' | 'datetime' | { enum: readonly string[] };
type Field =
  | { name: string; leaf: Leaf; required?: boolean; max?: number }
  | { name: string; list: { item: string; of: Field[] | Leaf }; required?: boolean }
  | { name: string; object: Field[]; required?: boolean };
export interface Shape {
  root: string;
  /** A container of `item`s (the answer is a JSON array), or one element with these fields (a JSON object). */
  body: { item: string; of: Field[] } | { fields: Field[] };
}

const req = (name: string, leaf: Leaf = 'string'): Field => ({ name, leaf, required: true });
const opt = (name: string, leaf: Leaf = 'string'): Field => ({ name, leaf });

export const SHAPES = {
  discovery: {
    root: 'discovery',
    body: {
      fields: [
        req('changeset'),
        req('contact'),
        req('key_service'),
        {
          name: 'endpoints',
          required: true,
          list: {
            item: 'endpoint',
            of: [
              req('specification'),
              req('url'),
              req('changeset'),
              req('type', { enum: ['production', 'test'] }),
              { name: 'formats', required: true, list: { item: 'format', of: 'string' } },
            ],
          },
        },
      ],
    },
  },
  services: {
    root: 'services',
    body: {
      item: 'service',
      of: [
        req('service_code'),
        req('service_name'),
        opt('description'),
        req('metadata', 'boolean'),
        req('type', { enum: ['realtime', 'batch', 'blackbox'] }),
        opt('keywords'),
        opt('group'),
      ],
    },
  },
  serviceDefinition: {
    root: 'service_definition',
    body: {
      fields: [
        req('service_code'),
        {
          name: 'attributes',
          required: true,
          list: {
            item: 'attribute',
            of: [
              req('variable', 'boolean'),
              req('code'),
              req('datatype', {
                enum: ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'],
              }),
              req('required', 'boolean'),
              opt('datatype_description'),
              opt('order', 'integer'),
              opt('description'),
              { name: 'values', list: { item: 'value', of: [req('key'), req('name')] } },
            ],
          },
        },
      ],
    },
  },
  requests: {
    root: 'service_requests',
    body: {
      item: 'request',
      of: [
        req('service_request_id'),
        req('status', { enum: ['open', 'closed'] }),
        opt('status_notes'),
        opt('service_name'),
        req('service_code'),
        { name: 'description', leaf: 'string', max: 4000 },
        opt('agency_responsible'),
        opt('service_notice'),
        req('requested_datetime', 'datetime'),
        opt('updated_datetime', 'datetime'),
        opt('expected_datetime', 'datetime'),
        opt('address'),
        opt('address_id'),
        opt('zipcode'),
        opt('lat', 'number'),
        opt('long', 'number'),
        opt('media_url'),
      ],
    },
  },
  created: {
    root: 'service_requests',
    body: {
      item: 'request',
      of: [opt('service_request_id'), opt('token'), opt('service_notice'), opt('account_id')],
    },
  },
  token: {
    root: 'service_requests',
    body: { item: 'request', of: [req('service_request_id'), req('token')] },
  },
  errors: { root: 'errors', body: { item: 'error', of: [req('code', 'integer'), req('description')] } },
} satisfies Record<string, Shape>;

/** W3C date-time with seconds optional, fractions optional and the zone required (Z or ±hh:mm). */
export const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

interface El {
  name: string;
  children: El[];
  text: string | null;
}

function elementsOf(nodes: Record<string, unknown>[], where: string): El[] {
  const out: El[] = [];
  for (const n of nodes) {
    const name = Object.keys(n).find((k) => k !== ':@')!;
    if (name === '#text') {
      expect(String(n[name]).trim(), `text between elements in ${where}`).toBe('');
      continue;
    }
    const kids = n[name] as Record<string, unknown>[];
    const texts = kids.filter((k) => '#text' in k);
    const els = kids.filter((k) => !('#text' in k));
    out.push(
      els.length
        ? { name, children: elementsOf(kids, `${where}/${name}`), text: null }
        : { name, children: [], text: texts.length ? texts.map((t) => String(t['#text'])).join('') : null },
    );
  }
  return out;
}

/** A leaf's value as JSON would carry it: XML text typed by the spec, empty as null. */
function xmlLeaf(leaf: Leaf, text: string | null, where: string): unknown {
  if (text === null || text === '') return null;
  if (leaf === 'boolean') {
    expect(['true', 'false'], `${where} is true or false`).toContain(text);
    return text === 'true';
  }
  if (leaf === 'integer' || leaf === 'number') {
    expect(text, `${where} is a number`).toMatch(leaf === 'integer' ? /^-?\d+$/ : /^-?\d+(\.\d+)?$/);
    return Number(text);
  }
  return text;
}

function checkLeaf(leaf: Leaf, v: unknown, where: string, max?: number): void {
  if (v === null) return;
  if (leaf === 'boolean') expect(typeof v, `${where} is a boolean`).toBe('boolean');
  else if (leaf === 'integer') expect(Number.isInteger(v), `${where} is an integer`).toBe(true);
  else if (leaf === 'number') expect(typeof v, `${where} is a number`).toBe('number');
  else {
    expect(typeof v, `${where} is a string`).toBe('string');
    if (leaf === 'datetime') expect(v, `${where} is a W3C date-time with its zone`).toMatch(W3C_DATETIME);
    if (typeof leaf === 'object') expect(leaf.enum, `${where} is one of the strict values`).toContain(v);
    if (max) expect([...(v as string)].length, `${where} at most ${max} characters`).toBeLessThanOrEqual(max);
  }
}

/** XML elements against the fields: names in order, none foreign, the required ones there; the Spark value. */
function fromXml(fields: Field[], els: El[], where: string): Record<string, unknown> {
  const names = fields.map((f) => f.name);
  const seen = els.map((e) => e.name);
  for (const n of seen) expect(names, `${where}: <${n}> is a GeoReport v2 element`).toContain(n);
  expect(seen, `${where}: elements in the spec's order, once each`).toEqual(
    names.filter((n) => seen.includes(n)),
  );
  for (const f of fields.filter((f) => f.required))
    expect(seen, `${where}: <${f.name}> required`).toContain(f.name);
  const o: Record<string, unknown> = {};
  for (const e of els) {
    const f = fields.find((x) => x.name === e.name)!;
    const at = `${where}/${e.name}`;
    if ('leaf' in f) {
      expect(e.children, `${at} is a value`).toEqual([]);
      o[e.name] = xmlLeaf(f.leaf, e.text, at);
      checkLeaf(f.leaf, o[e.name], at, f.max);
    } else if ('object' in f) o[e.name] = fromXml(f.object, e.children, at);
    else o[e.name] = listFromXml(f.list, e.children, at);
  }
  return o;
}

function listFromXml(list: { item: string; of: Field[] | Leaf }, els: El[], where: string): unknown[] {
  return els.map((e, i) => {
    expect(e.name, `${where}: only <${list.item}> inside`).toBe(list.item);
    const at = `${where}/${list.item}[${i}]`;
    if (Array.isArray(list.of)) return fromXml(list.of, e.children, at);
    const v = xmlLeaf(list.of, e.text, at);
    checkLeaf(list.of, v, at);
    return v;
  });
}

/** A JSON value against the fields (Spark: same keys in the same order, lists as arrays). */
function checkJson(fields: Field[], o: unknown, where: string): void {
  expect(o !== null && typeof o === 'object' && !Array.isArray(o), `${where} is an object`).toBe(true);
  const keys = Object.keys(o as object);
  const names = fields.map((f) => f.name);
  for (const k of keys) expect(names, `${where}: "${k}" is a GeoReport v2 field`).toContain(k);
  expect(keys, `${where}: keys in the spec's order`).toEqual(names.filter((n) => keys.includes(n)));
  for (const f of fields) {
    const v = (o as Record<string, unknown>)[f.name];
    const at = `${where}.${f.name}`;
    if (f.required) expect(v, `${at} required`).not.toBeUndefined();
    if (v === undefined || v === null) continue;
    if ('leaf' in f) checkLeaf(f.leaf, v, at, f.max);
    else if ('object' in f) checkJson(f.object, v, at);
    else {
      expect(Array.isArray(v), `${at} is an array (Spark)`).toBe(true);
      for (const [i, x] of (v as unknown[]).entries())
        if (Array.isArray(f.list.of)) checkJson(f.list.of, x, `${at}[${i}]`);
        else checkLeaf(f.list.of, x, `${at}[${i}]`);
    }
  }
}

export type Answer = { status: number; contentType: string; text: string };

/**
 * Checks one answer against its shape and returns its value as JSON would carry it (for XML, the Spark mapping of
 * the document), so that a test can compare the XML and the JSON of one resource.
 */
export function checkAnswer(shape: Shape, format: 'xml' | 'json', a: Answer): unknown {
  if (format === 'json') {
    expect(a.contentType).toMatch(/^application\/json; charset=utf-8$/i);
    const value = JSON.parse(a.text) as unknown;
    if ('item' in shape.body) {
      expect(Array.isArray(value), `${shape.root} is an array (Spark)`).toBe(true);
      for (const [i, x] of (value as unknown[]).entries()) checkJson(shape.body.of, x, `${shape.root}[${i}]`);
    } else checkJson(shape.body.fields, value, shape.root);
    return value;
  }
  expect(a.contentType).toMatch(/^text\/xml; charset=utf-8$/i);
  expect(a.text, 'XML declaration with encoding UTF-8 first').toMatch(
    /^<\?xml version="1\.0" encoding="UTF-8"\?>/,
  );
  expect(XMLValidator.validate(a.text), 'well-formed XML').toBe(true);
  const parsed = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    parseTagValue: false,
    trimValues: false,
  }).parse(a.text) as Record<string, unknown>[];
  const roots = elementsOf(
    parsed.filter((n) => !('?xml' in n)),
    '',
  );
  expect(
    roots.map((r) => r.name),
    'one root element',
  ).toEqual([shape.root]);
  expect(a.text, 'no namespace, no attributes').not.toMatch(/<[a-z_]+ [^>]*=/);
  const root = roots[0]!;
  return 'item' in shape.body
    ? listFromXml({ item: shape.body.item, of: shape.body.of }, root.children, shape.root)
    : fromXml(shape.body.fields, root.children, shape.root);
}

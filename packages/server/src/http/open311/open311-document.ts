/**
 * One Open311 answer, written as XML or as JSON (GeoReport v2 "Format Support"): XML schemaless, without a
 * namespace, UTF-8 with its declaration; JSON by the Spark convention — a container of one repeated element is an
 * array (even of one), other elements are object keys, in the XML's order.
 */

export type Leaf = string | number | boolean | null;
/** Elements in order, or a container of `item` elements. */
export type Doc = Leaf | { fields: [string, Doc][] } | { item: string; list: Doc[] };

export type Format = 'xml' | 'json';

export const CONTENT_TYPES: Record<Format, string> = {
  xml: 'text/xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

export const fields = (...entries: [string, Doc][]): Doc => ({ fields: entries });
export const list = (item: string, items: Doc[]): Doc => ({ item, list: items });

// Characters XML 1.0 cannot carry at all (a report's text could hold them): dropped rather than a broken document.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

export function escapeXml(text: string): string {
  // Line ends as every XML parser reads them (XML 1.0 §2.11): CR LF and a lone CR become LF.
  return text
    .replace(NOT_XML, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

const isLeaf = (d: Doc): d is Leaf => d === null || typeof d !== 'object';

function element(name: string, d: Doc, indent: string, out: string[]): void {
  if (isLeaf(d)) {
    out.push(`${indent}<${name}>${d === null ? '' : escapeXml(String(d))}</${name}>`);
    return;
  }
  const children: [string, Doc][] = 'fields' in d ? d.fields : d.list.map((x) => [d.item, x]);
  if (!children.length) {
    out.push(`${indent}<${name}></${name}>`);
    return;
  }
  out.push(`${indent}<${name}>`);
  for (const [n, child] of children) element(n, child, `${indent}  `, out);
  out.push(`${indent}</${name}>`);
}

/** The XML document with `root` as its root element. */
export function toXml(root: string, d: Doc): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  element(root, d, '', out);
  return `${out.join('\n')}\n`;
}

/** The JSON value of a document (Spark convention). */
export function toJsonValue(d: Doc): unknown {
  if (isLeaf(d)) return d;
  if ('list' in d) return d.list.map(toJsonValue);
  // Assigned one by one (no spread): the keys keep the XML's order.
  const o: Record<string, unknown> = {};
  for (const [k, v] of d.fields) o[k] = toJsonValue(v);
  return o;
}

/** The body and content type of an answer in the format asked for. */
export function render(format: Format, root: string, d: Doc): { body: string; contentType: string } {
  return {
    body: format === 'xml' ? toXml(root, d) : JSON.stringify(toJsonValue(d)),
    contentType: CONTENT_TYPES[format],
  };
}

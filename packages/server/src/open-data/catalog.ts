/**
 * The catalogue of the open data, in the two forms CKAN reads: `catalog.jsonld`, DCAT 2 / DCAT-AP in JSON-LD for
 * ckanext-dcat's RDF harvester (`dcat_rdf_harvester`, which picks the RDF format from the Content-Type), and
 * `data.json`, Project Open Data / DCAT-US 1.1 for ckanext-dcat's `dcat_json_harvester` and ckanext-datajson. One
 * dataset, one distribution per file.
 */
import { INDONESIA_BOUNDS } from '@pintu/core';
import {
  LICENCE,
  OPEN_FILES,
  type OpenDataManifest,
  type OpenFileEntry,
  SMALL_COUNT_RULE,
} from '../app/open-data/publication';

export interface CatalogMeta {
  baseUrl: string;
  publisher: string;
  contactEmail: string;
}

const TITLE = 'Laporan pengaduan publik / Public complaint reports';
const DESCRIPTION = (publisher: string) =>
  `Laporan pengaduan, aspirasi dan permintaan informasi yang diterima ${publisher}: laporan publik per laporan ` +
  'tanpa data pribadi dan tanpa laporan rahasia, serta jumlah per bulan, wilayah, topik dan status. ' +
  `${SMALL_COUNT_RULE.id} / Complaints, aspirations and information requests received by ${publisher}: the ` +
  'public reports one by one, without personal data and without confidential reports, and counts by month, ' +
  `region, topic and status. ${SMALL_COUNT_RULE.en}`;
const KEYWORDS = ['pengaduan', 'aspirasi', 'pelayanan publik', 'complaints', 'public services', 'lapor'];
// GeoNames' Indonesia, and the country's bounding box (core's INDONESIA_BOUNDS) for harvesters that want a shape.
const INDONESIA = 'https://sws.geonames.org/1643084/';
const b = INDONESIA_BOUNDS;
const BBOX = `${b.lngMin},${b.latMin},${b.lngMax},${b.latMax}`;
const WKT = `POLYGON((${b.lngMin} ${b.latMin},${b.lngMax} ${b.latMin},${b.lngMax} ${b.latMax},${b.lngMin} ${b.latMax},${b.lngMin} ${b.latMin}))`;

const dataFiles = (m: OpenDataManifest): OpenFileEntry[] =>
  m.files.filter((f) => f.name !== 'catalog.jsonld' && f.name !== 'data.json');

/** The file entries of the catalogues themselves, before their bytes are known. */
export function catalogUrls(baseUrl: string) {
  return {
    landing: `${baseUrl}/data`,
    dataset: `${baseUrl}/open-data/#dataset`,
    catalog: `${baseUrl}/open-data/catalog.jsonld`,
    dataJson: `${baseUrl}/open-data/data.json`,
    dictionary: `${baseUrl}/open-data/dictionary.json`,
  };
}

/** DCAT 2 / DCAT-AP JSON-LD. */
export function catalogJsonLd(m: OpenDataManifest, meta: CatalogMeta): object {
  const urls = catalogUrls(meta.baseUrl);
  const modified = m.generatedAt;
  return {
    '@context': {
      dcat: 'http://www.w3.org/ns/dcat#',
      dct: 'http://purl.org/dc/terms/',
      foaf: 'http://xmlns.com/foaf/0.1/',
      vcard: 'http://www.w3.org/2006/vcard/ns#',
      xsd: 'http://www.w3.org/2001/XMLSchema#',
      locn: 'http://www.w3.org/ns/locn#',
      gsp: 'http://www.opengis.net/ont/geosparql#',
    },
    '@id': urls.catalog,
    '@type': 'dcat:Catalog',
    'dct:title': { '@value': `${meta.publisher} — data terbuka / open data`, '@language': 'id' },
    'dct:description': { '@value': DESCRIPTION(meta.publisher), '@language': 'id' },
    'dct:publisher': { '@type': 'foaf:Organization', 'foaf:name': meta.publisher },
    'dct:modified': { '@value': modified, '@type': 'xsd:dateTime' },
    'dct:license': { '@id': LICENCE.url },
    'foaf:homepage': { '@id': urls.landing },
    'dcat:dataset': {
      '@id': urls.dataset,
      '@type': 'dcat:Dataset',
      'dct:identifier': urls.dataset,
      'dct:title': [
        { '@value': 'Laporan pengaduan publik', '@language': 'id' },
        { '@value': 'Public complaint reports', '@language': 'en' },
      ],
      'dct:description': { '@value': DESCRIPTION(meta.publisher), '@language': 'id' },
      'dcat:keyword': KEYWORDS,
      'dct:language': [
        { '@id': 'http://publications.europa.eu/resource/authority/language/IND' },
        { '@id': 'http://publications.europa.eu/resource/authority/language/ENG' },
      ],
      'dct:publisher': { '@type': 'foaf:Organization', 'foaf:name': meta.publisher },
      'dcat:contactPoint': {
        '@type': 'vcard:Organization',
        'vcard:fn': meta.publisher,
        'vcard:hasEmail': { '@id': `mailto:${meta.contactEmail}` },
      },
      'dct:issued': { '@value': modified, '@type': 'xsd:dateTime' },
      'dct:modified': { '@value': modified, '@type': 'xsd:dateTime' },
      'dct:accrualPeriodicity': { '@id': 'http://purl.org/cld/freq/daily' },
      'dct:license': { '@id': LICENCE.url },
      'dct:accessRights': { '@id': 'http://publications.europa.eu/resource/authority/access-right/PUBLIC' },
      'dcat:landingPage': { '@id': urls.landing },
      'dct:conformsTo': { '@id': urls.dictionary },
      'dct:spatial': {
        '@id': INDONESIA,
        '@type': 'dct:Location',
        'dcat:bbox': { '@value': WKT, '@type': 'gsp:wktLiteral' },
      },
      ...(m.temporal
        ? {
            'dct:temporal': {
              '@type': 'dct:PeriodOfTime',
              'dcat:startDate': { '@value': `${m.temporal.start}-01`, '@type': 'xsd:date' },
              'dcat:endDate': { '@value': endOfMonth(m.temporal.end), '@type': 'xsd:date' },
            },
          }
        : {}),
      'dcat:distribution': dataFiles(m).map((f) => ({
        '@id': `${f.url}#distribution`,
        '@type': 'dcat:Distribution',
        'dct:title': [
          { '@value': f.title_id, '@language': 'id' },
          { '@value': f.title_en, '@language': 'en' },
        ],
        'dcat:downloadURL': { '@id': f.url },
        'dcat:accessURL': { '@id': f.url },
        'dcat:mediaType': { '@id': `https://www.iana.org/assignments/media-types/${f.mediaType}` },
        'dct:format': f.format,
        'dcat:byteSize': { '@value': String(f.bytes), '@type': 'xsd:nonNegativeInteger' },
        'dct:modified': { '@value': modified, '@type': 'xsd:dateTime' },
        'dct:license': { '@id': LICENCE.url },
      })),
    },
  };
}

/** Project Open Data / DCAT-US 1.1 (`data.json`). */
export function dataJson(m: OpenDataManifest, meta: CatalogMeta): object {
  const urls = catalogUrls(meta.baseUrl);
  return {
    '@context': 'https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld',
    '@id': urls.dataJson,
    '@type': 'dcat:Catalog',
    conformsTo: 'https://project-open-data.cio.gov/v1.1/schema',
    describedBy: 'https://project-open-data.cio.gov/v1.1/schema/catalog.json',
    dataset: [
      {
        '@type': 'dcat:Dataset',
        title: TITLE,
        description: DESCRIPTION(meta.publisher),
        keyword: KEYWORDS,
        modified: m.generatedAt,
        issued: m.generatedAt.slice(0, 10),
        publisher: { '@type': 'org:Organization', name: meta.publisher },
        contactPoint: {
          '@type': 'vcard:Contact',
          fn: meta.publisher,
          hasEmail: `mailto:${meta.contactEmail}`,
        },
        identifier: urls.dataset,
        accessLevel: 'public',
        license: LICENCE.url,
        rights: `${LICENCE.title}. ${SMALL_COUNT_RULE.en}`,
        spatial: BBOX,
        ...(m.temporal ? { temporal: `${m.temporal.start}-01/${endOfMonth(m.temporal.end)}` } : {}),
        accrualPeriodicity: 'R/P1D',
        language: ['id', 'en'],
        landingPage: urls.landing,
        describedBy: urls.dictionary,
        describedByType: 'application/json',
        distribution: dataFiles(m).map((f) => ({
          '@type': 'dcat:Distribution',
          title: f.title_en,
          description: f.title_id,
          downloadURL: f.url,
          mediaType: f.mediaType,
          format: f.format,
          byteSize: f.bytes,
          ...(f.name.startsWith('dictionary') ? {} : { describedBy: urls.dictionary }),
        })),
      },
    ],
  };
}

/** The last day of a YYYY-MM month. */
function endOfMonth(month: string): string {
  const [y, mo] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return `${month}-${String(last).padStart(2, '0')}`;
}

/** The catalogue kinds, for the dump to write after the data files. */
export const CATALOG_FILES = OPEN_FILES.filter((f) => f.name === 'catalog.jsonld' || f.name === 'data.json');

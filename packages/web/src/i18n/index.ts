/**
 * i18next with Indonesian as the default and English as the switch. `common` ships in the entry chunk; every other
 * namespace is a JSON file `i18n/<lang>/<namespace>.json` loaded on demand by the feature that names it.
 */
import i18n, { type BackendModule, type ReadCallback } from 'i18next';
import { initReactI18next } from 'react-i18next';
import enCommon from './en/common.json';
import idCommon from './id/common.json';

export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'pintu.lang';

const loaders = import.meta.glob<{ default: Record<string, unknown> }>([
  './id/*.json',
  './en/*.json',
  '!./*/common.json',
]);

const lazyJson: BackendModule = {
  type: 'backend',
  init() {},
  read(language: string, namespace: string, callback: ReadCallback) {
    const load = loaders[`./${language}/${namespace}.json`];
    if (!load) return callback(null, {});
    load().then(
      (m) => callback(null, m.default),
      (e: Error) => callback(e, false),
    );
  },
};

function initialLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'id') return saved;
  } catch {
    // storage may be blocked; fall back to Indonesian
  }
  return 'id';
}

void i18n
  .use(lazyJson)
  .use(initReactI18next)
  .init({
    lng: initialLanguage(),
    fallbackLng: 'id',
    supportedLngs: [...LANGUAGES],
    ns: ['common'],
    defaultNS: 'common',
    partialBundledLanguages: true,
    resources: { id: { common: idCommon }, en: { common: enCommon } },
    interpolation: { escapeValue: false },
    react: { useSuspense: true },
  });

document.documentElement.lang = i18n.language;
i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // ignore
  }
});

export default i18n;

import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import ar from './ar.json';
import en from './en.json';
import fr from './fr.json';
import { applyDocumentDirection, isLocale, type Locale } from './direction';

const STORAGE_KEY = 'tanzim.locale';

function storedLocale(): Locale {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : 'ar';
  } catch {
    return 'ar';
  }
}

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : 'ar';
}

export async function changeLocale(locale: Locale): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private browsing may refuse storage: the choice then lasts for this visit only.
  }
  await i18n.changeLanguage(locale);
}

const initialLocale = storedLocale();
applyDocumentDirection(initialLocale);

void i18n.use(initReactI18next).init({
  resources: { ar: { translation: ar }, fr: { translation: fr }, en: { translation: en } },
  lng: initialLocale,
  fallbackLng: 'ar',
  supportedLngs: ['ar', 'fr', 'en'],
  interpolation: { escapeValue: false },
  returnNull: false,
});

i18n.on('languageChanged', (locale) => {
  applyDocumentDirection(locale);
});

export default i18n;

import daForms from '../../../locales/da/forms.json';
import daStaff from '../../../locales/da/staff.json';
import daRules from '../../../locales/da/rules.json';
import daBlockDigitalId from '../../../locales/da/form-block-digital-id.json';
import daBookTime from '../../../locales/da/form-book-time.json';
import daChangeOfAddress from '../../../locales/da/form-change-of-address.json';
import daComplaint from '../../../locales/da/form-complaint.json';
import daDigitalPostExemption from '../../../locales/da/form-digital-post-exemption.json';
import daDigitalPostReadAccess from '../../../locales/da/form-digital-post-read-access.json';
import daExtraKeyCards from '../../../locales/da/form-extra-key-cards.json';
import daGetDigitalId from '../../../locales/da/form-get-digital-id.json';
import daHolidayPay from '../../../locales/da/form-holiday-pay.json';
import daHomeVisit from '../../../locales/da/form-home-visit.json';
import daHousingBenefit from '../../../locales/da/form-housing-benefit.json';
import daLostKeyCard from '../../../locales/da/form-lost-key-card.json';
import daPowerOfAttorney from '../../../locales/da/form-power-of-attorney.json';
import enForms from '../../../locales/en/forms.json';
import enStaff from '../../../locales/en/staff.json';
import enRules from '../../../locales/en/rules.json';
import enBlockDigitalId from '../../../locales/en/form-block-digital-id.json';
import enBookTime from '../../../locales/en/form-book-time.json';
import enChangeOfAddress from '../../../locales/en/form-change-of-address.json';
import enComplaint from '../../../locales/en/form-complaint.json';
import enDigitalPostExemption from '../../../locales/en/form-digital-post-exemption.json';
import enDigitalPostReadAccess from '../../../locales/en/form-digital-post-read-access.json';
import enExtraKeyCards from '../../../locales/en/form-extra-key-cards.json';
import enGetDigitalId from '../../../locales/en/form-get-digital-id.json';
import enHolidayPay from '../../../locales/en/form-holiday-pay.json';
import enHomeVisit from '../../../locales/en/form-home-visit.json';
import enHousingBenefit from '../../../locales/en/form-housing-benefit.json';
import enLostKeyCard from '../../../locales/en/form-lost-key-card.json';
import enPowerOfAttorney from '../../../locales/en/form-power-of-attorney.json';

/**
 * The words of every form, in both languages, bundled: the server (the CSV) and the back office
 * (case detail, print) label answers without loading namespaces on the fly. A new form adds its two
 * files here; labelled-answers.unit.test.ts fails until it does.
 */
type Texts = Record<string, unknown>;

const texts: Record<string, Record<string, Texts>> = {
  da: {
    forms: daForms,
    staff: daStaff,
    rules: daRules,
    'form-block-digital-id': daBlockDigitalId,
    'form-book-time': daBookTime,
    'form-change-of-address': daChangeOfAddress,
    'form-complaint': daComplaint,
    'form-digital-post-exemption': daDigitalPostExemption,
    'form-digital-post-read-access': daDigitalPostReadAccess,
    'form-extra-key-cards': daExtraKeyCards,
    'form-get-digital-id': daGetDigitalId,
    'form-holiday-pay': daHolidayPay,
    'form-home-visit': daHomeVisit,
    'form-housing-benefit': daHousingBenefit,
    'form-lost-key-card': daLostKeyCard,
    'form-power-of-attorney': daPowerOfAttorney,
  },
  en: {
    forms: enForms,
    staff: enStaff,
    rules: enRules,
    'form-block-digital-id': enBlockDigitalId,
    'form-book-time': enBookTime,
    'form-change-of-address': enChangeOfAddress,
    'form-complaint': enComplaint,
    'form-digital-post-exemption': enDigitalPostExemption,
    'form-digital-post-read-access': enDigitalPostReadAccess,
    'form-extra-key-cards': enExtraKeyCards,
    'form-get-digital-id': enGetDigitalId,
    'form-holiday-pay': enHolidayPay,
    'form-home-visit': enHomeVisit,
    'form-housing-benefit': enHousingBenefit,
    'form-lost-key-card': enLostKeyCard,
    'form-power-of-attorney': enPowerOfAttorney,
  },
};

export type TextLanguage = 'da' | 'en';
export type Translate = (key: string, values?: Record<string, unknown>) => string;

/** The text for "namespace:a.b.c", interpolating {{name}}; the key itself when the text is missing. */
export function formTranslator(language: TextLanguage): Translate {
  return (key, values = {}) => {
    const [ns, path] = key.includes(':') ? (key.split(':', 2) as [string, string]) : ['forms', key];
    let node: unknown = texts[language]?.[ns];
    for (const part of path.split('.')) node = typeof node === 'object' && node !== null ? (node as Texts)[part] : undefined;
    if (typeof node !== 'string') return key;
    return node.replace(/{{\s*(\w+)\s*}}/g, (_, name: string) => String(values[name] ?? ''));
  };
}

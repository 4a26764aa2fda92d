/** The languages the kiosk speaks: those of its screens. */
export type SpeechLanguage = 'da' | 'en';

/**
 * The i18n keys that rule data uses for words a citizen reads, with the proposed Danish and English
 * wording. The locale files own what a screen shows; this list keeps each rule and its wording
 * reviewable together, and LabelKey lets the compiler catch a mistyped key in the rule data.
 */
export const labels = {
  'documents.passport': { da: 'Pas', en: 'Passport' },
  'documents.driving-licence': { da: 'Kørekort', en: 'Driving licence' },
  'documents.baptism-or-name-certificate': { da: 'Dåbs- eller navneattest', en: 'Baptism or name certificate' },
  'documents.health-card': { da: 'Sundhedskort (det gule kort)', en: 'Health card (the yellow card)' },
  'documents.tax-statement': {
    da: 'Forskudsopgørelse eller årsopgørelse fra Skat',
    en: 'Preliminary or annual tax statement from the Danish Tax Agency (Skat)',
  },
  'documents.public-benefit-payment': {
    da: 'Dokumentation for udbetaling af en offentlig ydelse',
    en: 'Documentation of a public benefit payment',
  },

  'keyCards.standard': { da: 'Almindeligt nøglekort', en: 'Standard key card' },
  'keyCards.large-print': { da: 'Nøglekort med ekstra stor skrift', en: 'Key card with extra-large print' },
  'keyCards.voice-response': {
    da: 'Voice response: du bliver ringet op og får nøglen læst op',
    en: 'Voice response: you are called and the key is read aloud to you',
  },

  'authenticators.app': { da: 'MitID app', en: 'MitID app' },
  'authenticators.code-display': { da: 'MitID kodeviser', en: 'MitID code display' },
  'authenticators.audio-code-reader': {
    da: 'MitID kodeoplæser (til dig med synshandicap)',
    en: 'MitID audio code reader (for people with visual impairment)',
  },
  'authenticators.chip': { da: 'MitID chip', en: 'MitID chip' },

  'phoneHours.weekdays': { da: 'Mandag-fredag', en: 'Monday to Friday' },
  'phoneHours.weekends-and-holidays': {
    da: 'Lørdag, søndag og helligdage',
    en: 'Saturday, Sunday and public holidays',
  },

  'complaint.name': { da: 'Navn', en: 'Name' },
  'complaint.phone': { da: 'Telefonnummer', en: 'Phone number' },
  'complaint.description': { da: 'Beskrivelse af klagen', en: 'Description of the complaint' },

  'digitalPost.exemption.impairment': {
    da: 'Du har en fysisk eller psykisk funktionsnedsættelse, der gør det svært at bruge Digital Post',
    en: 'You have a physical or mental impairment that makes Digital Post hard to use',
  },
  'digitalPost.exemption.no-internet-at-home': {
    da: 'Du har ikke en computer, tablet eller smartphone med god nok internetforbindelse derhjemme',
    en: 'You have no computer, tablet or smartphone with a good enough internet connection at home',
  },
  'digitalPost.exemption.emigrated': { da: 'Du er flyttet til udlandet', en: 'You have moved abroad' },
  'digitalPost.exemption.homeless': {
    da: 'Du er hjemløs eller har ikke en fast adresse',
    en: 'You are homeless or have no fixed address',
  },
  'digitalPost.exemption.language-difficulties': { da: 'Du har sprogvanskeligheder', en: 'You have language difficulties' },
  'digitalPost.exemption.digital-id-difficulties': {
    da: 'Du har praktiske vanskeligheder ved at få et digitalt ID',
    en: 'You have practical difficulties getting a digital ID',
  },
} as const satisfies Record<string, { da: string; en: string }>;

export type LabelKey = keyof typeof labels;

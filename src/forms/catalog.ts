/**
 * Which services have a kiosk form or an information page, without loading them: the start
 * screen's bundle stays small, and the form itself arrives with import() when it is opened.
 * A unit test keeps this list equal to the definitions.
 */
export const formIds: readonly string[] = [
  'change-of-address',
  'housing-benefit',
  'holiday-pay',
  'digital-post-exemption',
  'digital-post-read-access',
  'power-of-attorney',
  'complaint',
  'block-digital-id',
  'book-time',
  'extra-key-cards',
  'lost-key-card',
  'get-digital-id',
];

/**
 * Forms only staff fill in, on a tablet: never on the kiosk's start screen. Together with
 * formIds this is every definition (a unit test keeps it so).
 */
export const staffOnlyFormIds: readonly string[] = ['home-visit'];

/**
 * Forms about one scheme only: a municipality that does not offer that scheme (config.schemes)
 * does not list them. Extra key cards and a new key card exist for NemID only.
 */
export const schemeOnlyForms: Readonly<Record<string, 'nemid' | 'mitid'>> = {
  'extra-key-cards': 'nemid',
  'lost-key-card': 'nemid',
};

export const infoPageIds: readonly string[] = ['su-by-post', 'health-records'];

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
];

export const infoPageIds: readonly string[] = ['su-by-post', 'health-records'];

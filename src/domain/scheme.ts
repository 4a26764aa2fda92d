/** The two digital-ID schemes the kiosk serves side by side (DOMAIN.md "NemID and MitID side by side"). */
export const schemes = ['nemid', 'mitid'] as const;
export type Scheme = (typeof schemes)[number];

/** The two digital-ID schemes the kiosk serves side by side (docs/rules.md, "NemID and MitID on the day"). */
export const schemes = ['nemid', 'mitid'] as const;
export type Scheme = (typeof schemes)[number];

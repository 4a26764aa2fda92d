// Plain values of the municipality configuration, apart from its schema so that screens can use
// them without loading the validation library (the start screen has a JavaScript budget).

export const serviceGroups = ['digital-id', 'without-digital-id'] as const;

/**
 * Booking a time at the counter when the configuration does not say otherwise: a slot every
 * quarter of an hour, offered for the next two weeks, one citizen per slot.
 */
export const defaultBooking = { slotMinutes: 15, daysAhead: 14, capacity: 1 } as const;

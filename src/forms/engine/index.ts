/** The form engine: definitions in, schema, validation, payload and display out. */
export type * from './types.ts';
export { conditionHolds, isShown, shownFields } from './conditions.ts';
export * from './keys.ts';
export { toPayload } from './payload.ts';
export { validatePayload, validateStep } from './validate.ts';
export { formSchema, registerForm } from './schema.ts';
export { answerSections, addressLines, allFields, type AnswerRow, type AnswerSection } from './display.ts';

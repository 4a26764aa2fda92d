import { getContext, setContext } from 'svelte';
import type { MunicipalityConfig } from '#config/schema.ts';
import type { FreeSlot } from './booking/free-days.ts';

/**
 * What a field may need besides its answer: the municipality's configuration (which schemes it
 * offers, its opening hours) and the day the form was opened. FormFlow sets it once, so that
 * fields deep inside a group do not need every prop passed through.
 */
export interface FormContext {
  config: MunicipalityConfig;
  today: Date;
  /** The slots with a free seat, asked from the server; undefined when it cannot be asked (offline). */
  freeSlots?: () => Promise<FreeSlot[] | undefined>;
}

const key = Symbol('form-context');

export const setFormContext = (context: FormContext) => setContext(key, context);

export const getFormContext = () => getContext<FormContext | undefined>(key);

import type { Answers } from '../engine/types.ts';
import { examplePayloads } from './examples.ts';
import { shippedExamples } from './examples.shipped.ts';

/**
 * Complete payloads of the first versions that a newer version replaced, as the first kiosks
 * queued them: the back office must still read them in words (labelled-answers.unit.test.ts).
 * Made-up people and numbers.
 */
const omit = (data: Answers | undefined, ...names: string[]): Answers => Object.fromEntries(Object.entries(data ?? {}).filter(([k]) => !names.includes(k)));

export const firstVersionExamples: Record<string, Answers> = {
  'change-of-address': {
    ...omit(examplePayloads['change-of-address'], 'doctorFar', 'doctorChoice', 'declaration', 'signature'),
    phone: '12345678',
    newDoctor: true,
    doctorChoice: 'nearest',
  },
  'housing-benefit': omit(shippedExamples['housing-benefit'], 'declaration', 'signature'),
  'holiday-pay': omit(shippedExamples['holiday-pay'], 'signature'),
  complaint: omit(examplePayloads.complaint, 'scheme'),
  'block-digital-id': { ...examplePayloads['block-digital-id'], lost: 'key-card' },
  'get-digital-id': {
    ...omit(examplePayloads['get-digital-id'], 'canUseAlone', 'mitIdDocuments', 'userIdReady'),
    documents: ['passport', 'health-card'],
  },
};

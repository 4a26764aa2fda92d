import { describe, expect, it } from 'vitest';
import type { Answers, FormDefinition } from '#forms/engine/types.ts';
import { session } from '#app/shared/session.svelte.ts';
import { FieldView } from './field-view.svelte.ts';
import type { FieldProps } from './field-props.ts';

const name = { name: 'name', kind: 'text', required: true, personal: true, hintKey: 'fields.name.hint' } as const;
const form: FormDefinition = { id: 'complaint', type: 'complaint', schemaVersion: 1, steps: [{ id: 'you', fields: [name] }] };

function view(answers: Answers = {}, extra: Partial<FieldProps> = {}) {
  const errors: Record<string, string> = { 'movers.1.name': 'Skriv navnet' };
  return new FieldView(() => ({ form, field: name, answers, path: 'name', errorAt: (path) => errors[path], ...extra }));
}

describe('FieldView', () => {
  // Without i18next the session's translator returns the key, which is enough to see which text is used.
  session.translator = () => (key) => key;

  it('names the field, its hint and its error message, and links them by the field id', () => {
    const field = view({}, { path: 'movers.1.name', rowLabel: 'Person 2' });
    expect(field.id).toBe('f-movers-1-name');
    expect(field.plainLabel).toBe('form-complaint:fields.name.label');
    expect(field.label).toBe('form-complaint:fields.name.label, Person 2');
    expect(field.hint).toBe('form-complaint:fields.name.hint');
    expect(field.error).toBe('Skriv navnet');
    expect(field.errorPrefix).toBe('common:errorPrefix');
    expect(field.textInput).toMatchObject({ id: 'f-movers-1-name', name: 'movers.1.name' });
  });

  it('reads and writes the answer as text', () => {
    const answers: Answers = {};
    const field = view(answers);
    expect(field.text).toBe('');
    field.text = 'Anna';
    expect(answers.name).toBe('Anna');
    expect(field.error).toBeUndefined();
  });
});

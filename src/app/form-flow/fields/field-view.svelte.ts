import { hintKey, labelKey } from '#forms/engine/keys.ts';
import { session } from '#app/shared/session.svelte.ts';
import { fieldId, type FieldProps } from './field-props.ts';

/**
 * What a field shows around its control, in the citizen's language: the id its error links to,
 * its label (with the group row's name inside a group), its hint and its error message. Every
 * field component builds one from its props and hands the texts to the UI kit.
 */
export class FieldView {
  readonly #props: () => FieldProps;

  readonly id: string;
  /** The field's label as the form names it. */
  readonly plainLabel: string;
  /** The label with the group row's name, so that a screen reader knows which row the input is in. */
  readonly label: string;
  readonly hint: string | undefined;
  readonly error: string | undefined;
  readonly errorPrefix: string;

  constructor(props: () => FieldProps) {
    this.#props = props;
    this.id = $derived(fieldId(props().path));
    this.plainLabel = $derived(session.t(labelKey(props().form, props().field)));
    this.label = $derived(this.plainLabel + (props().rowLabel ? `, ${props().rowLabel}` : ''));
    this.hint = $derived.by(() => {
      const key = hintKey(props().form, props().field);
      return key ? session.t(key) : undefined;
    });
    this.error = $derived(props().errorAt(props().path));
    this.errorPrefix = $derived(session.t('common:errorPrefix'));
  }

  /** The ids and texts of a text box in its form group, for the kit's TextInput. */
  get textInput() {
    const { id, label, hint, error, errorPrefix } = this;
    return { id, name: this.#props().path, label, hint, error, errorPrefix };
  }

  get t() {
    return session.t;
  }

  /** The answer as text, for a text box; typing writes it straight into the answers. */
  get text(): string {
    const { answers, field } = this.#props();
    return (answers[field.name] as string | undefined) ?? '';
  }

  set text(value: string) {
    const { answers, field } = this.#props();
    answers[field.name] = value;
  }
}

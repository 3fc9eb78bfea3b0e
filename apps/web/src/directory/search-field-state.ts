import { useState } from 'react';
import type { Ref } from 'react';
import { useController } from 'react-hook-form';
import type { Control, FieldValues, Path, RegisterOptions } from 'react-hook-form';

/** What a page gives a directory search field, whatever the directory. */
export interface SearchFieldProps<Entry> {
  territoryId: string;
  label: string;
  hint?: string;
  /** The chosen entry's id ('' for none). Without it, the field adds entries one by one. */
  value?: string;
  onChoose(entry: Entry | null): void;
  excludeIds?: readonly string[];
  isRequired?: boolean;
  isDisabled?: boolean;
  errorMessage?: string;
  onBlur?(): void;
  inputRef?: Ref<HTMLInputElement>;
  name?: string;
}

/**
 * What the field shows typed: the name of what is chosen, once known, and nothing when the page
 * clears the choice; otherwise what the person types.
 */
export function useTypedText(value: string | undefined, valueName: string | undefined) {
  const [text, setText] = useState('');
  const [shownFor, setShownFor] = useState<string>();
  const current = `${value ?? ''}|${valueName ?? ''}`;
  if (value !== undefined && current !== shownFor) {
    // Adjusted while rendering, as React advises for state that follows a prop.
    setShownFor(current);
    if (!value) setText('');
    else if (valueName) setText(valueName);
  }
  return [text, setText] as const;
}

export interface FormChoiceOptions<Values extends FieldValues, Entry> {
  control: Control<Values>;
  name: Path<Values>;
  rules?: Omit<RegisterOptions<Values, Path<Values>>, 'valueAsNumber' | 'valueAsDate' | 'setValueAs'>;
  /** Told of each choice, with the chosen entry. */
  onChosen?(entry: Entry | null): void;
}

/** A search field's props in a form: the chosen id is the value; its error sits under it. */
export function useFormChoice<Values extends FieldValues, Entry extends { id: string }>({
  control,
  name,
  rules,
  onChosen,
}: FormChoiceOptions<Values, Entry>) {
  const {
    field: { ref, name: fieldName, value, onChange, onBlur },
    fieldState,
  } = useController({ control, name, rules });
  return {
    name: fieldName,
    value: (value as string | undefined) ?? '',
    onChoose: (entry: Entry | null) => {
      onChange(entry?.id ?? '');
      onChosen?.(entry);
    },
    isRequired: Boolean(rules?.required),
    errorMessage: fieldState.error?.message,
    onBlur,
    inputRef: ref,
  };
}

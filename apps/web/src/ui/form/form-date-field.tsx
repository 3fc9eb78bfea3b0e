import type { FieldValues, Path, RegisterOptions, Validate } from 'react-hook-form';
import { parseDayText } from './day-text';
import { FormTextField } from './form-text-field';
import type { FormTextFieldProps } from './form-text-field';

export const DAY_FORMAT_MESSAGE =
  'Saisissez une date réelle, sous la forme JJ/MM/AAAA (par exemple 14/03/1971).';

export type FormDateFieldProps<Values extends FieldValues> = Omit<
  FormTextFieldProps<Values>,
  'type' | 'inputMode' | 'multiline'
>;

/**
 * A day typed as people write it, JJ/MM/AAAA (the form keeps the text; `parseDayText` gives the
 * api's day). Typed rather than picked: a birth date is known, and typing it works the same on
 * every browser, keyboard and screen reader, whatever the browser's own date control looks like.
 */
export function FormDateField<Values extends FieldValues>({
  hint,
  rules,
  ...props
}: FormDateFieldProps<Values>) {
  const isDay: Validate<unknown, Values> = (value) =>
    typeof value !== 'string' ||
    value.trim() === '' ||
    parseDayText(value) !== undefined ||
    DAY_FORMAT_MESSAGE;
  const given = rules?.validate;
  const validate =
    typeof given === 'function'
      ? { given, isDay }
      : { ...(given as Record<string, Validate<unknown, Values>>), isDay };
  return (
    <FormTextField
      {...props}
      hint={hint ? `${hint} Sous la forme JJ/MM/AAAA.` : 'Sous la forme JJ/MM/AAAA.'}
      rules={
        { ...rules, validate } as Omit<
          RegisterOptions<Values, Path<Values>>,
          'valueAsNumber' | 'valueAsDate' | 'setValueAs'
        >
      }
      autoComplete={props.autoComplete ?? 'off'}
    />
  );
}

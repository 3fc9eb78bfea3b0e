import { FieldError, Input, Label, Text, TextArea, TextField } from 'react-aria-components';
import { useController } from 'react-hook-form';
import type { Control, FieldValues, Path, RegisterOptions } from 'react-hook-form';

export interface FormTextFieldProps<Values extends FieldValues> {
  control: Control<Values>;
  name: Path<Values>;
  label: string;
  hint?: string;
  rules?: Omit<RegisterOptions<Values, Path<Values>>, 'valueAsNumber' | 'valueAsDate' | 'setValueAs'>;
  type?: 'text' | 'email' | 'password' | 'date' | 'tel';
  inputMode?: 'text' | 'numeric' | 'email' | 'tel';
  autoComplete?: string;
  /** A paragraph rather than a line. */
  multiline?: boolean;
  isDisabled?: boolean;
}

/**
 * A labelled text field bound to the form: its hint is read with it, and its error (the form's own
 * French rule or the api's, put there by `applyServerErrors`) sits under it and is announced.
 */
export function FormTextField<Values extends FieldValues>({
  control,
  name,
  label,
  hint,
  rules,
  type = 'text',
  inputMode,
  autoComplete,
  multiline,
  isDisabled,
}: FormTextFieldProps<Values>) {
  const {
    field: { ref, name: fieldName, value, onChange, onBlur },
    fieldState,
  } = useController({ control, name, rules });
  return (
    <TextField
      className="field"
      name={fieldName}
      value={(value as string | undefined) ?? ''}
      onChange={onChange}
      onBlur={onBlur}
      isInvalid={fieldState.invalid}
      isRequired={Boolean(rules?.required)}
      isDisabled={isDisabled}
      type={multiline ? undefined : type}
      autoComplete={autoComplete}
      validationBehavior="aria"
    >
      <Label>
        {label}
        {rules?.required ? null : <span className="hint"> (facultatif)</span>}
      </Label>
      {hint ? (
        <Text slot="description" className="hint">
          {hint}
        </Text>
      ) : null}
      {multiline ? <TextArea ref={ref} rows={4} /> : <Input ref={ref} inputMode={inputMode} />}
      <FieldError className="field-error">{fieldState.error?.message}</FieldError>
    </TextField>
  );
}

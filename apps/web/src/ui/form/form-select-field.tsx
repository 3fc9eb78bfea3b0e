import { useId } from 'react';
import { useController } from 'react-hook-form';
import type { Control, FieldValues, Path, RegisterOptions } from 'react-hook-form';
import './form-select-field.css';

export interface SelectOption {
  value: string;
  label: string;
}

export interface FormSelectFieldProps<Values extends FieldValues> {
  control: Control<Values>;
  name: Path<Values>;
  label: string;
  hint?: string;
  options: readonly SelectOption[];
  /** The first line, standing for « nothing chosen » (its value is the empty string). */
  emptyLabel?: string;
  rules?: Omit<RegisterOptions<Values, Path<Values>>, 'valueAsNumber' | 'valueAsDate' | 'setValueAs'>;
}

/**
 * A choice among many options in a native list: the browser's own control, read by every screen
 * reader and used with the arrows and typing. Its hint and its error (the form's or the api's) are
 * read with it.
 */
export function FormSelectField<Values extends FieldValues>({
  control,
  name,
  label,
  hint,
  options,
  emptyLabel = '—',
  rules,
}: FormSelectFieldProps<Values>) {
  const id = useId();
  const {
    field: { ref, name: fieldName, value, onChange, onBlur },
    fieldState,
  } = useController({ control, name, rules });
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, fieldState.error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {rules?.required ? null : <span className="hint"> (facultatif)</span>}
      </label>
      {hint ? (
        <span id={hintId} className="hint">
          {hint}
        </span>
      ) : null}
      <select
        id={id}
        ref={ref}
        className="select"
        name={fieldName}
        value={(value as string | undefined) ?? ''}
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
        required={Boolean(rules?.required)}
        aria-invalid={fieldState.invalid || undefined}
        aria-describedby={describedBy || undefined}
      >
        <option value="">{emptyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {fieldState.error ? (
        <span id={errorId} className="field-error">
          {fieldState.error.message}
        </span>
      ) : null}
    </div>
  );
}

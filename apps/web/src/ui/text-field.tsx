import { FieldError, Input, Label, Text, TextField as AriaTextField } from 'react-aria-components';
import type { TextFieldProps as AriaTextFieldProps } from 'react-aria-components';

export interface TextFieldProps extends Omit<AriaTextFieldProps, 'children'> {
  label: string;
  hint?: string;
  inputMode?: 'text' | 'numeric' | 'email';
}

/** A labelled field whose error (ours or the server's, through the form's validationErrors) sits under it. */
export function TextField({ label, hint, inputMode, ...props }: TextFieldProps) {
  return (
    <AriaTextField className="field" validationBehavior="aria" {...props}>
      <Label>{label}</Label>
      {hint ? (
        <Text slot="description" className="hint">
          {hint}
        </Text>
      ) : null}
      <Input inputMode={inputMode} />
      <FieldError className="field-error" />
    </AriaTextField>
  );
}

import { Checkbox, CheckboxGroup, FieldError, Label, Radio, RadioGroup, Text } from 'react-aria-components';
import { useController } from 'react-hook-form';
import type { Control, FieldValues, Path, RegisterOptions } from 'react-hook-form';

export interface Choice {
  value: string;
  label: string;
  /** A line under the label that explains the choice. */
  description?: string;
}

export interface FormChoiceGroupProps<Values extends FieldValues> {
  control: Control<Values>;
  name: Path<Values>;
  label: string;
  hint?: string;
  choices: readonly Choice[];
  /** One answer (radio buttons) or several (check boxes). */
  multiple?: boolean;
  rules?: Omit<RegisterOptions<Values, Path<Values>>, 'valueAsNumber' | 'valueAsDate' | 'setValueAs'>;
}

/** A question answered by picking among a few visible choices, bound to the form. */
export function FormChoiceGroup<Values extends FieldValues>({
  control,
  name,
  label,
  hint,
  choices,
  multiple,
  rules,
}: FormChoiceGroupProps<Values>) {
  const {
    field: { name: fieldName, value, onChange, onBlur },
    fieldState,
  } = useController({ control, name, rules });
  const header = (
    <>
      <Label className="group-label">
        {label}
        {rules?.required ? null : <span className="hint"> (facultatif)</span>}
      </Label>
      {hint ? (
        <Text slot="description" className="hint">
          {hint}
        </Text>
      ) : null}
    </>
  );
  const body = choices.map((choice) =>
    multiple ? (
      <Checkbox key={choice.value} value={choice.value} className="choice">
        <span className="choice-box" aria-hidden="true" />
        <span>
          {choice.label}
          {choice.description ? <span className="choice-description">{choice.description}</span> : null}
        </span>
      </Checkbox>
    ) : (
      <Radio key={choice.value} value={choice.value} className="choice">
        <span className="choice-dot" aria-hidden="true" />
        <span>
          {choice.label}
          {choice.description ? <span className="choice-description">{choice.description}</span> : null}
        </span>
      </Radio>
    ),
  );
  const error = <FieldError className="field-error">{fieldState.error?.message}</FieldError>;
  return multiple ? (
    <CheckboxGroup
      className="field choice-group"
      name={fieldName}
      value={(value as string[] | undefined) ?? []}
      onChange={onChange}
      onBlur={onBlur}
      isInvalid={fieldState.invalid}
      validationBehavior="aria"
    >
      {header}
      {body}
      {error}
    </CheckboxGroup>
  ) : (
    <RadioGroup
      className="field choice-group"
      name={fieldName}
      // An empty answer is no answer: react-aria then lets Tab reach the group (a value matching
      // no radio would leave every one out of the tab order).
      value={(value as string | undefined) || null}
      onChange={onChange}
      onBlur={onBlur}
      isInvalid={fieldState.invalid}
      isRequired={Boolean(rules?.required)}
      validationBehavior="aria"
    >
      {header}
      {body}
      {error}
    </RadioGroup>
  );
}

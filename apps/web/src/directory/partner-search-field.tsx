import { useState } from 'react';
import type { Ref } from 'react';
import { useController } from 'react-hook-form';
import type { Control, FieldValues, Path, RegisterOptions } from 'react-hook-form';
import { organisationKindLabel } from '../administration/organisation-kinds';
import { DirectorySearchField } from './directory-search-field';
import type { DirectoryWords } from './directory-search-field';
import { useOrganisationNames } from './use-directory-names';
import { useOrganisationSearch } from './use-directory-search';
import type { FoundOrganisation } from './use-directory-search';

const PARTNERS: DirectoryWords = { one: 'partenaire', many: 'partenaires', feminine: false };

export interface PartnerSearchFieldProps {
  territoryId: string;
  label: string;
  hint?: string;
  /** The chosen partner's id ('' for none). Without it, the field adds partners one by one. */
  value?: string;
  onChoose(partner: FoundOrganisation | null): void;
  excludeIds?: readonly string[];
  isRequired?: boolean;
  isDisabled?: boolean;
  errorMessage?: string;
  onBlur?(): void;
  inputRef?: Ref<HTMLInputElement>;
  name?: string;
}

/**
 * A partner of the territory, found by typing part of its name (however many partners the
 * territory counts), or chosen in the list opened without typing.
 */
export function PartnerSearchField({ territoryId, value, onChoose, ...field }: PartnerSearchFieldProps) {
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<FoundOrganisation>();
  const search = useOrganisationSearch(territoryId, text, open || text.trim() !== '');
  // A partner chosen here is known by name; one given by the page is named by the api.
  const known = chosen && chosen.id === value ? chosen : undefined;
  const names = useOrganisationNames(territoryId, value && !known ? [value] : []);
  const valueName = known?.name ?? names.entryOf(value)?.name;

  // The field shows the name of what is chosen, once known, and empties when the page clears it.
  const [shownFor, setShownFor] = useState<string>();
  const current = `${value ?? ''}|${valueName ?? ''}`;
  if (value !== undefined && current !== shownFor) {
    // Adjusted while rendering, as React advises for state that follows a prop.
    setShownFor(current);
    if (!value) setText('');
    else if (valueName) setText(valueName);
  }

  return (
    <DirectorySearchField
      {...field}
      words={PARTNERS}
      search={search}
      text={text}
      onTextChange={setText}
      onOpenChange={setOpen}
      show={(partner) => ({ name: partner.name, description: organisationKindLabel(partner.kind) })}
      value={value}
      valueName={valueName}
      onChoose={(partner) => {
        setChosen(partner ?? undefined);
        onChoose(partner);
      }}
    />
  );
}

export interface FormPartnerSearchFieldProps<Values extends FieldValues> {
  control: Control<Values>;
  name: Path<Values>;
  territoryId: string;
  label: string;
  hint?: string;
  rules?: Omit<RegisterOptions<Values, Path<Values>>, 'valueAsNumber' | 'valueAsDate' | 'setValueAs'>;
  /** Told of each choice, with the partner's entry (its kind, its name). */
  onChosen?(partner: FoundOrganisation | null): void;
}

/** A partner chosen for a form: its id is the value; its error (the form's or the api's) sits under it. */
export function FormPartnerSearchField<Values extends FieldValues>({
  control,
  name,
  rules,
  onChosen,
  ...props
}: FormPartnerSearchFieldProps<Values>) {
  const {
    field: { ref, name: fieldName, value, onChange, onBlur },
    fieldState,
  } = useController({ control, name, rules });
  return (
    <PartnerSearchField
      {...props}
      name={fieldName}
      value={(value as string | undefined) ?? ''}
      onChoose={(partner) => {
        onChange(partner?.id ?? '');
        onChosen?.(partner);
      }}
      isRequired={Boolean(rules?.required)}
      errorMessage={fieldState.error?.message}
      onBlur={onBlur}
      inputRef={ref}
    />
  );
}

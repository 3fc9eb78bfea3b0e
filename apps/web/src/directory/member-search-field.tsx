import { useState } from 'react';
import type { Ref } from 'react';
import { useController } from 'react-hook-form';
import type { Control, FieldValues, Path, RegisterOptions } from 'react-hook-form';
import { DirectorySearchField } from './directory-search-field';
import type { DirectoryWords } from './directory-search-field';
import { useMemberNames, useOrganisationNames } from './use-directory-names';
import { useMemberSearch } from './use-directory-search';
import type { FoundMember } from './use-directory-search';

const PEOPLE: DirectoryWords = { one: 'personne', many: 'personnes', feminine: true };

export const personName = (member: { firstName: string; lastName: string }): string =>
  `${member.firstName} ${member.lastName}`;

export interface MemberSearchFieldProps {
  territoryId: string;
  label: string;
  hint?: string;
  /** The chosen person's account id ('' for none). Without it, the field adds people one by one. */
  value?: string;
  onChoose(member: FoundMember | null): void;
  excludeIds?: readonly string[];
  isRequired?: boolean;
  isDisabled?: boolean;
  errorMessage?: string;
  onBlur?(): void;
  inputRef?: Ref<HTMLInputElement>;
  name?: string;
}

/**
 * A professional of the territory's directory, found by typing part of a first or last name; each
 * shown with the partner they work for, which tells namesakes apart.
 */
export function MemberSearchField({ territoryId, value, onChoose, ...field }: MemberSearchFieldProps) {
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<FoundMember>();
  const search = useMemberSearch(territoryId, text, open || text.trim() !== '');
  const partners = useOrganisationNames(
    territoryId,
    open ? search.entries.map((member) => member.organisationId) : [],
  );
  const known = chosen && chosen.id === value ? chosen : undefined;
  const names = useMemberNames(territoryId, value && !known ? [value] : []);
  const named = known ?? names.entryOf(value);
  const valueName = named ? personName(named) : undefined;

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
      words={PEOPLE}
      search={search}
      text={text}
      onTextChange={setText}
      onOpenChange={setOpen}
      show={(member) => ({
        name: personName(member),
        description: partners.entryOf(member.organisationId)?.name,
      })}
      value={value}
      valueName={valueName}
      onChoose={(member) => {
        setChosen(member ?? undefined);
        onChoose(member);
      }}
    />
  );
}

export interface FormMemberSearchFieldProps<Values extends FieldValues> {
  control: Control<Values>;
  name: Path<Values>;
  territoryId: string;
  label: string;
  hint?: string;
  rules?: Omit<RegisterOptions<Values, Path<Values>>, 'valueAsNumber' | 'valueAsDate' | 'setValueAs'>;
  /** Told of each choice, with the person's entry (their partner, for one). */
  onChosen?(member: FoundMember | null): void;
}

/** A person chosen for a form: their account id is the value. */
export function FormMemberSearchField<Values extends FieldValues>({
  control,
  name,
  rules,
  onChosen,
  ...props
}: FormMemberSearchFieldProps<Values>) {
  const {
    field: { ref, name: fieldName, value, onChange, onBlur },
    fieldState,
  } = useController({ control, name, rules });
  return (
    <MemberSearchField
      {...props}
      name={fieldName}
      value={(value as string | undefined) ?? ''}
      onChoose={(member) => {
        onChange(member?.id ?? '');
        onChosen?.(member);
      }}
      isRequired={Boolean(rules?.required)}
      errorMessage={fieldState.error?.message}
      onBlur={onBlur}
      inputRef={ref}
    />
  );
}

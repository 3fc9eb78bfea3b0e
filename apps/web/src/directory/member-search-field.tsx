import { useState } from 'react';
import type { FieldValues } from 'react-hook-form';
import { DirectorySearchField } from './directory-search-field';
import type { DirectoryWords } from './directory-search-field';
import { useFormChoice, useTypedText } from './search-field-state';
import type { FormChoiceOptions, SearchFieldProps } from './search-field-state';
import { useMemberNames, useOrganisationNames } from './use-directory-names';
import { useMemberSearch } from './use-directory-search';
import type { FoundMember } from './use-directory-search';

const PEOPLE: DirectoryWords = { one: 'personne', many: 'personnes', feminine: true };

export const personName = (member: { firstName: string; lastName: string }): string =>
  `${member.firstName} ${member.lastName}`;

export type MemberSearchFieldProps = SearchFieldProps<FoundMember>;

/**
 * A professional of the territory's directory, found by typing part of a first or last name; each
 * shown with the partner they work for, which tells namesakes apart.
 */
export function MemberSearchField({ territoryId, value, onChoose, ...field }: MemberSearchFieldProps) {
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<FoundMember>();
  // A person chosen here is known by name; one given by the page is named by the api.
  const known = chosen && chosen.id === value ? chosen : undefined;
  const names = useMemberNames(territoryId, value && !known ? [value] : []);
  const named = known ?? names.entryOf(value);
  const valueName = named ? personName(named) : undefined;
  const [text, setText] = useTypedText(value, valueName);
  const search = useMemberSearch(territoryId, text, open || text.trim() !== '');
  const partners = useOrganisationNames(
    territoryId,
    open ? search.entries.map((member) => member.organisationId) : [],
  );

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

export type FormMemberSearchFieldProps<Values extends FieldValues> = FormChoiceOptions<Values, FoundMember> &
  Pick<MemberSearchFieldProps, 'territoryId' | 'label' | 'hint'>;

/** A person chosen for a form: their account id is the value. */
export function FormMemberSearchField<Values extends FieldValues>({
  control,
  name,
  rules,
  onChosen,
  ...props
}: FormMemberSearchFieldProps<Values>) {
  return <MemberSearchField {...props} {...useFormChoice({ control, name, rules, onChosen })} />;
}

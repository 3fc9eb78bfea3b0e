import { useState } from 'react';
import type { FieldValues } from 'react-hook-form';
import { organisationKindLabel } from '../administration/organisation-kinds';
import { DirectorySearchField } from './directory-search-field';
import type { DirectoryWords } from './directory-search-field';
import { useFormChoice, useTypedText } from './search-field-state';
import type { FormChoiceOptions, SearchFieldProps } from './search-field-state';
import { useOrganisationNames } from './use-directory-names';
import { useOrganisationSearch } from './use-directory-search';
import type { FoundOrganisation } from './use-directory-search';

const PARTNERS: DirectoryWords = { one: 'partenaire', many: 'partenaires', feminine: false };

export type PartnerSearchFieldProps = SearchFieldProps<FoundOrganisation>;

/**
 * A partner of the territory, found by typing part of its name (however many partners the
 * territory counts), or chosen in the list opened without typing.
 */
export function PartnerSearchField({ territoryId, value, onChoose, ...field }: PartnerSearchFieldProps) {
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<FoundOrganisation>();
  // A partner chosen here is known by name; one given by the page is named by the api.
  const known = chosen && chosen.id === value ? chosen : undefined;
  const names = useOrganisationNames(territoryId, value && !known ? [value] : []);
  const valueName = known?.name ?? names.entryOf(value)?.name;
  const [text, setText] = useTypedText(value, valueName);
  const search = useOrganisationSearch(territoryId, text, open || text.trim() !== '');

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

export type FormPartnerSearchFieldProps<Values extends FieldValues> = FormChoiceOptions<
  Values,
  FoundOrganisation
> &
  Pick<PartnerSearchFieldProps, 'territoryId' | 'label' | 'hint'>;

/** A partner chosen for a form: its id is the value; its error (the form's or the api's) sits under it. */
export function FormPartnerSearchField<Values extends FieldValues>({
  control,
  name,
  rules,
  onChosen,
  ...props
}: FormPartnerSearchFieldProps<Values>) {
  return <PartnerSearchField {...props} {...useFormChoice({ control, name, rules, onChosen })} />;
}

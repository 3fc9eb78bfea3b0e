import { useState } from 'react';
import { useController, useWatch } from 'react-hook-form';
import type { Control, FieldValues, Path, PathValue, RegisterOptions } from 'react-hook-form';
import { FormChoiceGroup } from '../ui/form/form-choice-group';
import type { Choice } from '../ui/form/form-choice-group';
import { PartnerSearchField } from './partner-search-field';
import { useOrganisationNames } from './use-directory-names';
import type { NamedOrganisation } from './use-directory-names';

export interface FormPartnerChoicesProps<Values extends FieldValues> {
  control: Control<Values>;
  /** A list of partners' ids (and of the `leading` choices' values). */
  name: Path<Values>;
  territoryId: string;
  label: string;
  hint?: string;
  /** The search field's label, « Ajouter un partenaire… ». */
  addLabel: string;
  addHint?: string;
  /** Choices that are not partners, shown first (« La cellule »). */
  leading?: readonly Choice[];
  /** What is written under a partner's name. */
  describe?(partner: NamedOrganisation): string;
  rules?: Omit<RegisterOptions<Values, Path<Values>>, 'valueAsNumber' | 'valueAsDate' | 'setValueAs'>;
}

/**
 * Several partners chosen: those chosen as check boxes (named by the api), and a search field that
 * adds one more, ticked. However many partners the territory counts, none has to be found in a
 * list of all; a box unticked stays on screen, to be ticked again.
 */
export function FormPartnerChoices<Values extends FieldValues>({
  control,
  name,
  territoryId,
  label,
  hint,
  addLabel,
  addHint,
  leading = [],
  describe,
  rules,
}: FormPartnerChoicesProps<Values>) {
  const chosen = (useWatch({ control, name }) as string[] | undefined) ?? [];
  const {
    field: { onChange },
  } = useController({ control, name, rules });
  const [added, setAdded] = useState<readonly NamedOrganisation[]>([]);
  const leadingValues = new Set(leading.map((choice) => choice.value));
  const offeredIds = [
    ...new Set([...chosen.filter((id) => !leadingValues.has(id)), ...added.map((partner) => partner.id)]),
  ];
  const names = useOrganisationNames(territoryId, offeredIds);
  const nameOf = (id: string) => added.find((partner) => partner.id === id) ?? names.entryOf(id);
  const choices: Choice[] = [
    ...leading,
    ...offeredIds.map((id) => {
      const partner = nameOf(id);
      return partner
        ? { value: id, label: partner.name, description: describe?.(partner) }
        : { value: id, label: names.loading ? 'Nom en cours de chargement…' : 'Partenaire non répertorié' };
    }),
  ];

  return (
    <div className="partner-choices">
      <FormChoiceGroup
        control={control}
        name={name}
        label={label}
        hint={hint}
        choices={choices}
        multiple
        rules={rules}
      />
      {choices.length ? null : <p className="hint">Aucun partenaire pour l’instant.</p>}
      <PartnerSearchField
        territoryId={territoryId}
        label={addLabel}
        hint={addHint}
        excludeIds={offeredIds}
        onChoose={(partner) => {
          if (!partner) return;
          setAdded((previous) => [...previous.filter((known) => known.id !== partner.id), partner]);
          if (!chosen.includes(partner.id))
            onChange([...chosen, partner.id] as PathValue<Values, Path<Values>>);
        }}
      />
    </div>
  );
}

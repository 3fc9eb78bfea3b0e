import { DataCategory } from '@relais/access';
import { consentReceipt, ReceiptFacts } from './consent-receipt';
import { ConsentMethod, ConsentPurpose, ConsentStatus, InformationItem } from './consent.enums';

const facts: ReceiptFacts = {
  territoryName: 'CLSM de Démonstration',
  caseCode: 'K7M-2QX',
  personName: null,
  status: ConsentStatus.GIVEN,
  method: ConsentMethod.ORAL_BEFORE_WITNESS,
  collectedOn: '2026-11-20',
  expiresOn: '2027-11-20',
  collectorOrganisationName: 'Habitat Métropole',
  purposes: [ConsentPurpose.CELL_EXAMINATION],
  recipientNames: ['CCAS de la ville', 'CMP Nord'],
  recipientKindLabels: [],
  includesCell: true,
  dataCategories: [DataCategory.IDENTITY, DataCategory.HOUSING],
  informationGiven: Object.values(InformationItem),
  wishesToAttend: true,
};

describe('consent receipt', () => {
  it('says in French what was agreed, with whom, until when, and how to withdraw', () => {
    const text = consentReceipt(facts);
    expect(text).toContain('Recueilli le 20 novembre 2026, oralement, devant témoin, par Habitat Métropole.');
    expect(text).toContain('avec : CCAS de la ville');
    expect(text).toContain('avec : la cellule de situations complexes du CLSM');
    expect(text).toContain('pour : examen de votre situation par la cellule');
    expect(text).toContain('jusqu’au 20 novembre 2027');
    expect(text).toContain('retirer votre accord à tout moment');
  });

  it('says what is shared in words the person uses, not the categories of the law', () => {
    const text = consentReceipt(facts);
    expect(text).toContain(
      'ce qui est partagé : votre identité et vos coordonnées (nom, prénom, date de naissance, adresse, téléphone)',
    );
    expect(text).toContain('ce qui est partagé : votre situation de logement');
    expect(text).not.toMatch(/logistique|social confidentiel|secret médical/i);
  });

  it('names the person by case code when the reader may not see the identity', () => {
    expect(consentReceipt(facts)).toContain('Personne : la personne suivie sous le code K7M-2QX');
    expect(consentReceipt({ ...facts, personName: 'Camille Dupont' })).toContain('Personne : Camille Dupont');
  });

  it('records a refusal without listing any sharing', () => {
    const text = consentReceipt({ ...facts, status: ConsentStatus.REFUSED });
    expect(text).toContain('Vous avez refusé');
    expect(text).not.toContain('avec : CCAS');
  });
});

import { Role } from '@relais/access';
import { Profession } from '@relais/identity';
import { Reminder, ReminderKind, ReminderStatus } from '@relais/reminders';
import { Handoff } from '@relais/situations';
import type { Page } from 'playwright-core';
import {
  BROWSER_SETUP_TIMEOUT_MS,
  browserSuite,
  expectNoAxeViolations,
  screenshot,
  openSignedIn,
} from '../support/browser';
import { trinomeFollowUp } from '../support/follow-up-fixtures';
import type { TrinomeFollowUp } from '../support/follow-up-fixtures';
import {
  acceptHandoffByKeyboard,
  closeFollowUpHandedOver,
  declineHandoff,
  downloadHandoffDocument,
  fillHandoff,
  incomingLines,
  openFollowUpHandoffs,
  openHandoffToAnswer,
  openIncomingHandoffs,
  openProposeHandoff,
  previewHandoff,
  recipient,
  region,
  sendHandoff,
} from './handoffs.steps';

const DAY = 86_400_000;
const NAMES = {
  association: 'Association Le Lien',
  cmp: 'CMP Les Tilleuls',
  bailleur: 'Habitat du Nord',
  clsm: 'Mairie de Fives',
};
const PROPOSE = /* GraphQL */ `
  mutation ($input: ProposeHandoffInput!) {
    proposeHandoff(input: $input) {
      id
    }
  }
`;
const FOLLOW_UP_PHASE = /* GraphQL */ `
  query ($id: ID!) {
    followUp(followUpId: $id) {
      phase
    }
  }
`;
const DECLINE_REASON = 'La personne habite hors de notre secteur : orientez vers le CMP de Lomme.';

/**
 * « Passage de relais »: a team member proposes a hand-off to the CMP that the person's consent
 * names for it (the landlord shown not allowed, with the api's reason), checks what the CMP will
 * read and downloads the document; the CMP's member finds it in « Relais reçus » with an older one
 * still waiting, declines that one with a reason and accepts the new one with the keyboard; the
 * team reads the reason and closes the follow-up as handed over.
 */
describe('passage de relais from a follow-up to the CMP', () => {
  const suite = browserSuite();
  let fixture: TrinomeFollowUp;
  const receiver = { id: '', email: '', password: '' };

  beforeAll(async () => {
    const { api } = suite;
    fixture = await trinomeFollowUp(api, { names: NAMES });
    // A psychiatrist of the CMP, member of the cell: the one who answers for the CMP.
    Object.assign(
      receiver,
      await api.factory.user({
        territory: fixture.territory,
        organisation: fixture.organisations.cmp,
        profession: Profession.PSYCHIATRIST,
        roles: [Role.CELL_MEMBER],
      }),
    );
    // A first hand-off, proposed four days ago and reminded once, still waiting for the CMP.
    const { proposeHandoff } = await fixture.accounts.educator.client.expectData<{
      proposeHandoff: { id: string };
    }>(PROPOSE, {
      input: {
        situationId: fixture.situationId,
        followUpId: fixture.followUpId,
        receivingOrganisationId: fixture.organisations.cmp.id,
        cmpFollowUpStatus: 'REQUESTED',
        evictionProcedureState: 'PRE_LITIGATION',
        rightsOpened: ['HOUSING_ALLOWANCE'],
        personAgreed: true,
      },
    });
    const proposedAt = new Date(api.clock.now().getTime() - 4 * DAY);
    await api.dataSource.getRepository(Handoff).update({ id: proposeHandoff.id }, { proposedAt });
    await api.dataSource.getRepository(Reminder).insert({
      territoryId: fixture.territory.id,
      kind: ReminderKind.HANDOFF_UNANSWERED,
      subjectType: 'Handoff',
      subjectId: proposeHandoff.id,
      personId: null,
      situationId: fixture.situationId,
      recipientUserId: receiver.id,
      recipientOrganisationId: fixture.organisations.cmp.id,
      throughConsent: false,
      dueAt: new Date(proposedAt.getTime() + 2 * DAY),
      status: ReminderStatus.SENT,
      dedupeKey: `handoff-unanswered:${proposeHandoff.id}:1`,
      occurrence: 1,
      createdAt: proposedAt,
      settledAt: new Date(proposedAt.getTime() + 2 * DAY),
      settledReason: null,
    });
  }, BROWSER_SETUP_TIMEOUT_MS);

  /** Axe and a screenshot at 1280 px, then the same at 768 px, the narrowest width supported. */
  const checkPage = async (page: Page, name: string): Promise<void> => {
    for (const width of [1280, 768]) {
      await page.setViewportSize({ width, height: 800 });
      await expectNoAxeViolations(page);
      await screenshot(page, name);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  };

  const signedIn = async (account: { email: string; password: string }): Promise<Page> => {
    const page = await suite.newPage();
    await openSignedIn(page, suite.api, account);
    return page;
  };

  it('proposes the hand-off to the CMP only, shows what the CMP will read, and gives its PDF', async () => {
    const page = await signedIn(fixture.accounts.educator);
    await openProposeHandoff(page, fixture.followUpId);

    // The CMP, named by the consent for hand-offs, can be chosen; the landlord cannot, and says why.
    expect(await recipient(page, NAMES.cmp).radio.isDisabled()).toBe(false);
    expect(await recipient(page, NAMES.bailleur).radio.isDisabled()).toBe(true);
    expect(await recipient(page, NAMES.bailleur).text.textContent()).toMatch(/Non autorisé :\s*\S+/);
    // The team's own organisation is not a recipient.
    expect(await recipient(page, NAMES.association).radio.count()).toBe(0);
    await checkPage(page, 'relais-proposer');

    // Nothing chosen: the page says what is missing, in French, before any preview.
    await page.getByRole('button', { name: 'Vérifier avant d’envoyer' }).click();
    await page.getByText('Choisissez le service qui reçoit le relais.').waitFor();

    await fillHandoff(page, {
      recipient: NAMES.cmp,
      referent: 'Dr Martin',
      cmp: 'Rendez-vous fixé au CMP',
      firstAppointment: '12/01/2027',
      socialReferent: 'Mme Durand, CCAS',
      eviction: 'Phase précontentieuse',
      rights: ['Aide au logement', 'Couverture maladie'],
      risks: 'Rupture de traitement possible si le rendez-vous est manqué.',
      contacts: 'Sa sœur, 06 00 00 00 00',
      personAgreed: true,
    });
    const preview = await previewHandoff(page, NAMES.cmp);
    for (const words of [
      'Dr Martin',
      'Rendez-vous fixé au CMP',
      'mardi 12 janvier 2027',
      'Phase précontentieuse',
      'Aide au logement',
      'Couverture maladie',
      'Rupture de traitement possible',
      'Oui, elle est d’accord avec ce relais',
    ])
      expect(preview).toContain(words);
    await checkPage(page, 'relais-verifier');

    await sendHandoff(page);
    const document = await downloadHandoffDocument(
      page,
      page.getByRole('link', { name: 'Télécharger le document de passage de relais (PDF)' }),
    );
    expect(document).toEqual({
      contentType: expect.stringMatching(/^application\/pdf/),
      status: 200,
      filename: expect.stringMatching(/^passage-de-relais-.+\.pdf$/),
      head: '%PDF-',
    });
    await checkPage(page, 'relais-propose');
  }, 120_000);

  it('lists both hand-offs for the CMP, oldest first; the CMP declines one with a reason and accepts the other with the keyboard', async () => {
    const page = await signedIn(receiver);
    await openIncomingHandoffs(page);
    const waiting = await incomingLines(page, 'À répondre');
    expect(waiting).toHaveLength(2);
    expect(waiting[0]).toContain(NAMES.association);
    expect(waiting[0]).toContain('proposé il y a 4 jours');
    expect(waiting[0]).toContain('1 relance');
    expect(waiting[1]).toContain('proposé aujourd’hui');
    expect(waiting[1]).toContain('Aucune relance');
    await checkPage(page, 'relais-recus');

    // The older one: what the gate sends to a psychiatrist of the CMP, then declined with a reason.
    await openHandoffToAnswer(page, 0, fixture.caseCode);
    const sent = region(page, 'Ce qui vous est transmis');
    await sent.getByText('Suivi demandé au CMP').waitFor();
    await checkPage(page, 'relais-recu');
    expect(await declineHandoff(page, DECLINE_REASON)).toBe('Dites pourquoi vous déclinez ce relais.');
    await page.getByText(DECLINE_REASON).first().waitFor();
    await expectNoAxeViolations(page);

    // The newer one, accepted with the keyboard alone.
    await openIncomingHandoffs(page);
    await openHandoffToAnswer(page, 0, fixture.caseCode);
    await region(page, 'Ce qui vous est transmis').getByText('Dr Martin').waitFor();
    await acceptHandoffByKeyboard(page);
    await expectNoAxeViolations(page);

    await openIncomingHandoffs(page);
    // Both answered at the api's same (fixed) moment: their order is the api's tie-break.
    const answered = await incomingLines(page, 'Déjà répondus');
    expect(answered).toHaveLength(2);
    expect(answered).toEqual(
      expect.arrayContaining([expect.stringContaining('Accepté'), expect.stringContaining(DECLINE_REASON)]),
    );
    await page.getByText('Aucun relais n’attend votre réponse.').waitFor();
  }, 120_000);

  it('shows the team the answers, the decline reason included, and closes the follow-up as handed over', async () => {
    const page = await signedIn(fixture.accounts.educator);
    const section = await openFollowUpHandoffs(page, fixture.followUpId);
    await section.getByText(DECLINE_REASON).first().waitFor();
    await section.getByText('Accepté', { exact: true }).waitFor();
    await checkPage(page, 'relais-suivi');
    await closeFollowUpHandedOver(page, section);
    // The page reads the follow-up again: it now says it is over.
    await page.getByText('Phase « Terminé »').waitFor();
    await checkPage(page, 'relais-suivi-clos');
    const { followUp } = await fixture.accounts.educator.client.expectData<{ followUp: { phase: string } }>(
      FOLLOW_UP_PHASE,
      { id: fixture.followUpId },
    );
    expect(followUp.phase).toBe('ENDED');
  }, 90_000);
});

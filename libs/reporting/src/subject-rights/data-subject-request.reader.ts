import { Injectable } from '@nestjs/common';
import { AccessService, gateFields, NO_ACCESS, Principal, RowAccess, rowView } from '@relais/access';
import { AuditService } from '@relais/audit';
import { Person, PersonObject, toPersonObject } from '@relais/situations';
import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { answerBy } from './domain/answer-deadline';
import { DataSubjectRequestObject } from './dto/data-subject-request.object';
import { DataSubjectRequest } from './entities';
import { SubjectRightsException } from './subject-rights.exception';

/** The read side of the person's requests: rows under the rules, through the gate, reads audited. */
@Injectable()
export class DataSubjectRequestReader {
  constructor(
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  /** One person's requests, for her export (every one, oldest first). */
  async requestsOf(
    manager: EntityManager,
    actor: Principal,
    territoryId: string,
    personId: string,
  ): Promise<DataSubjectRequestObject[]> {
    const query = manager
      .getRepository(DataSubjectRequest)
      .createQueryBuilder('request')
      .where('request.territoryId = :territoryId AND request.personId = :personId', { territoryId, personId })
      .orderBy('request.receivedOn', 'ASC')
      .addOrderBy('request.recordedAt', 'ASC');
    const { rows, accesses } = await this.readable(query, actor);
    const shown = await this.presentAll(manager, actor, rows, accesses);
    return rows.map((row) => shown.get(row.id)!);
  }

  /** The person, if the coordination reads her in that territory (NOT_FOUND otherwise). */
  async assertPersonOf(
    manager: EntityManager,
    actor: Principal,
    territoryId: string,
    personId: string,
  ): Promise<PersonObject> {
    const query = manager
      .getRepository(Person)
      .createQueryBuilder('person')
      .where('person.id = :personId AND person.territoryId = :territoryId', { personId, territoryId });
    this.access.accessibleBy(query, actor, 'read', 'Person');
    const person = await query.getOne();
    if (!person) throw new SubjectRightsException('PERSON_NOT_FOUND');
    return toPersonObject(person);
  }

  /** The rows of `query` the reader may read, with the relations held on each (one statement). */
  async readable(
    query: SelectQueryBuilder<DataSubjectRequest>,
    actor: Principal,
  ): Promise<{ rows: DataSubjectRequest[]; accesses: Map<string, RowAccess> }> {
    const accessOf = this.access.selectRowAccess(query, actor, 'read', 'DataSubjectRequest');
    const { entities, raw } = await query.getRawAndEntities();
    return { rows: entities, accesses: accessOf(raw) };
  }

  async present(
    manager: EntityManager,
    actor: Principal,
    request: DataSubjectRequest,
  ): Promise<DataSubjectRequestObject> {
    const access = this.access.rowAccessOn(actor, 'read', request) ?? NO_ACCESS;
    return (await this.presentAll(manager, actor, [request], new Map([[request.id, access]]))).get(
      request.id,
    )!;
  }

  /** Through the gate with the reader's relations to each row; what is shown is audited. */
  async presentAll(
    manager: EntityManager,
    actor: Principal,
    requests: readonly DataSubjectRequest[],
    accesses: ReadonlyMap<string, RowAccess>,
  ): Promise<Map<string, DataSubjectRequestObject>> {
    const gated = requests.map((request) => ({
      request,
      ...gateFields(
        DataSubjectRequestObject,
        {
          id: request.id,
          territoryId: request.territoryId,
          personId: request.personId,
          kind: request.kind,
          receivedOn: request.receivedOn,
          answerBy: answerBy(request.receivedOn),
          request: request.request,
          status: request.status,
          outcome: request.outcome,
          answeredOn: request.answeredOn,
          answeredByUserId: request.answeredByUserId,
          recordedAt: request.recordedAt,
        },
        rowView(actor, request.territoryId, accesses.get(request.id) ?? NO_ACCESS),
      ),
    }));
    await this.audit.recordReads(
      manager,
      actor,
      gated.map(({ request, shown }) => ({
        territoryId: request.territoryId,
        personId: request.personId,
        subject: { type: 'DataSubjectRequest', id: request.id },
        categories: shown,
      })),
    );
    return new Map(gated.map(({ request, value }) => [request.id, value]));
  }
}

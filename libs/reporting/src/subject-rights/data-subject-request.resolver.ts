import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentPrincipal, Principal } from '@relais/access';
import { Connection, ConnectionType, uuidArgument } from '@relais/graphql';
import { DataSubjectRequestService } from './data-subject-request.service';
import { DataSubjectRequestObject } from './dto/data-subject-request.object';
import {
  AnswerDataSubjectRequestInput,
  DataSubjectRequestsArgs,
  RecordDataSubjectRequestInput,
} from './dto/data-subject-request.inputs';

export const DataSubjectRequestConnection = ConnectionType(DataSubjectRequestObject, {
  name: 'DataSubjectRequest',
  description: 'Une page de demandes de personnes sur leurs données, et ce qui la suit.',
  nodeDescription: 'Une demande de la personne sur ses données',
});

@Resolver()
export class DataSubjectRequestResolver {
  constructor(private readonly requests: DataSubjectRequestService) {}

  @Mutation(() => DataSubjectRequestObject, {
    description:
      'Réservé à la coordination : enregistre une demande de la personne sur ses données (accès, rectification, opposition, effacement, limitation). La réponse est due dans le mois.',
  })
  @Allow('record', 'DataSubjectRequest')
  recordDataSubjectRequest(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'La demande telle qu’elle est parvenue.' })
    input: RecordDataSubjectRequestInput,
  ): Promise<DataSubjectRequestObject> {
    return this.requests.recordDataSubjectRequest(principal, input);
  }

  @Mutation(() => DataSubjectRequestObject, {
    description: 'Réservé à la coordination : la demande est prise en charge (en cours).',
  })
  @Allow('answer', 'DataSubjectRequest')
  startDataSubjectRequest(
    @CurrentPrincipal() principal: Principal,
    @Args('requestId', { type: () => ID, description: 'La demande.' }, uuidArgument('requestId'))
    requestId: string,
  ): Promise<DataSubjectRequestObject> {
    return this.requests.startDataSubjectRequest(principal, requestId);
  }

  @Mutation(() => DataSubjectRequestObject, {
    description:
      'Réservé à la coordination : la réponse faite à la personne. Un effacement satisfait anonymise la personne, s’il est permis par les durées de conservation ; sinon il est refusé avec son motif.',
  })
  @Allow('answer', 'DataSubjectRequest')
  answerDataSubjectRequest(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'La réponse.' }) input: AnswerDataSubjectRequestInput,
  ): Promise<DataSubjectRequestObject> {
    return this.requests.answerDataSubjectRequest(principal, input);
  }

  @Query(() => DataSubjectRequestConnection, {
    description:
      'Réservé à la coordination : les demandes des personnes sur leurs données, du territoire ou d’une personne, la plus récente d’abord, page par page.',
  })
  @Allow('read', 'DataSubjectRequest')
  dataSubjectRequests(
    @CurrentPrincipal() principal: Principal,
    @Args() args: DataSubjectRequestsArgs,
  ): Promise<Connection<DataSubjectRequestObject>> {
    return this.requests.dataSubjectRequests(principal, args);
  }
}

import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Connection, PageInfo } from '@relais/graphql';
import { TerritoryMemberObject } from './identity.objects';

@ObjectType('TerritoryMemberEdge', { description: 'Un membre du territoire, avec sa place dans la liste.' })
class TerritoryMemberEdge {
  @Field({ description: 'Sa place dans la liste : passée comme « after », la page suivante commence après.' })
  cursor!: string;

  @Field(() => TerritoryMemberObject, { description: 'Un membre du territoire.' })
  node!: TerritoryMemberObject;
}

/** A page of the directory, with how many members it holds in all (« 42 membres »). */
@ObjectType('TerritoryMemberConnection', {
  description: "Une page de l'annuaire du territoire, ce qui la suit, et combien il compte de membres.",
})
export class TerritoryMemberConnection implements Connection<TerritoryMemberObject> {
  @Field(() => [TerritoryMemberEdge], { description: 'Les éléments de la page, dans l’ordre de la liste.' })
  edges!: TerritoryMemberEdge[];

  @Field(() => PageInfo, { description: 'Ce qui suit cette page.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Combien l’annuaire compte de membres en tout, pour vous.' })
  totalCount!: number;
}

export type CountedMemberPage = Connection<TerritoryMemberObject> & { totalCount: number };

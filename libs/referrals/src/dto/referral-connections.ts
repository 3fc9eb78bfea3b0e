import { Type } from '@nestjs/common';
import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Connection, ConnectionNames, Edge, PageInfo } from '@relais/graphql';
import { MyReferralObject, ReferralObject } from './referral.objects';

/** A page of a list whose header says how many it holds in all (« Toutes les saisines (42) »). */
export interface CountedConnection<Node> extends Connection<Node> {
  totalCount: number;
}

/** The shared connection shape, with the list's total as its readers filter it. */
function CountedConnectionType<Node>(
  node: Type<Node>,
  names: ConnectionNames,
): Type<CountedConnection<Node>> {
  @ObjectType(`${names.name}Edge`, { description: `${names.nodeDescription}, avec sa place dans la liste.` })
  class EdgeType implements Edge<Node> {
    @Field({
      description: 'Sa place dans la liste : passée comme « after », la page suivante commence après.',
    })
    cursor!: string;

    @Field(() => node, { description: `${names.nodeDescription}.` })
    node!: Node;
  }

  @ObjectType(`${names.name}Connection`, { description: names.description })
  class ConnectionObject implements CountedConnection<Node> {
    @Field(() => [EdgeType], { description: 'Les éléments de la page, dans l’ordre de la liste.' })
    edges!: EdgeType[];

    @Field(() => PageInfo, { description: 'Ce qui suit cette page.' })
    pageInfo!: PageInfo;

    @Field(() => Int, {
      description: 'Combien la liste en compte en tout, toutes pages confondues, pour vous.',
    })
    totalCount!: number;
  }
  return ConnectionObject;
}

export const ReferralConnection = CountedConnectionType(ReferralObject, {
  name: 'Referral',
  description: 'Une page de saisines, et ce qui la suit.',
  nodeDescription: 'Une saisine',
});

export const MyReferralConnection = CountedConnectionType(MyReferralObject, {
  name: 'MyReferral',
  description: 'Une page des saisines de mon organisation, et ce qui la suit.',
  nodeDescription: 'Une saisine de mon organisation',
});

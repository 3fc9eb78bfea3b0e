import { Type } from '@nestjs/common';
import { Field, Int, ObjectType } from '@nestjs/graphql';
import { encodeCursor } from './cursor';

@ObjectType('PageInfo', { description: 'Où en est la lecture d’une liste, page par page.' })
export class PageInfo {
  @Field({
    description: 'Vrai quand d’autres éléments suivent : demandez-les en passant endCursor comme « after ».',
  })
  hasNextPage!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Le curseur du dernier élément de la page ; null quand la page est vide.',
  })
  endCursor!: string | null;
}

export interface Edge<Node> {
  cursor: string;
  node: Node;
}

/** A page of a list read with cursors (the Relay connection shape), forward only. */
export interface Connection<Node> {
  edges: Edge<Node>[];
  pageInfo: PageInfo;
}

export interface ConnectionNames {
  /** The node's name: `Action` gives `ActionEdge` and `ActionConnection`. */
  name: string;
  /** What a page is a page of, in French. */
  description: string;
  /** What one element is, in French, without a final stop (« Une action »). */
  nodeDescription: string;
}

/** A page of a list whose header says how many it holds in all (« Toutes les saisines (42) »). */
export interface CountedConnection<Node> extends Connection<Node> {
  totalCount: number;
}

export interface CountedConnectionNames extends ConnectionNames {
  /** What the total counts, in French; by default, the whole list as its reader may see it. */
  totalDescription?: string;
}

function EdgeTypeOf<Node>(node: Type<Node>, names: ConnectionNames): Type<Edge<Node>> {
  @ObjectType(`${names.name}Edge`, { description: `${names.nodeDescription}, avec sa place dans la liste.` })
  class EdgeType implements Edge<Node> {
    @Field({
      description: 'Sa place dans la liste : passée comme « after », la page suivante commence après.',
    })
    cursor!: string;

    @Field(() => node, { description: `${names.nodeDescription}.` })
    node!: Node;
  }
  return EdgeType;
}

/** The GraphQL types of a connection of `node`: its edge (cursor and node) and the page. */
export function ConnectionType<Node>(node: Type<Node>, names: ConnectionNames): Type<Connection<Node>> {
  const EdgeType = EdgeTypeOf(node, names);

  @ObjectType(`${names.name}Connection`, { description: names.description })
  class ConnectionObject implements Connection<Node> {
    @Field(() => [EdgeType], { description: 'Les éléments de la page, dans l’ordre de la liste.' })
    edges!: Edge<Node>[];

    @Field(() => PageInfo, { description: 'Ce qui suit cette page.' })
    pageInfo!: PageInfo;
  }
  return ConnectionObject;
}

/** The same page, with the list's total as its reader may see it (counted under the same rules). */
export function CountedConnectionType<Node>(
  node: Type<Node>,
  names: CountedConnectionNames,
): Type<CountedConnection<Node>> {
  const EdgeType = EdgeTypeOf(node, names);

  @ObjectType(`${names.name}Connection`, { description: names.description })
  class CountedConnectionObject implements CountedConnection<Node> {
    @Field(() => [EdgeType], { description: 'Les éléments de la page, dans l’ordre de la liste.' })
    edges!: Edge<Node>[];

    @Field(() => PageInfo, { description: 'Ce qui suit cette page.' })
    pageInfo!: PageInfo;

    @Field(() => Int, {
      description:
        names.totalDescription ?? 'Combien la liste en compte en tout, toutes pages confondues, pour vous.',
    })
    totalCount!: number;
  }
  return CountedConnectionObject;
}

/**
 * An edge whose cursor is written only when read: most pages are asked for their `endCursor` alone,
 * and encoding fifty keys a page cost about 1 % of a list read's CPU.
 */
class PageEdge<Node> implements Edge<Node> {
  #cursor: string | undefined;

  constructor(
    private readonly key: readonly string[],
    readonly node: Node,
  ) {}

  get cursor(): string {
    return (this.#cursor ??= encodeCursor(this.key));
  }
}

/**
 * One page from rows read with `LIMIT first + 1`: the extra row only tells that more follow. Each
 * row's cursor is its sort key (`keyOf`), so the next page starts right after the last one shown.
 */
export function pageOf<Row, Node>(
  rows: readonly Row[],
  first: number,
  keyOf: (row: Row) => readonly string[],
  toNode: (row: Row) => Node,
): Connection<Node> {
  const shown = rows.slice(0, first);
  const edges: Edge<Node>[] = shown.map((row) => new PageEdge(keyOf(row), toNode(row)));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

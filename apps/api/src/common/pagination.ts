/**
 * Cursor pagination (Relay-style connections) with keyset queries: a cursor encodes the sort key
 * of the last row, so pages stay stable while rows are added.
 */
import { ArgsType, Field, Int, ObjectType, type ClassType } from "type-graphql";
import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { badInput } from "./errors";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Nombre d'éléments (1 à ${MAX_PAGE_SIZE}, ${DEFAULT_PAGE_SIZE} par défaut).`,
  })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description: "Curseur après lequel commencer (endCursor de la page précédente).",
  })
  after?: string | null;
}

@ObjectType({ description: "Informations de pagination." })
export class PageInfo {
  @Field(() => Boolean, { description: "Vrai s'il reste des éléments après cette page." })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: "Curseur du dernier élément de la page." })
  endCursor!: string | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Builds the `XConnection` and `XEdge` GraphQL types for a node type. */
export function connectionType<T extends object>(
  nodeType: ClassType<T>,
  name: string,
  label: string,
) {
  @ObjectType(`${name}Edge`, { description: `Élément d'une liste de ${label}.` })
  class Edge {
    @Field(() => String, { description: "Curseur de cet élément." })
    cursor!: string;

    @Field(() => nodeType, { description: "L'élément." })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `Liste paginée de ${label}.` })
  class ConnectionClass implements Connection<T> {
    @Field(() => [Edge], { description: "Éléments de la page." })
    edges!: Edge[];

    @Field(() => PageInfo, { description: "Informations de pagination." })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: "Nombre total d'éléments correspondant aux filtres." })
    totalCount!: number;
  }
  return ConnectionClass;
}

export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput(`Le nombre d'éléments demandé doit être compris entre 1 et ${MAX_PAGE_SIZE}.`, {
      first,
    });
  }
  return first;
}

export function encodeCursor(key: readonly string[]): string {
  return Buffer.from(JSON.stringify(key), "utf8").toString("base64url");
}

export function decodeCursor(cursor: string, parts: number): string[] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      Array.isArray(value) &&
      value.length === parts &&
      value.every((v) => typeof v === "string")
    ) {
      return value as string[];
    }
  } catch {
    // fall through to the refusal below
  }
  throw badInput("Curseur de pagination invalide.", { cursor });
}

/** Turns `limit + 1` fetched rows into a connection. */
export function toConnection<T>(
  rows: T[],
  limit: number,
  totalCount: number,
  key: (row: T) => string[],
): Connection<T> {
  const page = rows.slice(0, limit);
  const edges = page.map((node) => ({ cursor: encodeCursor(key(node)), node }));
  return {
    edges,
    totalCount,
    pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

/**
 * Keyset pagination on (timestamp column, id): counts the filtered rows, applies the cursor and returns
 * one page as a connection.
 */
export async function paginateByTime<T extends ObjectLiteral & { id: string }>(
  qb: SelectQueryBuilder<T>,
  args: PageArgs,
  order: { column: string; direction: "ASC" | "DESC"; timeOf: (row: T) => Date },
): Promise<Connection<T>> {
  const limit = pageSize(args.first);
  const alias = qb.alias;
  const totalCount = await qb.getCount();
  if (args.after) {
    const [at, id] = decodeCursor(args.after, 2) as [string, string];
    if (Number.isNaN(Date.parse(at)))
      throw badInput("Curseur de pagination invalide.", { cursor: args.after });
    const op = order.direction === "ASC" ? ">" : "<";
    qb.andWhere(`(${alias}.${order.column}, ${alias}.id) ${op} (:cursorAt, :cursorId)`, {
      cursorAt: at,
      cursorId: id,
    });
  }
  const rows = await qb
    .orderBy(`${alias}.${order.column}`, order.direction)
    .addOrderBy(`${alias}.id`, order.direction)
    .take(limit + 1)
    .getMany();
  return toConnection(rows, limit, totalCount, (row) => [order.timeOf(row).toISOString(), row.id]);
}

import * as spec from 'discord-api-spec/zod';
import * as z from 'zod/mini';
import type { TypeExpr } from './typeExpr.js';

export type Schema = z.ZodMiniType;

z.config(z.locales.en());

const named = spec as unknown as Readonly<Record<string, Schema | undefined>>;

/** Spec type names that have no zod schema in the package (reported by the spec test). */
export const missingSchemas = new Set<string>();

export function specSchema(name: string): Schema | undefined {
  return named[`${name}Schema`];
}

/** Builds a zod schema for a type description; references resolve to discord-api-spec's own schemas. */
export function toZod(type: TypeExpr): Schema {
  switch (type.k) {
    case 'ref': {
      const schema = specSchema(type.name);
      if (!schema) {
        missingSchemas.add(type.name);
        return z.unknown();
      }
      return schema;
    }
    case 'prim':
      return primitive(type.name);
    case 'lit':
      return z.literal(type.value);
    case 'array':
      return z.array(toZod(type.of));
    case 'tuple': {
      const [first, ...rest] = type.of.map(toZod);
      return first ? z.tuple([first, ...rest]) : z.tuple([]);
    }
    case 'union': {
      const members = type.of.map(toZod);
      return members.length === 1 ? members[0]! : z.union(members);
    }
    case 'object':
      return z.object(
        Object.fromEntries(type.props.map((p) => [p.name, p.optional ? z.optional(toZod(p.type)) : toZod(p.type)])),
      );
    case 'record':
      return z.record(z.string(), toZod(type.of));
  }
}

function primitive(name: Extract<TypeExpr, { k: 'prim' }>['name']): Schema {
  switch (name) {
    case 'string':
      return z.string();
    case 'number':
      return z.number();
    case 'boolean':
      return z.boolean();
    case 'null':
      return z.null();
    case 'undefined':
      return z.undefined();
    case 'never':
      return z.never();
    case 'unknown':
      return z.unknown();
  }
}

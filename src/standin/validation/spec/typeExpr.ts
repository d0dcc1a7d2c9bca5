/**
 * A small description of a TypeScript type, as written in discord-api-spec's `Paths` interface.
 * The generator turns the spec's types into these; `toZod` turns them into schemas at run time.
 */
export type TypeExpr =
  | { readonly k: 'ref'; readonly name: string }
  | { readonly k: 'prim'; readonly name: 'string' | 'number' | 'boolean' | 'null' | 'undefined' | 'unknown' | 'never' }
  | { readonly k: 'lit'; readonly value: string | number | boolean }
  | { readonly k: 'array'; readonly of: TypeExpr }
  | { readonly k: 'tuple'; readonly of: readonly TypeExpr[] }
  | { readonly k: 'union'; readonly of: readonly TypeExpr[] }
  | { readonly k: 'object'; readonly props: readonly PropExpr[] }
  | { readonly k: 'record'; readonly of: TypeExpr };

export interface PropExpr {
  readonly name: string;
  readonly optional: boolean;
  readonly type: TypeExpr;
}

export interface SpecOperation {
  readonly method: 'get' | 'put' | 'post' | 'patch' | 'delete';
  /** Discord's path template, e.g. `/channels/{channel_id}/messages`. */
  readonly path: string;
  readonly body?: TypeExpr;
  /** 2xx responses only, keyed by status. */
  readonly responses: Readonly<Record<string, TypeExpr>>;
}

import type { PropExpr, TypeExpr } from './typeExpr.js';

/**
 * Parses the subset of TypeScript type syntax that discord-api-spec's generated `Paths` interface uses:
 * names, primitives, literals, unions, arrays, tuples, object literals, index signatures and `Record<K, V>`.
 * Only the generator uses this; it is not a general TypeScript parser.
 */
type Token = { readonly kind: 'id' | 'str' | 'num' | 'punct'; readonly text: string };

const PRIMITIVES = new Set(['string', 'number', 'boolean', 'null', 'undefined', 'unknown', 'never', 'any']);

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (source.startsWith('/*', i)) {
      const end = source.indexOf('*/', i + 2);
      i = end === -1 ? source.length : end + 2;
    } else if (source.startsWith('//', i)) {
      const end = source.indexOf('\n', i);
      i = end === -1 ? source.length : end + 1;
    } else if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < source.length && source[j] !== ch) j += source[j] === '\\' ? 2 : 1;
      tokens.push({ kind: 'str', text: source.slice(i + 1, j) });
      i = j + 1;
    } else if (/\d/.test(ch) || (ch === '-' && /\d/.test(source[i + 1] ?? ''))) {
      const match = /^-?\d+(\.\d+)?/.exec(source.slice(i))!;
      tokens.push({ kind: 'num', text: match[0] });
      i += match[0].length;
    } else if (/[A-Za-z_$@]/.test(ch)) {
      const match = /^[A-Za-z_$@][\w$]*/.exec(source.slice(i))!;
      tokens.push({ kind: 'id', text: match[0] });
      i += match[0].length;
    } else {
      tokens.push({ kind: 'punct', text: ch });
      i++;
    }
  }
  return tokens;
}

export class TypeParser {
  private pos = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  static parse(source: string): TypeExpr {
    const parser = new TypeParser(tokenize(source));
    const type = parser.type();
    if (!parser.done()) throw new Error(`unexpected token ${parser.peek()?.text ?? 'EOF'} in type`);
    return type;
  }

  done(): boolean {
    return this.pos >= this.tokens.length;
  }

  peek(offset = 0): Token | undefined {
    return this.tokens[this.pos + offset];
  }

  private next(): Token {
    const token = this.tokens[this.pos++];
    if (!token) throw new Error('unexpected end of type');
    return token;
  }

  private expect(text: string): void {
    const token = this.next();
    if (token.text !== text) throw new Error(`expected "${text}" but found "${token.text}"`);
  }

  private accept(text: string): boolean {
    if (this.peek()?.text === text && this.peek()?.kind === 'punct') {
      this.pos++;
      return true;
    }
    return false;
  }

  type(): TypeExpr {
    this.accept('|');
    const members = [this.postfix()];
    while (this.accept('|')) members.push(this.postfix());
    return members.length === 1 ? members[0]! : { k: 'union', of: members };
  }

  private postfix(): TypeExpr {
    let type = this.primary();
    while (this.peek()?.text === '[' && this.peek(1)?.text === ']') {
      this.pos += 2;
      type = { k: 'array', of: type };
    }
    return type;
  }

  private primary(): TypeExpr {
    const token = this.next();
    if (token.kind === 'str') return { k: 'lit', value: token.text };
    if (token.kind === 'num') return { k: 'lit', value: Number(token.text) };
    if (token.kind === 'id') return this.named(token.text);
    if (token.text === '(') {
      const inner = this.type();
      this.expect(')');
      return inner;
    }
    if (token.text === '[') return this.tuple();
    if (token.text === '{') return this.objectBody();
    throw new Error(`unexpected token "${token.text}" in type`);
  }

  private named(name: string): TypeExpr {
    if (name === 'true' || name === 'false') return { k: 'lit', value: name === 'true' };
    if (name === 'any') return { k: 'prim', name: 'unknown' };
    if (PRIMITIVES.has(name)) return { k: 'prim', name: name as 'string' };
    if (this.accept('<')) {
      const args = [this.type()];
      while (this.accept(',')) args.push(this.type());
      this.expect('>');
      if (name === 'Record') return { k: 'record', of: args[1] ?? { k: 'prim', name: 'unknown' } };
      if (name === 'Array') return { k: 'array', of: args[0]! };
      return { k: 'prim', name: 'unknown' };
    }
    return { k: 'ref', name };
  }

  private tuple(): TypeExpr {
    const members: TypeExpr[] = [];
    while (!this.accept(']')) {
      members.push(this.type());
      this.accept(',');
    }
    return { k: 'tuple', of: members };
  }

  /** Parses `{ a?: T; b: U; [key: string]: V }` after the opening brace. */
  objectBody(): TypeExpr {
    const props: PropExpr[] = [];
    let index: TypeExpr | undefined;
    while (!this.accept('}')) {
      if (this.accept('[')) {
        this.next();
        this.expect(':');
        this.type();
        this.expect(']');
        this.expect(':');
        index = this.type();
      } else {
        const name = this.next().text;
        const optional = this.accept('?');
        this.expect(':');
        props.push({ name, optional, type: this.type() });
      }
      if (!this.accept(';')) this.accept(',');
    }
    if (index && props.length === 0) return { k: 'record', of: index };
    return { k: 'object', props };
  }
}

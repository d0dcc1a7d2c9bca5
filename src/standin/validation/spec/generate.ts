/**
 * Regenerates `operations.generated.ts` (method + path template → request body and 2xx response types,
 * read from discord-api-spec's `Paths` interface) and `src/types/discord-api-spec-zod.d.ts` (declarations
 * for the package's untyped `./zod` export).
 *
 * Run after upgrading discord-api-spec:  npx tsx src/standin/validation/spec/generate.ts
 * test/standin/specOperations.test.ts fails when the checked-in files are out of date.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TypeParser, tokenize } from './parseTsType.js';
import type { SpecOperation, TypeExpr } from './typeExpr.js';

const METHODS = new Set(['get', 'put', 'post', 'patch', 'delete']);

export const OPERATIONS_FILE = resolve(dirname(fileURLToPath(import.meta.url)), 'operations.generated.ts');
export const DECLARATIONS_FILE = resolve(dirname(fileURLToPath(import.meta.url)), '../../../types/discord-api-spec-zod.d.ts');

function findPackageDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'node_modules', 'discord-api-spec');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('discord-api-spec is not installed');
    dir = parent;
  }
}

export function extractOperations(specSource: string): SpecOperation[] {
  const start = specSource.indexOf('export interface Paths {');
  if (start === -1) throw new Error('Paths interface not found in discord-api-spec');
  const tokens = tokenize(specSource.slice(start + 'export interface Paths '.length));
  const parser = new TypeParser(tokens);
  const paths = parseObject(parser);
  const operations: SpecOperation[] = [];
  for (const pathProp of paths.props) {
    if (pathProp.type.k !== 'object') continue;
    for (const methodProp of pathProp.type.props) {
      if (!METHODS.has(methodProp.name) || methodProp.type.k !== 'object') continue;
      const props = new Map(methodProp.type.props.map((p) => [p.name, p.type]));
      const body = withoutUndefined(props.get('requestBody'));
      const responses: Record<string, TypeExpr> = {};
      const responseType = props.get('responses');
      if (responseType?.k === 'object') {
        for (const r of responseType.props) if (/^2\d\d$/.test(r.name)) responses[r.name] = r.type;
      }
      operations.push({
        method: methodProp.name as SpecOperation['method'],
        path: pathProp.name,
        ...(body ? { body } : {}),
        responses,
      });
    }
  }
  return operations;
}

function parseObject(parser: TypeParser): Extract<TypeExpr, { k: 'object' }> {
  const first = parser.peek();
  if (first?.text !== '{') throw new Error('expected {');
  const type = parser.type();
  if (type.k !== 'object') throw new Error('Paths is not an object type');
  return type;
}

function withoutUndefined(type: TypeExpr | undefined): TypeExpr | undefined {
  if (!type) return undefined;
  if (type.k === 'prim' && (type.name === 'undefined' || type.name === 'never')) return undefined;
  if (type.k !== 'union') return type;
  const rest = type.of.filter((t) => !(t.k === 'prim' && t.name === 'undefined'));
  if (rest.length === 0) return undefined;
  return rest.length === 1 ? rest[0] : { k: 'union', of: rest };
}

export function renderOperations(operations: readonly SpecOperation[], version: string): string {
  const lines = operations.map((op) => `  ${JSON.stringify(op)},`);
  return [
    `/* AUTO-GENERATED from discord-api-spec ${version} by generate.ts. DO NOT EDIT. */`,
    `import type { SpecOperation } from './typeExpr.js';`,
    '',
    `export const SPEC_VERSION = ${JSON.stringify(version)};`,
    '',
    'export const specOperations: readonly SpecOperation[] = [',
    ...lines,
    '];',
    '',
  ].join('\n');
}

export function renderDeclarations(zodSource: string, version: string): string {
  const names = [...zodSource.matchAll(/^export const (\w+) =/gm)].map((m) => m[1]!).filter((n) => n !== 'setStrictObject');
  names.sort();
  return [
    `/* AUTO-GENERATED from discord-api-spec ${version} by src/standin/validation/spec/generate.ts. DO NOT EDIT. */`,
    '// discord-api-spec maps its `./zod` export to a JavaScript file with no types; these declare its exports.',
    "declare module 'discord-api-spec/zod' {",
    "  import type { ZodMiniType } from 'zod/mini';",
    '  export function setStrictObject(strict: boolean): void;',
    ...names.map((n) => `  export const ${n}: ZodMiniType;`),
    '}',
    '',
  ].join('\n');
}

export function generateSpecFiles(): { operations: string; declarations: string; count: number } {
  const dir = findPackageDir();
  const version = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  const operations = extractOperations(readFileSync(join(dir, 'build', 'discord-api-spec.ts'), 'utf8'));
  return {
    operations: renderOperations(operations, version),
    declarations: renderDeclarations(readFileSync(join(dir, 'build', 'discord-api-spec.zod.js'), 'utf8'), version),
    count: operations.length,
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const files = generateSpecFiles();
  writeFileSync(OPERATIONS_FILE, files.operations);
  writeFileSync(DECLARATIONS_FILE, files.declarations);
  process.stdout.write(`wrote ${files.count} operations\n`);
}

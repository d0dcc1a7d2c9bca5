/** Discord's nested error body for 50035 "Invalid Form Body": `{ field: { 0: { name: { _errors: [...] } } } }`. */
export interface FormError {
  readonly code: string;
  readonly message: string;
}

export interface ErrorTree {
  [key: string]: ErrorTree | FormError[];
}

export type FieldPath = readonly (string | number)[];

export class FormErrors {
  readonly tree: ErrorTree = {};
  private count = 0;

  get empty(): boolean {
    return this.count === 0;
  }

  add(path: FieldPath, code: string, message: string): void {
    let node = this.tree;
    for (const key of path) {
      const child = node[String(key)];
      if (child && !Array.isArray(child)) {
        node = child;
      } else {
        const created: ErrorTree = {};
        node[String(key)] = created;
        node = created;
      }
    }
    const list = (node._errors as FormError[] | undefined) ?? [];
    if (list.some((e) => e.code === code)) return;
    list.push({ code, message });
    node._errors = list;
    this.count++;
  }
}

/** The part of a zod issue the conversion reads. */
interface Issue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly expected?: string;
  readonly origin?: string;
  readonly maximum?: number | bigint;
  readonly minimum?: number | bigint;
  readonly values?: readonly unknown[];
  readonly errors?: readonly (readonly Issue[])[];
  readonly format?: string;
}

export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function toFieldPath(path: readonly PropertyKey[]): (string | number)[] {
  return path.map((k) => (typeof k === 'number' ? k : String(k)));
}

/** Converts zod issues into Discord-style field errors, choosing the union branch Discord would report. */
export function addZodIssues(errors: FormErrors, issues: readonly unknown[], body: unknown, base: FieldPath = []): void {
  for (const raw of issues) {
    const issue = raw as Issue;
    const path = [...base, ...toFieldPath(issue.path)];
    if (issue.code === 'invalid_union' && issue.errors?.length) {
      addUnionIssue(errors, issue.errors, body, path);
    } else {
      const { code, message } = describe(issue, valueAt(body, path));
      errors.add(path, code, message);
    }
  }
}

function isDiscriminatorMiss(issue: Issue): boolean {
  return issue.code === 'invalid_value' && issue.path.length === 1 && issue.path[0] === 'type';
}

/** A branch that failed only because the whole value has another type (e.g. the `null` in `T[] | null`). */
function isWholeTypeMiss(branch: readonly Issue[]): boolean {
  return branch.length === 1 && branch[0]!.path.length === 0 && (branch[0]!.code === 'invalid_type' || branch[0]!.code === 'invalid_value');
}

function addUnionIssue(errors: FormErrors, branches: readonly (readonly Issue[])[], body: unknown, path: FieldPath): void {
  const typed = branches.filter((b) => !isWholeTypeMiss(b));
  const candidates = typed.length > 0 ? typed : branches;
  const matching = candidates.filter((b) => !b.some(isDiscriminatorMiss));
  if (matching.length > 0) {
    const best = matching.reduce((a, b) => (b.length < a.length ? b : a));
    addZodIssues(errors, best, body, path);
    return;
  }
  const typeValues = candidates.flatMap((b) => b.filter(isDiscriminatorMiss).flatMap((i) => i.values ?? []));
  if (typeValues.length > 0) {
    const sorted = [...new Set(typeValues)].sort((a, b) => Number(a) - Number(b));
    errors.add([...path, 'type'], 'BASE_TYPE_CHOICES', `Value must be one of (${sorted.join(', ')}).`);
    return;
  }
  const value = valueAt(body, path);
  if (value === undefined) errors.add(path, 'BASE_TYPE_REQUIRED', 'This field is required');
  else errors.add(path, 'BASE_TYPE_BAD_TYPE', `Value "${short(value)}" is not a valid type for this field.`);
}

function short(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function describe(issue: Issue, value: unknown): FormError {
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return { code: 'BASE_TYPE_REQUIRED', message: 'This field is required' };
      return convertError(issue.expected, value);
    case 'too_big':
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
        return { code: 'NUMBER_TYPE_MAX', message: `int value should be less than or equal to ${issue.maximum}.` };
      }
      return { code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${issue.maximum} or fewer in length.` };
    case 'too_small':
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
        return { code: 'NUMBER_TYPE_MIN', message: `int value should be greater than or equal to ${issue.minimum}.` };
      }
      return { code: 'BASE_TYPE_MIN_LENGTH', message: `Must be ${issue.minimum} or more in length.` };
    case 'invalid_value':
      return {
        code: 'BASE_TYPE_CHOICES',
        message: `Value must be one of (${(issue.values ?? []).map((v) => JSON.stringify(v)).join(', ')}).`,
      };
    case 'invalid_format':
      return issue.format === 'regex'
        ? { code: 'STRING_TYPE_REGEX', message: 'String value did not match validation regex.' }
        : { code: 'STRING_TYPE_FORMAT', message: `Value "${short(value)}" is not a valid ${issue.format ?? 'value'}.` };
    default:
      return { code: 'BASE_TYPE_INVALID', message: issue.message };
  }
}

function convertError(expected: string | undefined, value: unknown): FormError {
  switch (expected) {
    case 'number':
    case 'int':
    case 'bigint':
      return { code: 'NUMBER_TYPE_COERCE', message: `Value "${short(value)}" is not int.` };
    case 'string':
      return { code: 'STRING_TYPE_CONVERT', message: `Could not interpret "${short(value)}" as string.` };
    case 'boolean':
      return { code: 'BOOLEAN_TYPE_CONVERT', message: `Could not interpret "${short(value)}" as boolean.` };
    case 'object':
      return { code: 'MODEL_TYPE_CONVERT', message: 'Only dictionaries may be used in a ModelType' };
    case 'array':
      return { code: 'LIST_TYPE_CONVERT', message: 'Only iterables may be used in a ListType' };
    case 'null':
      return { code: 'BASE_TYPE_BAD_TYPE', message: `Value "${short(value)}" is not allowed here.` };
    default:
      return { code: 'BASE_TYPE_BAD_TYPE', message: `Value "${short(value)}" is not a valid ${expected ?? 'value'}.` };
  }
}

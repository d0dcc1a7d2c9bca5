import type { FieldPath, FormErrors } from '../formErrors.js';

/** Discord's rule for chat-input command and option names (lower-case only). */
export const COMMAND_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

const CHAT_INPUT = 1;
const SUBCOMMAND = 1;
const SUBCOMMAND_GROUP = 2;

function validChatName(name: unknown): boolean {
  return typeof name === 'string' && COMMAND_NAME.test(name) && name === name.toLowerCase();
}

function checkDescription(errors: FormErrors, value: unknown, path: FieldPath): void {
  if (value === undefined || value === null) {
    errors.add(path, 'BASE_TYPE_REQUIRED', 'This field is required');
  } else if (typeof value === 'string' && (value.length < 1 || value.length > 100)) {
    errors.add(path, 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
  }
}

function checkLocalizedNames(errors: FormErrors, value: unknown, path: FieldPath): void {
  if (!isObj(value)) return;
  for (const [locale, name] of Object.entries(value)) {
    if (!validChatName(name)) errors.add([...path, locale], 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
  }
}

function checkOptions(errors: FormErrors, options: unknown, path: FieldPath): void {
  if (!Array.isArray(options)) return;
  if (options.length > 25) errors.add(path, 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
  const names = new Set<string>();
  let sawOptional = false;
  const kinds = new Set<'sub' | 'value'>();
  options.forEach((option, i) => {
    if (!isObj(option)) return;
    const at = [...path, i];
    const type = option.type;
    kinds.add(type === SUBCOMMAND || type === SUBCOMMAND_GROUP ? 'sub' : 'value');
    if (!validChatName(option.name)) errors.add([...at, 'name'], 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
    if (typeof option.name === 'string') {
      if (names.has(option.name)) {
        errors.add([...at, 'name'], 'APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS', 'Option names must be unique');
      }
      names.add(option.name);
    }
    checkLocalizedNames(errors, option.name_localizations, [...at, 'name_localizations']);
    checkDescription(errors, option.description, [...at, 'description']);
    if (option.required === true && sawOptional) {
      errors.add([...at, 'required'], 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID', 'Required options must be placed before non-required options');
    }
    if (option.required !== true && type !== SUBCOMMAND && type !== SUBCOMMAND_GROUP) sawOptional = true;
    if (Array.isArray(option.choices)) {
      if (option.choices.length > 25) errors.add([...at, 'choices'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
      if (option.autocomplete === true && option.choices.length > 0) {
        errors.add([...at, 'autocomplete'], 'APPLICATION_COMMAND_OPTION_CHOICES_AUTOCOMPLETE', 'Autocomplete and choices are mutually exclusive');
      }
      option.choices.forEach((choice, j) => {
        if (isObj(choice) && typeof choice.name === 'string' && (choice.name.length < 1 || choice.name.length > 100)) {
          errors.add([...at, 'choices', j, 'name'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
        }
      });
    }
    if (type === SUBCOMMAND || type === SUBCOMMAND_GROUP) checkOptions(errors, option.options, [...at, 'options']);
  });
  if (kinds.size > 1) {
    errors.add(path, 'APPLICATION_COMMAND_OPTIONS_TYPE_INVALID', 'Sub-command and sub-command group option types are mutually exclusive to all other types');
  }
}

/** Rules Discord enforces that the published schema does not express. `partial` is for PATCH. */
export function checkCommand(errors: FormErrors, command: unknown, path: FieldPath, partial = false): void {
  if (!isObj(command)) return;
  const type = command.type ?? CHAT_INPUT;
  if (type === CHAT_INPUT) {
    if (command.name !== undefined && !validChatName(command.name)) {
      errors.add([...path, 'name'], 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
    }
    checkLocalizedNames(errors, command.name_localizations, [...path, 'name_localizations']);
    if (!partial || command.description !== undefined) checkDescription(errors, command.description, [...path, 'description']);
    checkOptions(errors, command.options, [...path, 'options']);
  } else if (typeof command.description === 'string' && command.description !== '') {
    errors.add([...path, 'description'], 'APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION', 'Context menu commands cannot have description');
  }
}

export function checkCommandList(errors: FormErrors, commands: unknown): void {
  if (!Array.isArray(commands)) return;
  const seen = new Set<string>();
  const perType = new Map<unknown, number>();
  commands.forEach((command, i) => {
    checkCommand(errors, command, [i]);
    if (!isObj(command)) return;
    const type = command.type ?? CHAT_INPUT;
    perType.set(type, (perType.get(type) ?? 0) + 1);
    const key = `${String(type)}:${String(command.name)}`;
    if (seen.has(key)) errors.add([i, 'name'], 'APPLICATION_COMMANDS_DUPLICATE_NAME', 'Application command names must be unique');
    seen.add(key);
  });
  for (const [type, count] of perType) {
    const max = type === CHAT_INPUT ? 100 : 15;
    if (count > max) errors.add([], 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
  }
}

// Errors sorted by kind. Only an ExpectedError's message is ever shown to a user; it must be
// written for them (kind, no internals). Anything else is a bug: logged, and answered generically.

export class ExpectedError extends Error {
  override readonly name: string = 'ExpectedError';
  constructor(readonly userMessage: string) {
    super(userMessage);
  }
}

/** Input the member can correct (an unknown timezone, a date in the future...). */
export class InvalidInputError extends ExpectedError {
  override readonly name = 'InvalidInputError';
}

/** The action is fine but not allowed here or now (not in a server, not set up yet...). */
export class NotAllowedError extends ExpectedError {
  override readonly name = 'NotAllowedError';
}

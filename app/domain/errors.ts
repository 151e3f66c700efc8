// Errors a person will read are data: a code plus values. messages.ts turns them into words,
// so the same rule speaks on a page, in the CLI and in an API.

export type ErrorValues = Record<string, string | number | bigint | boolean | null>;

export class DomainError extends Error {
  readonly code: string;
  readonly values: ErrorValues;
  /** The form field the error belongs to, when there is one. */
  readonly field: string | undefined;
  /** The HTTP status a route should answer with. */
  readonly status: number;

  constructor(code: string, options: { values?: ErrorValues; field?: string; status?: number; message?: string } = {}) {
    super(options.message ?? code);
    this.name = "DomainError"; // i18n-exempt: the class name, not words for people
    this.code = code;
    this.values = options.values ?? {};
    this.field = options.field;
    this.status = options.status ?? 400;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

/** Asserts an invariant the code relies on; a failure is a bug, never a user error. */
export function assert(condition: unknown, description: string): asserts condition {
  if (!condition) throw new Error(`Invariant failed: ${description}`);
}

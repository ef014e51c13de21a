/** Errors the sandbox's handlers throw; the server turns them into the API's envelope. */

export interface ErrorDetail {
  code: string | number;
  message: string;
  field?: string;
}

export class SandboxError extends Error {
  constructor(
    readonly status: number,
    readonly errors: ErrorDetail[],
    readonly headers: Record<string, string> = {},
  ) {
    super(errors.map((e) => e.message).join('; '));
  }

  static notFound(what = 'Resource'): SandboxError {
    return new SandboxError(404, [{ code: 'not_found', message: `${what} not found.` }]);
  }

  static badRequest(code: string, message: string, field?: string): SandboxError {
    return new SandboxError(400, [{ code, message, ...(field ? { field } : {}) }]);
  }
}

/**
 * Downloads behind `{ "signedURL": … }` answers. integrator.io hands out short-lived S3 URLs that
 * carry their own credential, so the client fetches them without its bearer token. The sandbox
 * does the same on loopback: `GET /signed/<token>` serves the file until the URL expires, and
 * answers 403 afterwards, as S3 does.
 */
import { randomBytes } from 'crypto';
import { JsonObject } from './json';

/** How long a signed URL works (S3's `X-Amz-Expires`, in seconds). */
export const SIGNED_URL_SECONDS = 900;
const MAX_FILES = 200;

export interface SignedFile {
  body: string;
  contentType: string;
  fileName: string;
}

interface Entry extends SignedFile {
  expiresAt: number;
}

export class SignedFiles {
  private readonly files = new Map<string, Entry>();

  /** A URL on `origin` that serves `file` without a bearer token, for a while. */
  sign(origin: string, file: SignedFile): string {
    this.dropExpired();
    const token = randomBytes(16).toString('hex');
    this.files.set(token, { ...file, expiresAt: Date.now() + SIGNED_URL_SECONDS * 1000 });
    // The oldest go first when a client asks for many and fetches none.
    while (this.files.size > MAX_FILES) this.files.delete(this.files.keys().next().value!);
    return `${origin}/signed/${token}?X-Amz-Expires=${SIGNED_URL_SECONDS}`;
  }

  /** The file a token names, or undefined when it is unknown or expired. */
  get(token: string): SignedFile | undefined {
    const entry = this.files.get(token);
    if (!entry || entry.expiresAt < Date.now()) return undefined;
    return entry;
  }

  private dropExpired(): void {
    const now = Date.now();
    for (const [token, entry] of this.files) if (entry.expiresAt < now) this.files.delete(token);
  }
}

/** A JSON file to sign. */
export function jsonFile(fileName: string, value: unknown): SignedFile {
  return { body: `${JSON.stringify(value, null, 2)}\n`, contentType: 'application/json', fileName };
}

/** A CSV file to sign: one header row, then one row per object (RFC 4180 quoting). */
export function csvFile(fileName: string, columns: string[], rows: JsonObject[]): SignedFile {
  const cell = (value: unknown): string => {
    const text = value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [columns.join(','), ...rows.map((row) => columns.map((c) => cell(row[c])).join(','))];
  return { body: `${lines.join('\r\n')}\r\n`, contentType: 'text/csv; charset=utf-8', fileName };
}

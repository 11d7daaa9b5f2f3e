/**
 * What every CLI command gets: where to write, the environment, a clock, and a way to open the database
 * the same way the server does. Tests pass their own context (captured output, a test database).
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/platform/config';
import { DataDirLockedError, openDatabase, type Database } from '../server/platform/db/database';
import { systemClock, type Clock } from '../server/platform/clock';

export interface CliContext {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  clock: Clock;
  /** Opens (and by default migrates) the configured database. The caller closes it. */
  openDatabase(options?: { migrate?: boolean }): Promise<Database>;
  /** Where the database lives, for messages. */
  describeDatabase(): string;
  /** Where dossier attachments are kept (backup and restore carry them); tests may leave it out. */
  uploadDir?(): string;
}

/** Wrong command line: exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The command ran and failed for a reason the user can act on: exit code 1, message shown as is. */
export class CliFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliFailure';
  }
}

export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/** drizzle wraps driver errors in "Failed query: <whole SQL> params: …": show the driver's message. */
export function causeMessage(err: unknown): string {
  const cause = (err as { cause?: unknown } | null)?.cause;
  if (cause instanceof Error && /^Failed query/.test((err as Error).message)) return cause.message;
  return err instanceof Error ? err.message : String(err);
}

export function defaultContext(env: NodeJS.ProcessEnv = process.env): CliContext {
  return {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    env,
    clock: systemClock,
    async openDatabase(options = {}) {
      // Read lazily, so `--help` works even when the environment is wrong.
      const config = loadConfig(env);
      try {
        return await openDatabase({
          url: config.databaseUrl,
          dataDir: config.dataDir,
          pgliteSharedBuffers: config.pgliteSharedBuffers,
          migrate: options.migrate ?? true,
        });
      } catch (err) {
        if (err instanceof DataDirLockedError) throw err;
        const engine = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite (${config.dataDir})`;
        throw new CliFailure(`Không mở được cơ sở dữ liệu ${engine}: ${causeMessage(err)}`);
      }
    },
    uploadDir() {
      return loadConfig(env).uploadDir;
    },
    describeDatabase() {
      const config = loadConfig(env);
      // Never print the URL: it may carry a password.
      return config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite (${config.dataDir})`;
    },
  };
}

/** Opens the database, runs `fn`, and always closes it (PGlite must be closed cleanly). */
export async function withDatabase<T>(
  ctx: CliContext,
  fn: (database: Database) => Promise<T>,
  options?: { migrate?: boolean },
): Promise<T> {
  const database = await ctx.openDatabase(options);
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;
export interface Parsed {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  help: boolean;
}

/** node:util parseArgs, strict, with `--help`/`-h` on every command and Vietnamese errors. */
export function parseCommand(command: string, argv: string[], options: OptionSpec, positionals = 0): Parsed {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    const e = err as Error & { code?: string };
    const quoted = /'([^']+)'/.exec(e.message)?.[1] ?? '';
    const name = quoted.split(' ')[0];
    const vi =
      e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
        ? `Tùy chọn không được hỗ trợ: ${name}`
        : e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
          ? /does not take an argument/.test(e.message)
            ? `Tùy chọn ${name} không nhận giá trị`
            : `Tùy chọn ${name} cần một giá trị`
          : e.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL'
            ? `Đối số không mong đợi: ${name}`
            : 'Dòng lệnh không hợp lệ';
    throw new UsageError(`${vi} (${e.message.split('.')[0]})`, command);
  }
  const { help, ...values } = parsed.values as Record<string, string | boolean | undefined>;
  if (!help && parsed.positionals.length > positionals) {
    throw new UsageError(
      `Đối số không mong đợi: ${parsed.positionals.slice(positionals).join(' ')}`,
      command,
    );
  }
  return { values, positionals: parsed.positionals, help: help === true };
}

export function stringOption(parsed: Parsed, name: string): string | undefined {
  const v = parsed.values[name];
  return typeof v === 'string' ? v : undefined;
}

/** `--year N`, a whole year within [min, 2100]. */
export function yearOption(command: string, parsed: Parsed, min = 2000): number {
  const text = stringOption(parsed, 'year');
  const year = Number(text);
  if (!text || !Number.isInteger(year) || year < min || year > 2100)
    throw new UsageError('--year: cần một năm, ví dụ --year 2020', command);
  return year;
}

export function formatOption(command: string, parsed: Parsed): 'text' | 'json' {
  const format = stringOption(parsed, 'format') ?? 'text';
  if (format !== 'text' && format !== 'json') {
    throw new UsageError(`--format chỉ nhận "text" hoặc "json" (nhận được "${format}")`, command);
  }
  return format;
}

export interface Command {
  name: string;
  summary: string;
  help: string;
  run(argv: string[], ctx: CliContext): Promise<number>;
}

/**
 * `npm run cli -- generate --people 60000 --years 10 --seed 1 --out <file.json>`: writes a synthetic
 * province in the JSON dataset format (bench/synthetic.ts), for benchmarks and trials. Needs no database.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_END_YEAR, MAX_PEOPLE, writeDataset } from '../../../bench/synthetic';
import {
  CliFailure,
  defaultContext,
  EXIT,
  parseCommand,
  stringOption,
  UsageError,
  type CliContext,
  type Command,
  type Parsed,
} from '../context';

export const GENERATE_HELP = `Sinh dữ liệu tổng hợp của một tỉnh giả định (người, đơn vị hư cấu) theo định dạng tệp dữ liệu JSON
của VinhDanh, để đo hiệu năng và dùng thử. Cùng tham số cho cùng một tệp, từng byte.
(Generate a synthetic province — fictional people and units — in the VinhDanh JSON dataset format, for
benchmarks and trials. The same options give a byte-identical file.)

Cách dùng / Usage:
  npm run cli -- generate --people <số> --years <số> --seed <số> --out <tệp.json> [--end-year <năm>] [--force]

Tùy chọn / Options:
  --people <số>     Số cán bộ, 1–${MAX_PEOPLE.toLocaleString('vi-VN')} / number of people
  --years <số>      Số năm có đánh giá, 1–40 / years of yearly records
  --seed <số>       Hạt giống ngẫu nhiên (số nguyên) / random seed (integer)
  --end-year <năm>  Năm cuối (mặc định ${DEFAULT_END_YEAR}) / last year (default ${DEFAULT_END_YEAR})
  --out <tệp>       Tệp JSON đích / output JSON file
  --force           Ghi đè nếu tệp đã tồn tại / overwrite an existing file
  -h, --help        Trợ giúp / this help

Ví dụ / Example:
  npm run cli -- generate --people 60000 --years 10 --seed 1 --out /tmp/tinh-60k.json
  npm run cli -- import dataset /tmp/tinh-60k.json

Không cần cơ sở dữ liệu. 60 000 người × 10 năm ≈ 1,1 triệu bản ghi, khoảng 175 MB.
(No database needed. 60 000 people × 10 years ≈ 1.1 million records, about 175 MB.)`;

function intOption(parsed: Parsed, name: string, label: string, min: number, max: number, fallback?: number) {
  const raw = stringOption(parsed, name);
  if (raw === undefined) {
    if (fallback !== undefined) return fallback;
    throw new UsageError(`Thiếu --${name} <số>: ${label} (missing --${name})`, 'generate');
  }
  // Digits, optionally grouped by thousands the Vietnamese way (60.000) or with underscores (60_000).
  const ok = /^-?(\d+|\d{1,3}([._]\d{3})+)$/.test(raw);
  const value = Number(raw.replace(/[._]/g, ''));
  if (!ok || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(
      `--${name} phải là số nguyên từ ${min.toLocaleString('vi-VN')} đến ${max.toLocaleString('vi-VN')} (nhận được "${raw}") ` +
        `(--${name} must be an integer in ${min}…${max})`,
      'generate',
    );
  }
  return value;
}

const size = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;

export const generate: Command = {
  name: 'generate',
  summary: 'Sinh dữ liệu tổng hợp để đo hiệu năng / Generate a synthetic dataset',
  help: GENERATE_HELP,
  async run(argv, ctx) {
    const parsed = parseCommand('generate', argv, {
      people: { type: 'string' },
      years: { type: 'string' },
      seed: { type: 'string' },
      'end-year': { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean' },
    });
    if (parsed.help) {
      ctx.out(GENERATE_HELP);
      return EXIT.ok;
    }
    const people = intOption(parsed, 'people', 'số cán bộ', 1, MAX_PEOPLE);
    const years = intOption(parsed, 'years', 'số năm', 1, 40);
    const seed = intOption(parsed, 'seed', 'hạt giống', -(2 ** 31), 2 ** 31 - 1);
    const endYear = intOption(parsed, 'end-year', 'năm cuối', 1990 + years - 1, 2090, DEFAULT_END_YEAR);
    const out = stringOption(parsed, 'out');
    if (!out) throw new UsageError('Thiếu tệp đích: --out <tệp.json> (missing --out)', 'generate');
    if (fs.existsSync(out) && parsed.values.force !== true) {
      throw new CliFailure(`Tệp ${out} đã tồn tại; dùng --force để ghi đè (file exists; use --force)`);
    }
    const started = performance.now();
    let summary;
    try {
      summary = writeDataset({ people, years, seed, endYear }, out);
    } catch (err) {
      throw new CliFailure(`Không ghi được tệp ${out}: ${(err as Error).message}`);
    }
    const seconds = (performance.now() - started) / 1000;
    ctx.out(
      `Đã sinh ${summary.records.toLocaleString('vi-VN')} bản ghi (${people.toLocaleString('vi-VN')} người, ` +
        `${years} năm ${endYear - years + 1}–${endYear}, hạt giống ${seed}) trong ${seconds.toFixed(1).replace('.', ',')} giây`,
    );
    ctx.out(`  vào / to: ${path.resolve(out)} (${size(summary.bytes)})`);
    for (const [kind, n] of Object.entries(summary.byKind)) ctx.out(`  ${kind.padEnd(18)} ${n}`);
    ctx.out(`(Generated ${summary.records} records.)`);
    return EXIT.ok;
  },
};

/**
 * Runs `generate` on its own (argv after the command name) and returns the exit code: 0 ok, 1 failure,
 * 2 usage error. The CLI entry can list `generate` in its commands instead.
 */
export async function generateCommand(argv: string[], ctx: CliContext = defaultContext()): Promise<number> {
  try {
    return await generate.run(argv, ctx);
  } catch (err) {
    if (err instanceof UsageError) {
      ctx.err(`✖ ${err.message}`);
      ctx.err('Xem trợ giúp / See help: npm run cli -- generate --help');
      return EXIT.usage;
    }
    ctx.err(`✖ ${err instanceof Error ? err.message : String(err)}`);
    return EXIT.failure;
  }
}

/**
 * A small streaming reader for the JSON dataset document (docs/dataset-format.md), so that a file of
 * hundreds of megabytes is never held in memory whole (decision 042).
 *
 * The document is a top-level object whose big members are arrays of records. The reader works on bytes
 * read a block at a time from a {@link ByteSource} (a file descriptor or a Buffer) and never decodes more
 * than one record at a time:
 *
 *  1. {@link indexDocument} scans the whole file once: it checks the top-level structure (braces and
 *     brackets balanced and of the right kind, strings closed, `"key": value` pairs separated by commas,
 *     nothing after the end) and notes where each member's value starts and ends, how many elements each
 *     array has, and the small non-array members (format, version…) as parsed values.
 *  2. {@link arrayElements} walks one array, in the order the caller wants (kinds are applied in dependency
 *     order whatever their order in the file), and yields each element's text, which the caller hands to
 *     `JSON.parse` — so each record is checked by the real JSON parser, and a bad record is one row error.
 *
 * Only ASCII bytes are structural in JSON, and UTF-8 never uses them inside a multi-byte character, so the
 * scan is done on bytes; an element's bytes are decoded as a whole, whatever block boundaries they span.
 */
import fs from 'node:fs';

/** Random-access bytes: a file (read with `readSync`) or a Buffer already in memory. */
export interface ByteSource {
  readonly size: number;
  /** Reads up to `into.length` bytes at `position`; returns how many were read (0 at the end). */
  read(into: Buffer, position: number): number;
}

export function bufferSource(bytes: Buffer): ByteSource {
  return {
    size: bytes.length,
    read(into, position) {
      return bytes.copy(into, 0, position, Math.min(bytes.length, position + into.length));
    },
  };
}

/** An open file (the caller closes it), read with `readSync`: the CLI's import of a dataset of any size. */
export function fileSource(fd: number, size: number): ByteSource {
  return {
    size,
    read(into, position) {
      return fs.readSync(fd, into, 0, into.length, position);
    },
  };
}

/** A JSON syntax error at a byte offset, with its 1-based line and byte column, and a Vietnamese reason. */
export class JsonSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly offset: number,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${reason} (dòng ${line}, cột ${column})`);
  }
}

/** Default block size: 1 MiB read at a time. */
export const BLOCK_BYTES = 1 << 20;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const NEWLINE = 0x0a;

const isWs = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
const isDelimiter = (b: number) =>
  isWs(b) || b === COMMA || b === CLOSE_BRACE || b === CLOSE_BRACKET || b === COLON;

/**
 * A cursor over a ByteSource with a capture facility: bytes between `startCapture()` and `endCapture()`
 * are kept (as slices of the blocks read, copied only when they span blocks) and returned decoded.
 */
class Cursor {
  private buf: Buffer = Buffer.alloc(0);
  private block: Buffer = Buffer.alloc(0);
  /** File offset of buf[0]. */
  private base: number;
  private i = 0;
  private len = 0;
  line: number;
  private lineStart: number;
  private capturing = false;
  private captureFrom = 0;
  private pieces: Buffer[] = [];
  private captured = 0;
  /** Stop keeping bytes past this many (the value is then reported as too big); Infinity by default. */
  private captureLimit = Infinity;
  overflow = false;

  constructor(
    private readonly source: ByteSource,
    start: number,
    private readonly end: number,
    line: number,
    lineStart: number,
    private readonly blockBytes: number,
    private readonly onBlock?: (block: Buffer) => void,
  ) {
    this.base = start;
    this.line = line;
    this.lineStart = lineStart;
  }

  get offset() {
    return this.base + this.i;
  }

  error(reason: string, at = this.offset): JsonSyntaxError {
    return new JsonSyntaxError(reason, at, this.line, at - this.lineStart + 1);
  }

  /** Loads the next block; false at the end of the range. */
  private fill(): boolean {
    if (this.capturing) this.keep(this.captureFrom, this.len);
    const position = this.base + this.len;
    if (position >= this.end) return false;
    // One block buffer per cursor, refilled in place: captured bytes were copied out by keep().
    const want = Math.min(this.blockBytes, this.end - position);
    if (this.block.length < want) this.block = Buffer.allocUnsafe(want);
    const block = want === this.block.length ? this.block : this.block.subarray(0, want);
    let n = 0;
    while (n < block.length) {
      const got = this.source.read(n ? block.subarray(n) : block, position + n);
      if (got <= 0) break;
      n += got;
    }
    if (n === 0) return false;
    this.onBlock?.(n === block.length ? block : block.subarray(0, n));
    this.buf = n === block.length ? block : block.subarray(0, n);
    this.base = position;
    this.i = 0;
    this.len = n;
    this.captureFrom = 0;
    return true;
  }

  private keep(from: number, to: number) {
    if (to <= from || this.overflow) return;
    this.captured += to - from;
    if (this.captured > this.captureLimit) {
      this.overflow = true;
      this.pieces = [];
      return;
    }
    // A value spanning blocks: its bytes so far are copied, as the block buffer is about to be refilled.
    this.pieces.push(Buffer.from(this.buf.subarray(from, to)));
  }

  startCapture(limit = Infinity) {
    this.capturing = true;
    this.captureFrom = this.i;
    this.pieces = [];
    this.captured = 0;
    this.captureLimit = limit;
    this.overflow = false;
  }

  /** The captured text (null when it exceeded the limit). */
  endCapture(): string | null {
    this.capturing = false;
    if (this.overflow) return null;
    if (!this.pieces.length)
      return this.i - this.captureFrom > this.captureLimit
        ? null
        : this.buf.toString('utf8', this.captureFrom, this.i);
    this.keep(this.captureFrom, this.i);
    const pieces = this.pieces;
    this.pieces = [];
    if (this.overflow) return null;
    return Buffer.concat(pieces).toString('utf8');
  }

  /** The next non-whitespace byte, not consumed; -1 at the end. */
  peek(): number {
    for (;;) {
      if (this.i >= this.len && !this.fill()) return -1;
      const b = this.buf[this.i]!;
      if (!isWs(b)) return b;
      if (b === NEWLINE) {
        this.line++;
        this.lineStart = this.base + this.i + 1;
      }
      this.i++;
    }
  }

  /** Consumes one byte (the caller has just peeked it). */
  take() {
    this.i++;
  }

  /** After the opening quote: skips to just after the closing one. */
  private skipStringBody() {
    const startLine = this.line;
    const startLineStart = this.lineStart;
    const startOffset = this.offset - 1;
    for (;;) {
      if (this.i >= this.len && !this.fill())
        throw new JsonSyntaxError(
          'chuỗi ký tự mở bằng dấu " chưa được đóng',
          startOffset,
          startLine,
          startOffset - startLineStart + 1,
        );
      const b = this.buf[this.i++]!;
      if (b === QUOTE) return;
      if (b === BACKSLASH) {
        // The escaped byte may be in the next block.
        if (this.i >= this.len && !this.fill()) continue;
        this.i++;
      } else if (b === NEWLINE) {
        this.line++;
        this.lineStart = this.base + this.i;
      }
    }
  }

  /**
   * Skips one JSON value starting at the next non-whitespace byte. Containers are checked for balance
   * and matching kinds; scalars are skipped to the next delimiter (their syntax is JSON.parse's to
   * check). Returns the number of elements when the value is an array (for indexing), else -1.
   */
  skipValue(): number {
    const first = this.peek();
    if (first < 0) throw this.error('tệp kết thúc giữa chừng, thiếu một giá trị');
    if (first === QUOTE) {
      this.take();
      this.skipStringBody();
      return -1;
    }
    if (first === CLOSE_BRACE || first === CLOSE_BRACKET || first === COMMA || first === COLON)
      throw this.error(`ký tự "${String.fromCharCode(first)}" không đúng chỗ, thiếu một giá trị`);
    if (first !== OPEN_BRACE && first !== OPEN_BRACKET) {
      // A number or a literal: up to the next delimiter.
      for (;;) {
        if (this.i >= this.len && !this.fill()) return -1;
        const b = this.buf[this.i]!;
        if (isDelimiter(b) || b === QUOTE || b === OPEN_BRACE || b === OPEN_BRACKET) return -1;
        this.i++;
      }
    }
    const stack: number[] = [];
    let elements = 0;
    let content = false;
    const isArray = first === OPEN_BRACKET;
    for (;;) {
      if (this.i >= this.len && !this.fill()) {
        const open = stack[stack.length - 1] === OPEN_BRACE ? '{' : '[';
        throw this.error(`tệp kết thúc giữa chừng, dấu "${open}" chưa được đóng`);
      }
      const b = this.buf[this.i++]!;
      if (b === QUOTE) {
        if (stack.length === 1) content = true;
        this.skipStringBody();
      } else if (b === OPEN_BRACE || b === OPEN_BRACKET) {
        if (stack.length === 1) content = true;
        stack.push(b);
      } else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
        const open = stack.pop();
        if ((open === OPEN_BRACE) !== (b === CLOSE_BRACE))
          throw this.error(
            `dấu đóng "${String.fromCharCode(b)}" không khớp với dấu mở "${open === OPEN_BRACE ? '{' : '['}"`,
            this.offset - 1,
          );
        if (stack.length === 0) return isArray ? (content ? elements + 1 : 0) : -1;
      } else if (b === NEWLINE) {
        this.line++;
        this.lineStart = this.base + this.i;
      } else if (stack.length === 1 && isArray) {
        if (b === COMMA) elements++;
        else if (!isWs(b)) content = true;
      }
    }
  }

  /** Reads a string value (key) in full and decodes it. */
  readString(limit: number): string | null {
    this.startCapture(limit);
    this.take();
    this.skipStringBody();
    const text = this.endCapture();
    return text === null ? null : (JSON.parse(text) as string);
  }

  position() {
    return { offset: this.offset, line: this.line, lineStart: this.lineStart };
  }
}

/** Where a member's value sits in the file. */
export interface ValueRange {
  start: number;
  end: number;
  line: number;
  lineStart: number;
}

export interface DocumentMember {
  key: string;
  range: ValueRange;
  /** Elements when the value is an array; -1 otherwise. */
  elements: number;
  /** The parsed value when it is not an array and small (≤ 1 MiB); undefined otherwise. */
  value?: unknown;
  /** The value is not an array and too big to keep. */
  tooBig?: boolean;
}

export type DocumentIndex =
  | { top: 'object'; members: DocumentMember[] }
  | { top: 'array'; range: ValueRange; elements: number }
  | { top: 'other' };

const SMALL_VALUE_BYTES = 1 << 20;

/**
 * Scans the whole document once (see the file comment). Throws {@link JsonSyntaxError} at the first
 * structural error; `onBlock` sees every block read (e.g. to hash the file on the way).
 */
export function indexDocument(
  source: ByteSource,
  onBlock?: (block: Buffer) => void,
  blockBytes: number = BLOCK_BYTES,
): DocumentIndex {
  // A UTF-8 byte order mark at the very start is skipped (and still hashed).
  const head = Buffer.alloc(Math.min(3, source.size));
  source.read(head, 0);
  const bom = head.length === 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  if (bom) onBlock?.(head);
  const c = new Cursor(source, bom, source.size, 1, bom, blockBytes, onBlock);
  const first = c.peek();
  if (first < 0) throw c.error('tệp rỗng');
  const endOfDocument = () => {
    const after = c.peek();
    if (after >= 0) throw c.error('có dữ liệu thừa sau khi tài liệu JSON đã kết thúc');
  };
  const rangeFrom = (from: ReturnType<Cursor['position']>): ValueRange => ({
    start: from.offset,
    end: c.offset,
    line: from.line,
    lineStart: from.lineStart,
  });
  if (first === OPEN_BRACKET) {
    const from = c.position();
    const elements = c.skipValue();
    const range = rangeFrom(from);
    endOfDocument();
    return { top: 'array', range, elements };
  }
  if (first !== OPEN_BRACE) {
    c.startCapture(SMALL_VALUE_BYTES);
    c.skipValue();
    const text = c.endCapture();
    endOfDocument();
    try {
      if (text !== null) JSON.parse(text);
    } catch {
      throw c.error('tệp phải bắt đầu bằng dấu "{"', 0);
    }
    return { top: 'other' };
  }
  c.take();
  const members: DocumentMember[] = [];
  let next = c.peek();
  if (next === CLOSE_BRACE) {
    c.take();
    endOfDocument();
    return { top: 'object', members };
  }
  for (;;) {
    if (next !== QUOTE)
      throw c.error(
        next < 0
          ? 'tệp kết thúc giữa chừng, dấu "{" chưa được đóng'
          : 'tên khóa phải là chuỗi trong dấu ngoặc kép',
      );
    const key = c.readString(SMALL_VALUE_BYTES) ?? '';
    if (c.peek() !== COLON) throw c.error(`thiếu dấu ":" sau tên khóa "${key.slice(0, 40)}"`);
    c.take();
    const valueFirst = c.peek();
    const from = c.position();
    if (valueFirst === OPEN_BRACKET) {
      const elements = c.skipValue();
      members.push({ key, range: rangeFrom(from), elements });
    } else {
      c.startCapture(SMALL_VALUE_BYTES);
      c.skipValue();
      const text = c.endCapture();
      const member: DocumentMember = { key, range: rangeFrom(from), elements: -1 };
      if (text === null) member.tooBig = true;
      else {
        try {
          member.value = JSON.parse(text);
        } catch (err) {
          throw new JsonSyntaxError(
            `giá trị của khóa "${key.slice(0, 40)}" không hợp lệ (${(err as Error).message})`,
            from.offset,
            from.line,
            from.offset - from.lineStart + 1,
          );
        }
      }
      members.push(member);
    }
    const sep = c.peek();
    if (sep === COMMA) {
      c.take();
      next = c.peek();
      continue;
    }
    if (sep === CLOSE_BRACE) {
      c.take();
      endOfDocument();
      return { top: 'object', members };
    }
    throw c.error(
      sep < 0 ? 'tệp kết thúc giữa chừng, dấu "{" chưa được đóng' : 'thiếu dấu "," hoặc "}" sau một giá trị',
    );
  }
}

/**
 * The elements of the array at `range` (as found by {@link indexDocument}), one text at a time, with
 * their 1-based position. Throws {@link JsonSyntaxError} when the separators between elements are wrong
 * (a missing or doubled comma); an element's own syntax is for `JSON.parse` to judge.
 */
export function* arrayElements(
  source: ByteSource,
  range: ValueRange,
  blockBytes: number = BLOCK_BYTES,
): Generator<{ position: number; text: string }> {
  const c = new Cursor(source, range.start, range.end, range.line, range.lineStart, blockBytes);
  if (c.peek() !== OPEN_BRACKET) throw c.error('cần một mảng "["');
  c.take();
  let next = c.peek();
  if (next === CLOSE_BRACKET) return;
  for (let position = 1; ; position++) {
    if (next === COMMA || next === CLOSE_BRACKET)
      throw c.error(next === COMMA ? 'hai dấu "," liền nhau, thiếu một phần tử' : 'dấu "," thừa trước "]"');
    c.startCapture();
    c.skipValue();
    const text = c.endCapture()!;
    yield { position, text };
    const sep = c.peek();
    if (sep === CLOSE_BRACKET) return;
    if (sep !== COMMA)
      throw c.error(sep < 0 ? 'mảng chưa được đóng bằng "]"' : 'thiếu dấu "," giữa hai phần tử của mảng');
    c.take();
    next = c.peek();
  }
}

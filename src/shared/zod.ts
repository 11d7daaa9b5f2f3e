/**
 * zod with Vietnamese default messages, for the server and the web forms alike. Import `z` from here,
 * not from 'zod', so both sides speak the same language.
 */
import { z } from 'zod';

z.config(z.locales.vi());

export { z };

/** A calendar date as `yyyy-mm-dd` (what the API carries; the UI shows `dd/mm/yyyy`). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Ngày phải có dạng yyyy-mm-dd' })
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'Ngày không tồn tại');

/** Free text shown to people: trimmed, no control characters, stored and shown back literally. */
export const plainText = (label: string, max: number) =>
  z
    .string({ message: `${label} phải là chuỗi ký tự` })
    .trim()
    .min(1, { message: `${label} không được để trống` })
    .max(max, { message: `${label} tối đa ${max} ký tự` })
    // Control characters never belong in a name; they would corrupt Word/Excel output.
    // eslint-disable-next-line no-control-regex
    .refine((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s), {
      message: `${label} chứa ký tự điều khiển không hợp lệ`,
    });

export const uuid = z.uuid({ message: 'Mã định danh không hợp lệ' });

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

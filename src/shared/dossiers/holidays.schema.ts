/** Public holidays and make-up working days (ngày nghỉ lễ, ngày làm bù) for working-day deadlines. */
import { isoDate, z } from '../zod';

export const holidayInput = z.strictObject({
  day: isoDate,
  name: z
    .string({ message: 'Tên ngày nghỉ phải là chuỗi ký tự' })
    .trim()
    .min(1, { message: 'Vui lòng nhập tên ngày nghỉ' })
    .max(200, { message: 'Tên ngày nghỉ tối đa 200 ký tự' }),
  /** A weekend day that is worked (ngày làm bù) rather than a day off. */
  workingDay: z.boolean().default(false),
});
export type HolidayInput = z.input<typeof holidayInput>;

export const holidaySchema = z.object({ day: z.string(), name: z.string(), workingDay: z.boolean() });
export type Holiday = z.infer<typeof holidaySchema>;

export const holidayListQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

import { z } from './zod';

export function paginated<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });
}
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

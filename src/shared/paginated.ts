import { z } from './zod';

export function paginated<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number(),
    page: z.number(),
    pageSize: z.number(),
    /** The count stopped at `total`: there are more (a broad search is counted only so far). */
    totalIsLowerBound: z.boolean().optional(),
  });
}
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  totalIsLowerBound?: boolean;
}

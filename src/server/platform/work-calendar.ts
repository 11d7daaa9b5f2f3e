/** The working-day calendar (holidays and make-up working days) from the `holidays` table. */
import type { DbOrTx } from './db/database';
import { holidays } from './db/schema';
import type { WorkCalendar } from '../../domain/dossiers/deadlines';

export async function loadWorkCalendar(tx: DbOrTx): Promise<WorkCalendar> {
  const rows = await tx.select({ day: holidays.day, workingDay: holidays.workingDay }).from(holidays);
  return {
    holidays: new Set(rows.filter((r) => !r.workingDay).map((r) => r.day)),
    workingWeekends: new Set(rows.filter((r) => r.workingDay).map((r) => r.day)),
  };
}

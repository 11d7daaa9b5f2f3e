/**
 * The deadline-nearing sweep (issue 6 item 7): every dossier whose current step has a legal deadline that
 * is near (`soon`: two working days or fewer) or past (`late`) gets one notification to the unit that must
 * act — the authority while the department holds the dossier, the proposing unit after the decision
 * (notifying awardees). One notification per dossier, step and state: running the sweep twice a day sends
 * nothing new. Run by `npm run cli -- notify-deadlines` (cron), also callable from tests.
 */
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Database } from '../../platform/db/database';
import type { Clock } from '../../platform/clock';
import type { Config } from '../../platform/config';
import { todayInVietnam } from '../../platform/dates';
import { loadWorkCalendar } from '../../platform/work-calendar';
import { unitAddress, type Mailer } from '../../platform/mailer';
import { dossiers, notifications, units } from '../../platform/db/schema';
import { FINAL_STATUSES, type DossierStatus } from '../../../domain/dossiers/workflow';
import { deadlineRule, deadlineState } from '../../../domain/dossiers/deadlines';
import { authorityLevel } from './dossier-workflow';

/** `2026-03-09` → `09/03/2026`. */
const formatDate = (iso: string) => iso.split('-').reverse().join('/');

export interface SweepResult {
  checked: number;
  notified: { code: string; state: 'soon' | 'late'; dueOn: string; unitId: string }[];
}

export async function notifyDeadlines(
  database: Database,
  clock: Clock,
  mailer: Mailer,
  config: Pick<Config, 'mailUnitAddress'>,
): Promise<SweepResult> {
  const { db } = database;
  const today = todayInVietnam(clock);
  const cal = await loadWorkCalendar(db);
  const open = await db
    .select({
      id: dossiers.id,
      code: dossiers.code,
      title: dossiers.title,
      status: dossiers.status,
      dueOn: dossiers.dueOn,
      proposingUnitId: dossiers.proposingUnitId,
      authorityUnitId: dossiers.authorityUnitId,
      authorityParentId: units.parentId,
    })
    .from(dossiers)
    .innerJoin(units, eq(units.id, dossiers.authorityUnitId))
    .where(isNotNull(dossiers.dueOn));
  const result: SweepResult = { checked: 0, notified: [] };
  const mails: { unitId: string; subject: string; text: string }[] = [];
  for (const d of open) {
    const status = d.status as DossierStatus;
    if (FINAL_STATUSES.includes(status) && status !== 'decided') continue;
    result.checked++;
    const s = deadlineState(today, d.dueOn, cal);
    if (s.state !== 'soon' && s.state !== 'late') continue;
    const kind = `dossier.deadline.${s.state}`;
    // The step's due date is part of the key: a new step (new due date) may notify again.
    const key = `${status}|${d.dueOn}`;
    const unitId = status === 'decided' ? d.proposingUnitId : d.authorityUnitId;
    const seen = await db
      .select({ id: notifications.id })
      .from(notifications)
      .where(
        and(
          eq(notifications.entityId, d.id),
          eq(notifications.kind, kind),
          eq(notifications.body, key),
          inArray(notifications.unitId, [unitId]),
        ),
      );
    if (seen.length) continue;
    const task = deadlineRule(authorityLevel({ parentId: d.authorityParentId }), status)?.task ?? '';
    const title =
      s.state === 'late'
        ? `Hồ sơ ${d.code} quá hạn ${-s.left!} ngày làm việc (hạn ${formatDate(d.dueOn!)})`
        : `Hồ sơ ${d.code} sắp đến hạn: còn ${s.left} ngày làm việc (hạn ${formatDate(d.dueOn!)})`;
    await db.insert(notifications).values({
      unitId,
      kind,
      title,
      body: key,
      entityType: 'dossier',
      entityId: d.id,
      createdAt: clock(),
    });
    result.notified.push({ code: d.code, state: s.state, dueOn: d.dueOn!, unitId });
    mails.push({ unitId, subject: `[VinhDanh] ${title}`, text: `${title}\n${task}\n${d.title}` });
  }
  if (mailer.kind !== 'off' && mails.length) {
    const codes = new Map(
      (
        await db
          .select({ id: units.id, code: units.code })
          .from(units)
          .where(inArray(units.id, [...new Set(mails.map((m) => m.unitId))]))
      ).map((u) => [u.id, u.code]),
    );
    for (const m of mails) {
      const code = codes.get(m.unitId);
      if (!code) continue;
      try {
        await mailer.send({ to: [unitAddress(config, code)], subject: m.subject, text: m.text });
      } catch {
        // The in-app notification is the record; e-mail is a courtesy copy.
      }
    }
  }
  return result;
}

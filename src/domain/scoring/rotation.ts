/**
 * Rotation of the block's lead and deputy (law.md "Blocks": elected by rotation at the year-end review).
 * The rule VinhDanh proposes, which the meeting may override: this year's deputy leads next year, and the
 * deputy is the next member after the new lead in the block's rotation order (by unit code), skipping the
 * outgoing lead so that no unit leads twice in a row.
 */
export function nextLeadership(
  rotationOrder: readonly string[],
  lead: string | null,
  deputy: string | null,
): { lead: string; deputy: string | null } | null {
  const members = [...new Set(rotationOrder)];
  if (members.length === 0) return null;
  const after = (id: string | null, skip: readonly (string | null)[]) => {
    const start = id === null ? -1 : members.indexOf(id);
    for (let step = 1; step <= members.length; step++) {
      const candidate = members[(start + step + members.length) % members.length]!;
      if (!skip.includes(candidate)) return candidate;
    }
    return null;
  };
  const newLead = deputy !== null && members.includes(deputy) ? deputy : (after(lead, [lead]) ?? members[0]!);
  const newDeputy =
    members.length === 1 ? null : (after(newLead, [newLead, lead]) ?? after(newLead, [newLead]));
  return { lead: newLead, deputy: newDeputy };
}

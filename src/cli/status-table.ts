/**
 * `revue status` on a terminal: one table per team and manager, the group
 * with the most urgent rep first and, within each, the reps most urgent
 * first (the order of `coachingStatus`), in the workspace's language.
 */
import type { Framework } from '../model/schema.js';
import type { CoachingStatus, RepStatus } from '../status/coaching-status.js';
import type { CliCatalogue } from '../messages/cli.js';
import type { Styles } from './style.js';

export function statusTable(status: CoachingStatus, framework: Framework, t: CliCatalogue, style: Styles): string {
  const groups = new Map<string, { team: string | null; manager: string | null; reps: RepStatus[] }>();
  for (const rep of status.reps) {
    const key = JSON.stringify([rep.team, rep.manager]);
    const group = groups.get(key) ?? { team: rep.team, manager: rep.manager, reps: [] };
    group.reps.push(rep);
    groups.set(key, group);
  }
  const month = new Intl.DateTimeFormat(framework.locale === 'fr' ? 'fr-FR' : 'en-GB', {
    month: 'short',
    timeZone: 'UTC',
  });
  const monthName = (m: number) => month.format(new Date(Date.UTC(2000, m - 1, 1))).replace(/\.$/, '');
  const label = (id: string, list: ReadonlyArray<{ id: string; label: string }> | undefined) =>
    list?.find((item) => item.id === id)?.label ?? id;
  const neverObserved = (rep: RepStatus): string =>
    t.statusNeverObserved({
      competencies: rep.neverObserved.map((id) => label(id, framework.competencies)),
      contexts: rep.contextsNeverObserved.map((id) => label(id, framework.contexts)),
    }) || t.statusNone;
  const c = t.statusColumns;
  const header = [c.rep, c.last, c.days, c.monthsMissed, c.neverObserved];
  const lines: string[] = [];
  for (const group of groups.values()) {
    const rows = group.reps.map((rep) => [
      rep.name,
      rep.last ?? t.statusNever,
      rep.daysSince === null ? t.statusOverdue : String(rep.daysSince) + (rep.overdue ? ` ${t.statusOverdue}` : ''),
      rep.monthsMissed.length === 0 ? t.statusNone : rep.monthsMissed.map(monthName).join(', '),
      neverObserved(rep),
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
    const line = (cells: readonly string[]) =>
      cells
        .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
        .join('  ')
        .trimEnd();
    if (lines.length > 0) lines.push('');
    lines.push(style.bold(t.statusGroup({ team: group.team, manager: group.manager })));
    lines.push(style.dim(line(header)));
    group.reps.forEach((rep, i) => {
      const text = line(rows[i] ?? []);
      lines.push(rep.overdue ? style.red(text) : text);
    });
  }
  const overdue = status.reps.filter((r) => r.overdue).length;
  lines.push('', t.statusSummary({ overdue, total: status.reps.length, days: status.days, asOf: status.asOf }));
  return lines.join('\n');
}

/**
 * The handler a program grievance is raised to (`raise_level`, issue 15): the next level of its ladder, whose rule
 * the program's configuration names for the grievance's village. The core decides whether raising is allowed; this
 * only turns "the next level" into an institution.
 */
import { failField, type Holder, nextProgramLevel, type Programs, type WorkflowReport } from '@pintu/core';
import { holderOf } from '../../db/holders';

/**
 * The next level's handler as a holder, or null when the report has no next level (it is no program grievance, or
 * at the top): the core then refuses the action with its own code, exactly as for any other caller.
 */
export async function raiseTarget(
  programs: Programs | undefined,
  report: WorkflowReport,
): Promise<Holder | null> {
  const ladder = report.state.program;
  const next = ladder ? nextProgramLevel(ladder) : null;
  if (!programs || next === null) return null;
  const grievance = await programs.grievanceOf(report.id);
  const rule = grievance?.program.levels.find((l) => l.level === next);
  if (!grievance || !rule)
    return failField('target', 'no_handler', `Program ini tidak lagi punya penangan tingkat ${next}.`);
  const handler = await programs.handlerFor(next, rule.handler, grievance.regionCode);
  if (!handler?.active)
    return failField('target', 'no_handler', `Penangan tingkat ${next} untuk desa ini tidak ditemukan.`);
  return holderOf(handler);
}

/** A report as the view-report use case decided the caller sees it, rendered by the audience's presenter. */
import type { ReportSight } from '../../app/reports/view-report';
import { presentCallerView, presentForReporter, presentPublic } from './reports.presenter';
import type { ReportView } from './reports.schema';

export function presentSight(sight: ReportSight): ReportView {
  if (sight.audience === 'reporter') return presentForReporter(sight.report, sight.identity);
  if (sight.audience === 'caller')
    return presentCallerView(sight.report, sight.view) ?? presentPublic(sight.report);
  return presentPublic(sight.report);
}

/** "Download my data" as the citizen receives it: each report's events as the reporter's timeline. */
import type { MyData } from '../../app/citizen/export-my-data';
import { presentTimeline } from '../workflow/timeline.presenter';

export function presentMyData(data: MyData) {
  return {
    ...data,
    reports: data.reports.map((r) => ({
      ...r,
      events: presentTimeline(r.events, 'reporter', r.isAnonymous),
    })),
  };
}

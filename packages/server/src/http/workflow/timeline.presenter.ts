/**
 * A timeline as the API shows it. What each audience may see of the events is core's rule (`eventsFor`,
 * core/src/privacy/timeline.ts); this only writes dates and status labels.
 */
import {
  type Audience,
  eventsFor,
  type LoggedEvent,
  type ReportStatus,
  type SeenEvent,
  STATUS_LABELS_ID,
} from '@pintu/core';
import type { TimelineView } from '../../app/workflow/read-timeline';
import type { Timeline, TimelineEvent } from './workflow.schema';

/** An event as read from the log. */
export type StoredEvent = LoggedEvent;

/** One seen event as JSON. */
export function presentEvent(e: SeenEvent): TimelineEvent {
  return {
    seq: e.seq,
    type: e.type,
    at: e.at.toISOString(),
    fromStatus: e.fromStatus as ReportStatus | null,
    toStatus: e.toStatus as ReportStatus | null,
    statusLabel: e.toStatus ? STATUS_LABELS_ID[e.toStatus as ReportStatus] : null,
    actor: e.actor,
    payload: e.payload,
  };
}

/** The events an audience may see, each cut to what it may see, as JSON. */
export function presentTimeline(
  events: readonly StoredEvent[],
  audience: Audience,
  anonymous: boolean,
): TimelineEvent[] {
  return eventsFor(events, audience, anonymous).map(presentEvent);
}

/** The timeline use case's result as the API shows it. */
export function presentTimelineView(view: TimelineView): Timeline {
  return {
    trackingId: view.trackingId,
    audience: view.audience,
    events: view.events.map(presentEvent),
    institutions: view.institutions,
  };
}

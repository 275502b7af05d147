/** The working-day calendar of the holidays table as a transaction sees it (db/postgres-holiday-calendar.ts). */
export { holidayCalendar } from '../../db/postgres-holiday-calendar';

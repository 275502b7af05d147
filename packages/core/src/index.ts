/** @pintu/core — the domain, pure: no I/O, no clock, no environment. Time always comes in as an argument. */
export * from './calendar/types';
export * from './report/report';

/**
 * The authorization matrix (issue 16 §5), part b: institution administration, the inbox, the calendar, statistics, programs, audit, backup and federation —
 * every caller gets what the route's rule says (support/authz-routes.ts), no answer shows what its audience may not
 * see, and a refusal changes nothing. Part a checks that every route has a rule.
 */
import { matrixSuite } from '../support/authz-run';

matrixSuite('b');

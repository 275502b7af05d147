/**
 * The authorization matrix (issue 16 §5), part c: regional apps and their keys, webhooks, an app's own API, Open311, open data, the SMS gateway and the docs —
 * every caller gets what the route's rule says (support/authz-routes.ts), no answer shows what its audience may not
 * see, and a refusal changes nothing. Part a checks that every route has a rule.
 */
import { matrixSuite } from '../support/authz-run';

matrixSuite('c');

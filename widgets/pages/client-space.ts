/**
 * The script of the hosted page `/espace-client` (served as `/assets/pages/client-space.js`, the only
 * script of a page whose CSP allows scripts from its own origin only). The page's HTML carries
 * `<lecoffre-client-space>` with the folder and request of the e-mail's link; the session is the API's
 * cookie, on this same origin.
 */
import { connect } from '../core/connection.js';
import './client-space/client-space-app.js';

const space = document.querySelector('lecoffre-client-space');
if (space) space.connection = connect({ baseUrl: window.location.origin, cookieSession: true });

/**
 * The script of the hosted notary console `/app` (served as `/assets/pages/app-console.js`, the only
 * script of a page whose CSP allows scripts from its own origin only). The session is the API's httpOnly
 * cookie set by the ID.not sign-in, on this same origin: the elements call the API with it.
 */
import { connect } from '../core/connection.js';
import './app-console/console-app.js';

const shell = document.querySelector('lecoffre-app-console');
if (shell) shell.connection = connect({ baseUrl: window.location.origin, cookieSession: true });

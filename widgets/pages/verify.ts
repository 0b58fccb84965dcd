/**
 * The script of the hosted page `/verify` (served as `/assets/pages/verify.js`, the only script of a page
 * whose CSP allows scripts from its own origin only). It needs no session: anyone may verify a proof.
 * The verifier itself (unzip, Merkle paths, anchor) is a chunk fetched when the first bundle is dropped.
 */
import './verify/verify-app.js';

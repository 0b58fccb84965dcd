// The API reference page's script (bundled with Redoc by reference-bundle.ts, served as /docs/reference.js).
// A browser module: checked by the root tsconfig (DOM), left out of the server's (api/tsconfig.json).
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { RedocStandalone } from 'redoc';

// The styles' nonce is read from `<meta property="csp-nonce">` by styled-components and by Redoc's style
// loader (reference-bundle.ts): nothing to pass here.
const root = document.getElementById('redoc');

if (root) {
  createRoot(root).render(
    createElement(RedocStandalone, {
      specUrl: '/openapi.json',
      options: {
        // The page's header (links to the guides) stays above the reference while it scrolls.
        scrollYOffset: 'body > header',
        expandResponses: '200,201',
        hideHostname: true,
        jsonSampleExpandLevel: 3,
      },
      onLoaded: (error) => {
        // The test and a curious reader both see when the reference is drawn (or why it is not).
        document.body.dataset.reference = error ? 'failed' : 'ready';
        if (error) console.error('the API reference could not be drawn', error);
      },
    }),
  );
}

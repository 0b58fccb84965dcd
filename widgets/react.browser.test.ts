import { expect } from '@open-wc/testing';
import * as React from 'react';
import { CompletionBar, LeCoffreFolder, LeCoffreFolderList, LeCoffreUpload } from './index.js';
import * as wrappers from './react.js';

// Mocha globals, provided by @web/test-runner in the browser (@types/mocha is not installed).
declare function describe(name: string, body: () => void): void;
declare function it(name: string, body: () => Promise<void>): void;

// react-dom is not installed (react alone cannot render), so this checks what can be checked without it:
// the module loads in a real browser next to the elements, each wrapper is a React component made for the
// right element, and React elements made from them keep their props. The props' and events' types are
// checked by tsc on widgets/type-tests/vendor-usage.tsx.
describe('@lecoffre/widgets/react', () => {
  it('loads in the browser and wraps each registered element', async () => {
    const expected = [
      ['LeCoffreUpload', wrappers.LeCoffreUpload, 'lecoffre-upload', LeCoffreUpload],
      ['LeCoffreFolder', wrappers.LeCoffreFolder, 'lecoffre-folder', LeCoffreFolder],
      ['LeCoffreFolderList', wrappers.LeCoffreFolderList, 'lecoffre-folder-list', LeCoffreFolderList],
      ['LeCoffreCompletionBar', wrappers.LeCoffreCompletionBar, 'lecoffre-completion-bar', CompletionBar],
    ] as const;
    expect(Object.keys(wrappers).sort()).to.deep.equal(expected.map(([name]) => name).sort());
    for (const [name, component, tag, elementClass] of expected) {
      expect(customElements.get(tag)).to.equal(elementClass);
      expect(component.displayName).to.equal(name);
      // A forwardRef component: a ref reaches the element itself.
      expect(String((component as unknown as { $$typeof: symbol }).$$typeof)).to.equal('Symbol(react.forward_ref)');
    }
  });

  it('makes React elements that carry the element properties and event props as given', async () => {
    const onUploaded = () => {};
    const tokenProvider = async () => 'lcw_new';
    const element = React.createElement(wrappers.LeCoffreUpload, { token: 'lcw_1', baseUrl: 'http://api', tokenProvider, onUploaded });
    expect(element.type).to.equal(wrappers.LeCoffreUpload);
    expect(element.props).to.include({ token: 'lcw_1', baseUrl: 'http://api', tokenProvider, onUploaded });
  });
});

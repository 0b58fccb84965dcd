// @types/react-dom is not installed (react-dom comes only as Redoc's peer, for this page): the one function
// the reference page calls, as react-dom 19 documents it.
declare module 'react-dom/client' {
  import type { ReactNode } from 'react';

  export interface Root {
    render(children: ReactNode): void;
    unmount(): void;
  }
  export function createRoot(container: Element | DocumentFragment): Root;
}

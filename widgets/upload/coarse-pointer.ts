import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Whether the page is used with a finger (`pointer: coarse`: phones, tablets), where dragging files is not
 * a thing: the upload then offers "choose a file / take a photo" instead of a drop zone's wording. Follows
 * the media query live (a tablet docked to a mouse).
 */
export class CoarsePointer implements ReactiveController {
  matches = false;
  private query?: MediaQueryList;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.query = window.matchMedia('(pointer: coarse)');
    this.matches = this.query.matches;
    this.query.addEventListener?.('change', this.changed);
  }

  hostDisconnected(): void {
    this.query?.removeEventListener?.('change', this.changed);
  }

  private readonly changed = (event: MediaQueryListEvent) => {
    this.matches = event.matches;
    this.host.requestUpdate();
  };
}

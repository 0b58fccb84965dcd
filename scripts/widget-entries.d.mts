/** Entry name (path under /assets without `.js`) → absolute path of its TypeScript source. */
export function widgetEntries(root?: string): Record<string, string>;
/** `version` of widgets/package.json, e.g. `0.1.0`. */
export function widgetsVersion(root?: string): string;

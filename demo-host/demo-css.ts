/** The demo drafting software's one stylesheet (served as /demo.css: the pages' policy allows no inline style). */
export const DEMO_CSS = `html { background: #eef0f3; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1d23; }
.app-bar { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: center; background: #3b2f63; color: #fff; padding: 0.6rem 1rem; }
.app-bar a { color: #fff; margin-right: 1rem; }
.app-name { font-weight: 700; }
.user { margin-left: auto; font-size: 0.9rem; }
.page { padding: 1rem 1.25rem 3rem; max-width: 72rem; }
.muted { color: #555b66; }
.problem { color: #b3261e; font-weight: 600; }
table.deeds { border-collapse: collapse; background: #fff; width: 100%; max-width: 60rem; }
table.deeds th, table.deeds td { text-align: left; padding: 0.5rem 0.75rem; border-bottom: 1px solid #c4c9d2; overflow-wrap: anywhere; }
/* A phone: each deed becomes a card of its cells, the column names read by screen readers only. */
@media (max-width: 40rem) {
  table.deeds, table.deeds tbody, table.deeds tr, table.deeds td { display: block; }
  table.deeds thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  table.deeds tr { border-bottom: 1px solid #c4c9d2; padding: 0.4rem 0; }
  table.deeds td { border: 0; padding: 0.15rem 0.75rem; }
}
.tag { display: inline-block; padding: 0.1em 0.5em; border-radius: 999px; border: 1px solid currentColor; font-size: 0.85em; color: #555b66; }
.tag.linked { color: #1d6b3a; }
.notice { background: #fff; border-left: 4px solid #1d6b3a; padding: 0.5rem 0.75rem; }
.offices { background: #fff; padding: 0.75rem 1rem; margin: 1rem 0; max-width: 60rem; box-sizing: border-box; }
.offices h2 { margin: 0 0 0.25rem; font-size: 1.1rem; }
ul.office-list { list-style: none; padding: 0; display: grid; gap: 0.5rem; }
ul.office-list li { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; justify-content: space-between; }
ul.office-list form { margin: 0; }
a.button { display: inline-flex; align-items: center; min-height: 2.4rem; padding: 0 1rem; border-radius: 6px; background: #3b2f63; color: #fff; text-decoration: none; }
form.new-deed { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: end; }
form.new-deed label { display: grid; gap: 0.25rem; min-width: 0; max-width: 100%; }
/* A select is as wide as its longest option (an office's full name): it wraps to the screen instead. */
form.new-deed select { width: 100%; }
input, select, button { font: inherit; min-height: 2.4rem; max-width: 100%; box-sizing: border-box; }
.deed-layout { display: grid; grid-template-columns: minmax(0, 1fr) 22rem; }
/* minmax(0, …): a bare 1fr never shrinks below its content's widest line, which pushed the page past a phone. */
@media (max-width: 60rem) { .deed-layout { grid-template-columns: minmax(0, 1fr); } }
.deed-layout lecoffre-folder { display: block; min-width: 0; }
.side { background: #fff; border-left: 1px solid #c4c9d2; padding: 1rem; font-size: 0.9rem; }
/* The page's h1 names the deed: the element's own heading would repeat it. */
.deed-layout lecoffre-folder::part(header) { display: none; }
.side h2 { font-size: 1rem; margin: 0 0 0.25rem; }
.side section + section { margin-top: 1.5rem; }
ol.log { list-style: none; padding: 0; margin: 0.5rem 0 0; display: grid; gap: 0.5rem; }
ol.log li { background: #f3f5f8; border-radius: 6px; padding: 0.4rem 0.6rem; overflow-wrap: anywhere; }
ol.log li p { margin: 0.1rem 0; }
ol.webhooks li { background: #fff; }
pre { white-space: pre-wrap; font-size: 0.8rem; }
`;

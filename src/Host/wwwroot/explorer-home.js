// CiteGraph explorer: the start page. One GraphQL request gives the corpus at a glance (counts, the largest
// communities and the links between them, rising topics, the most central and most cited papers); the example
// searches and one-click example views are made from that answer, so they always name papers of the loaded data.
'use strict';

window.CiteGraphHome = (() => {
  const QUERY = `{
    stats { papers repos topics citations inferredCitations coTopicEdges communities analyzedAt }
    communities(first: 8) { totalCount items { id label size centralPapers { id title year } } }
    communityLinks(first: 40) { source target citations coTopic }
    rising: topics(first: 8, orderBy: GROWTH) { items { name df growth } }
    central: ranking(metric: PAGERANK, first: 6) { paper { id title year community { id } } }
    cited: ranking(metric: CITATIONS, first: 3) { score paper { id title year } }
  }`;

  // The start page's one request leaves as soon as this script runs (it is the first script of the page), not after
  // Cytoscape is parsed and the page set up: on a cold visit that overlap is part of the first paint.
  const params = new URLSearchParams(location.hash.slice(1));
  let prefetched = !params.get('paper') && !params.get('from') && [null, 'home'].includes(params.get('mode'))
    ? fetch('/graphql', { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify({ query: QUERY }) })
      .then((r) => r.json()).catch(() => null)
    : null;

  /** The overview: the answer fetched at load if there is one (once), else a fresh request through <paramref name="gql"/>. */
  async function overview(gql) {
    const early = prefetched;
    prefetched = null;
    const json = early ? await early : null;
    if (json && json.data && !(json.errors && json.errors.length)) return json.data;
    return gql(QUERY);
  }

  const el = (tag, props = {}, ...children) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (k === 'text') e.textContent = v; else if (k.startsWith('on')) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v);
    }
    for (const c of children) if (c != null) e.append(c);
    return e;
  };
  const fmt = (n) => Number(n).toLocaleString('en-US');

  /** Example views from the data: the most cited paper's descendants, a central paper's neighbourhood and similar papers, a connection between two fields. */
  function examples(data) {
    const out = [];
    const cited = data.cited[0];
    if (cited && cited.score > 0) out.push({ text: `What built on “${cited.paper.title}” (${fmt(cited.score)} citing papers), on a time axis`, state: { mode: 'lineage', paper: cited.paper.id, dir: 'DESCENDANTS', depth: 2, layout: 'time' } });
    const central = data.central.map((r) => r.paper);
    if (central[0]) out.push({ text: `The neighbourhood of “${central[0].title}”, the most central paper`, state: { mode: 'neighbourhood', paper: central[0].id, radius: 1 } });
    const similar = central[1] ?? central[0];
    if (similar) out.push({ text: `Papers similar to “${similar.title}”`, state: { mode: 'similar', paper: similar.id } });
    // Two central papers of different communities: how one field reaches the other.
    const a = central[0];
    const b = central.find((p) => a && p.community && a.community && p.community.id !== a.community.id);
    if (a && b) out.push({ text: `How “${a.title}” connects to “${b.title}”`, state: { mode: 'connect', paper: a.id, to: b.id } });
    if (data.communities.items.length) out.push({ text: `Map of the ${Math.min(12, data.communities.totalCount)} largest communities`, state: { mode: 'communities' } });
    return out;
  }

  /** Example searches: the rising topics' names and the largest communities' leading terms. */
  function searches(data) {
    const terms = [...data.rising.items.map((t) => t.name), ...data.communities.items.map((c) => (c.label || '').split(/[,·]/)[0].trim())];
    return [...new Set(terms.filter((t) => t && t.length > 2))].slice(0, 6);
  }

  function render(container, data, { go, search, open }) {
    const s = data.stats;
    const counts = el('dl', { class: 'glance' },
      ...[['papers', s.papers], ['citations', s.citations], ['of them inferred', s.inferredCitations], ['code repositories', s.repos], ['topics', s.topics], ['communities', s.communities]]
        .flatMap(([k, v]) => [el('dt', { text: fmt(v) }), el('dd', { text: k })]));
    const exampleList = el('ul', { class: 'examples', 'aria-label': 'Example views' },
      ...examples(data).map((x) => el('li', {}, el('button', { type: 'button', class: 'link', text: x.text, onclick: () => go(x.state) }))));
    const searchList = el('p', { class: 'chips', 'aria-label': 'Example searches' },
      ...searches(data).map((t) => el('button', { type: 'button', class: 'chip', text: t, onclick: () => search(t) })));
    const rising = el('ol', { class: 'rising' }, ...data.rising.items.filter((t) => t.growth != null).map((t) => el('li', {},
      el('button', { type: 'button', class: 'link', text: t.name, onclick: () => search(t.name) }),
      el('small', { text: ` ${fmt(t.df)} papers · ×${Math.pow(2, t.growth).toFixed(1)} share in the latest year` }))));
    const central = el('ol', { class: 'central' }, ...data.central.map((r) => el('li', {},
      el('button', { type: 'button', class: 'link', text: r.paper.year ? `${r.paper.title} (${r.paper.year})` : r.paper.title, onclick: () => open(r.paper.id) }))));
    container.replaceChildren(...[
      el('h2', { text: 'This corpus at a glance' }), counts,
      el('h3', { text: 'Try' }), exampleList,
      el('h3', { text: 'Search for' }), searchList,
      rising.children.length ? el('h3', { text: 'Rising topics' }) : null, rising.children.length ? rising : null,
      el('h3', { text: 'Most central papers' }), central,
      el('p', { class: 'muted', text: 'The map shows the largest communities (size: papers; lines: citations and shared topics between them). Click one to open it.' }),
    ].filter((c) => c != null));
  }

  return { QUERY, overview, render, examples };
})();

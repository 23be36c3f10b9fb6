// CiteGraph explorer: a paper's neighbourhood, lineage, connections and communities, drawn with Cytoscape.js.
// Talks to the GraphQL API at /graphql only; the view lives in the URL hash so it can be shared.
'use strict';

(() => {
  const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf', '#393b79', '#ad494a'];
  const NO_COMMUNITY = '#b0b0b0';
  const MODES = ['neighbourhood', 'lineage', 'connect', 'communities'];
  const NODE_FIELDS = 'id title year pageRank community { id }';
  const EDGE_FIELDS = 'source target kind weight confidence evidence via';

  const $ = (id) => document.getElementById(id);
  const el = (tag, props = {}, ...children) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (k === 'text') e.textContent = v; else if (k.startsWith('on')) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v);
    }
    for (const c of children) if (c != null) e.append(c);
    return e;
  };

  // ---- GraphQL -------------------------------------------------------------------------------------------------
  async function gql(query, variables) {
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const json = await response.json();
    if (json.errors && json.errors.length) throw new Error(json.errors.map((e) => e.message).join('; '));
    return json.data;
  }

  // ---- State in the URL hash ----------------------------------------------------------------------------------
  function readState() {
    const p = new URLSearchParams(location.hash.slice(1));
    const mode = MODES.includes(p.get('mode')) ? p.get('mode') : 'neighbourhood';
    return {
      mode,
      paper: p.get('paper') || '',
      to: p.get('to') || '',
      radius: clamp(parseInt(p.get('radius') || '1', 10), 1, 3),
      dir: p.get('dir') === 'DESCENDANTS' ? 'DESCENDANTS' : 'ANCESTORS',
      depth: clamp(parseInt(p.get('depth') || '3', 10), 1, 6),
      sel: p.get('sel') || '',
    };
  }
  function clamp(v, lo, hi) { return Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : lo; }
  function writeState(changes, { replace = false } = {}) {
    const s = { ...readState(), ...changes };
    const p = new URLSearchParams();
    p.set('mode', s.mode);
    if (s.paper) p.set('paper', s.paper);
    if (s.mode === 'connect' && s.to) p.set('to', s.to);
    if (s.mode === 'neighbourhood') p.set('radius', String(s.radius));
    if (s.mode === 'lineage') { p.set('dir', s.dir); p.set('depth', String(s.depth)); }
    if (s.sel) p.set('sel', s.sel);
    const hash = '#' + p.toString();
    if (hash === location.hash) return;
    if (replace) history.replaceState(null, '', hash); else location.hash = hash;
  }

  // ---- Drawing ------------------------------------------------------------------------------------------------
  const communityColor = (c) => (c == null ? NO_COMMUNITY : PALETTE[((c % PALETTE.length) + PALETTE.length) % PALETTE.length]);
  const communityNumber = (community) => (community && community.id ? parseInt(String(community.id).replace(/^C/, ''), 10) : null);
  const shortLabel = (title, year) => {
    const t = title.length > 42 ? title.slice(0, 40) + '…' : title;
    return year ? `${t} (${year})` : t;
  };

  let cy = null;
  const papersById = new Map();

  function ensureCy() {
    if (cy) return cy;
    cy = cytoscape({
      container: $('graph'),
      minZoom: 0.15,
      maxZoom: 3,
      style: [
        { selector: 'node', style: {
          'background-color': 'data(color)', width: 'data(size)', height: 'data(size)', label: 'data(label)',
          'font-size': 10, 'text-wrap': 'wrap', 'text-max-width': 140, 'text-valign': 'bottom', 'text-margin-y': 3,
          color: '#1b1f24', 'text-background-color': '#fff', 'text-background-opacity': 0.7, 'text-background-padding': 1,
          'border-width': 1, 'border-color': '#fff' } },
        { selector: 'node[?seed]', style: { 'border-width': 4, 'border-color': '#1b1f24' } },
        { selector: 'node[?stub]', style: { shape: 'round-rectangle', 'background-opacity': 0.5 } },
        { selector: 'node:selected', style: { 'border-width': 5, 'border-color': '#0969da' } },
        { selector: ':parent', style: {
          'background-opacity': 0.06, 'background-color': 'data(color)', 'border-color': 'data(color)', 'border-width': 2,
          label: 'data(label)', 'text-valign': 'top', 'font-size': 13, 'font-weight': 'bold', shape: 'round-rectangle', padding: 14 } },
        { selector: 'edge', style: {
          width: 1.6, 'curve-style': 'bezier', 'line-color': '#57606a', 'target-arrow-color': '#57606a',
          'target-arrow-shape': 'triangle', 'arrow-scale': 0.9, opacity: 0.85 } },
        { selector: 'edge[kind = "CITES_INFERRED"]', style: {
          'line-style': 'dashed', 'line-color': '#d97706', 'target-arrow-color': '#d97706', width: 'mapData(confidence, 0, 1, 1, 3)' } },
        { selector: 'edge[kind = "SHARED_REPO"]', style: {
          'line-style': 'dotted', 'line-color': '#16a34a', 'target-arrow-shape': 'none', width: 2.2 } },
        { selector: 'edge[kind = "CO_TOPIC"]', style: {
          'line-style': 'solid', 'line-color': '#8250df', 'target-arrow-shape': 'none', opacity: 0.45, width: 'mapData(weight, 0, 1, 1, 3)' } },
        { selector: 'edge.path', style: { width: 3 } },
      ],
    });
    cy.on('tap', 'node', (e) => { if (!e.target.isParent()) select(e.target.id()); });
    cy.on('dbltap', 'node', (e) => { if (!e.target.isParent()) writeState({ paper: e.target.id(), sel: '' }); });
    window.citegraph = { get cy() { return cy; } };
    return cy;
  }

  function nodeElement(p, extra = {}) {
    return {
      group: 'nodes',
      data: {
        id: p.id, title: p.title ?? p.label ?? p.id, year: p.year ?? null,
        label: shortLabel(p.title ?? p.label ?? p.id, p.year), community: p.community ?? null,
        pageRank: p.pageRank ?? null, seed: !!p.seed, stub: !!p.stub, color: communityColor(p.community), ...extra,
      },
    };
  }
  const edgeElement = (e, i) => ({ group: 'edges', data: { id: `e${i}`, ...e } });

  /** Sizes nodes by PageRank relative to the papers drawn (square-root scale, 18–60 px). */
  function sizeByPageRank(elements) {
    const ranks = elements.filter((e) => e.group === 'nodes' && !e.data.parentOnly).map((e) => e.data.pageRank).filter((r) => r != null);
    const max = Math.max(0, ...ranks);
    for (const e of elements) {
      if (e.group !== 'nodes') continue;
      e.data.size = max > 0 && e.data.pageRank != null ? 18 + 42 * Math.sqrt(e.data.pageRank / max) : 24;
    }
  }

  function draw(elements, layout) {
    ensureCy();
    sizeByPageRank(elements);
    papersById.clear();
    for (const e of elements) if (e.group === 'nodes' && !e.data.parentOnly) papersById.set(e.data.id, e.data);
    cy.batch(() => { cy.elements().remove(); cy.add(elements); });
    cy.layout(layout).run();
    cy.fit(undefined, 40);
    // A handful of papers should not fill the screen with giant discs.
    if (cy.zoom() > 1.4) { cy.zoom(1.4); cy.center(); }
    const nodes = cy.nodes().filter((n) => !n.isParent());
    $('graph').dataset.nodes = String(nodes.length);
    $('graph').dataset.edges = String(cy.edges().length);
    renderListing(nodes);
    return nodes.length;
  }

  function renderListing(nodes) {
    const list = $('papers');
    list.replaceChildren();
    const sorted = nodes.toArray().sort((a, b) => (b.data('pageRank') ?? 0) - (a.data('pageRank') ?? 0));
    for (const n of sorted) {
      list.append(el('li', {}, el('button', { type: 'button', text: n.data('label'), onclick: () => select(n.id()) })));
    }
  }

  // ---- Views --------------------------------------------------------------------------------------------------
  async function showNeighbourhood(s) {
    const data = await gql(`query($s: [ID!]!, $r: Int) { subgraph(seeds: $s, radius: $r, maxNodes: 150) {
      nodes { id label year community pageRank seed stub } edges { ${EDGE_FIELDS} } truncated } }`, { s: [s.paper], r: s.radius });
    const g = data.subgraph;
    const elements = [...g.nodes.map((n) => nodeElement(n)), ...g.edges.map(edgeElement)];
    const count = draw(elements, { name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 90, padding: 30 });
    const seed = g.nodes.find((n) => n.seed);
    return `${count} papers, ${g.edges.length} links · neighbourhood of “${seed ? seed.label : s.paper}” (radius ${s.radius})${g.truncated ? ' · cut at 150 papers' : ''}`;
  }

  async function showLineage(s) {
    const data = await gql(`query($id: ID!, $d: Direction, $m: Int) { lineage(paperId: $id, direction: $d, maxDepth: $m, first: 200) {
      root { ${NODE_FIELDS} } nodes { depth paper { ${NODE_FIELDS} } } edges { ${EDGE_FIELDS} } truncated } }`, { id: s.paper, d: s.dir, m: s.depth });
    const l = data.lineage;
    const rows = [{ depth: 0, paper: l.root }, ...l.nodes];
    // Columns by generation (ancestors to the left, descendants to the right), each column ordered by year.
    const byDepth = new Map();
    for (const r of rows) { if (!byDepth.has(r.depth)) byDepth.set(r.depth, []); byDepth.get(r.depth).push(r.paper); }
    const sign = s.dir === 'ANCESTORS' ? -1 : 1;
    const elements = [];
    for (const [depth, papers] of byDepth) {
      papers.sort((a, b) => (a.year ?? 9999) - (b.year ?? 9999) || a.title.localeCompare(b.title));
      papers.forEach((p, i) => {
        const e = nodeElement({ ...p, community: communityNumber(p.community), seed: depth === 0 }, { depth });
        e.position = { x: sign * depth * 230, y: (i - (papers.length - 1) / 2) * 90 };
        elements.push(e);
      });
    }
    elements.push(...l.edges.map(edgeElement));
    const count = draw(elements, { name: 'preset', padding: 30 });
    const what = s.dir === 'ANCESTORS' ? 'ancestors' : 'descendants';
    return `${count} papers, ${l.edges.length} links · ${what} of “${l.root.title}” to depth ${s.depth}${l.truncated ? ' · cut short' : ''}`;
  }

  async function showConnect(s) {
    if (!s.to) {
      const data = await gql(`query($id: ID!) { paper(id: $id) { ${NODE_FIELDS} } }`, { id: s.paper });
      const p = data.paper;
      draw(p ? [nodeElement({ ...p, community: communityNumber(p.community), seed: true })] : [], { name: 'grid' });
      return `Choose a second paper in “Connect to” to see how “${p ? p.title : s.paper}” connects to it.`;
    }
    const data = await gql(`query($a: ID!, $b: ID!) { connect(from: $a, to: $b, maxLength: 6, first: 3) {
      length nodes { ${NODE_FIELDS} } edges { ${EDGE_FIELDS} } } }`, { a: s.paper, b: s.to });
    const paths = data.connect;
    if (paths.length === 0) {
      draw([], { name: 'grid' });
      return 'No connection of up to 6 hops between these papers (over citations either way and shared repositories).';
    }
    const elements = new Map();
    const edges = new Map();
    const longest = Math.max(...paths.map((p) => p.length));
    paths.forEach((path, row) => {
      path.nodes.forEach((p, i) => {
        if (elements.has(p.id)) return;
        const ends = i === 0 || i === path.nodes.length - 1;
        const e = nodeElement({ ...p, community: communityNumber(p.community), seed: ends });
        const x = i === path.nodes.length - 1 ? longest : i;
        e.position = { x: x * 220, y: ends ? ((paths.length - 1) / 2) * 110 : row * 110 };
        elements.set(p.id, e);
      });
      for (const e of path.edges) edges.set(`${e.source}|${e.target}|${e.kind}`, e);
    });
    const all = [...elements.values(), ...[...edges.values()].map((e, i) => ({ ...edgeElement(e, i), classes: 'path' }))];
    const count = draw(all, { name: 'preset', padding: 30 });
    const lengths = paths.map((p) => p.length).join(', ');
    return `${count} papers, ${edges.size} links · ${paths.length} path${paths.length > 1 ? 's' : ''} (hops: ${lengths})`;
  }

  async function showCommunities() {
    const data = await gql(`{ communities(first: 8) { totalCount items { id label size papers(first: 6) { items { ${NODE_FIELDS} } } } } }`);
    const communities = data.communities.items;
    if (communities.length === 0) {
      draw([], { name: 'grid' });
      return 'No communities yet: run analytics (citegraph analyze, or the runAnalytics mutation).';
    }
    const elements = [];
    const ids = [];
    for (const c of communities) {
      const n = communityNumber(c);
      elements.push({ group: 'nodes', data: { id: c.id, label: `${c.label || c.id} · ${c.size} papers`, color: communityColor(n), parentOnly: true } });
      for (const p of c.papers.items) {
        if (ids.includes(p.id)) continue;
        ids.push(p.id);
        elements.push(nodeElement({ ...p, community: n }, { parent: c.id }));
      }
    }
    const sub = await gql(`query($s: [ID!]!) { subgraph(seeds: $s, radius: 0, maxNodes: 50) { edges { ${EDGE_FIELDS} } } }`, { s: ids.slice(0, 50) });
    elements.push(...sub.subgraph.edges.map(edgeElement));
    const count = draw(elements, { name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 12000, padding: 30 });
    return `${count} papers in ${communities.length} of ${data.communities.totalCount} communities (their most central papers) · ${sub.subgraph.edges.length} links`;
  }

  // ---- Details panel ------------------------------------------------------------------------------------------
  async function select(id) {
    if (!cy) return;
    cy.nodes().unselect();
    const node = cy.getElementById(id);
    if (node.nonempty()) node.select();
    writeState({ sel: id }, { replace: true });
    const panel = $('details');
    panel.hidden = false;
    panel.replaceChildren(el('p', { text: 'Loading…' }));
    try {
      const data = await gql(`query($id: ID!) { paper(id: $id) { id title abstract year published authorsCount organization upvotes
        pageRank citationCount referenceCount community { id label } externalIds { kind value } repos { url } links { url kind }
        topics { weight topic { name aliases } } } }`, { id });
      renderDetails(data.paper, id);
    } catch (err) {
      panel.replaceChildren(el('p', { class: 'error', text: err.message }));
    }
  }

  function renderDetails(p, id) {
    const panel = $('details');
    if (!p) { panel.replaceChildren(el('p', { text: `No paper ${id}.` })); return; }
    const rows = [];
    const row = (k, v) => { if (v != null && v !== '') rows.push(el('dt', { text: k }), el('dd', {}, v)); };
    row('Date', p.published || (p.year ? String(p.year) : null));
    row('Authors', p.authorsCount != null ? String(p.authorsCount) : null);
    row('Organization', p.organization);
    row('Upvotes', p.upvotes != null ? String(p.upvotes) : null);
    row('Cited by', String(p.citationCount));
    row('Cites', String(p.referenceCount));
    row('PageRank', p.pageRank != null ? p.pageRank.toFixed(4) : null);
    row('Community', p.community ? `${p.community.id} · ${p.community.label}` : null);
    if (p.topics && p.topics.length) row('Topics', p.topics.slice(0, 12).map((t) => t.topic.name).join(' · '));
    for (const x of p.externalIds) row(x.kind === 'ARXIV' ? 'arXiv' : x.kind, externalLink(x));
    if (p.repos.length) row('Code', el('span', {}, ...p.repos.map((r) => el('span', {}, el('a', { href: r.url, rel: 'noopener noreferrer', target: '_blank', text: r.url.replace(/^https:\/\//, '') }), ' '))));
    if (p.links.length) row('Links', el('span', {}, ...p.links.map((l) => el('span', {}, el('a', { href: l.url, rel: 'noopener noreferrer', target: '_blank', text: l.kind.toLowerCase().replace('_', ' ') }), ' '))));

    const evidence = [];
    if (cy) {
      const node = cy.getElementById(p.id);
      node.connectedEdges().forEach((e) => {
        const kind = e.data('kind');
        if (kind === 'CITES') return;
        const other = e.source().id() === p.id ? e.target() : e.source();
        const name = other.data('title') || other.id();
        if (kind === 'CITES_INFERRED') {
          const verb = e.source().id() === p.id ? 'cites (inferred)' : 'is cited (inferred) by';
          evidence.push(el('li', {}, `${verb} “${name}”: `, el('q', { text: e.data('evidence') || '' }), ` (confidence ${Number(e.data('confidence')).toFixed(2)})`));
        } else if (kind === 'CO_TOPIC') {
          // The evidence names the shared topics that made the link, each with its share of the score.
          const topics = (e.data('evidence') || '').replace(/^shares topics: /, '');
          evidence.push(el('li', {}, `shares topics with “${name}” (score ${Number(e.data('weight')).toFixed(2)}): `, el('q', { text: topics })));
        } else if (kind === 'SHARED_REPO') {
          evidence.push(el('li', {}, `shares `, el('a', { href: e.data('via'), rel: 'noopener noreferrer', target: '_blank', text: (e.data('via') || '').replace(/^https:\/\//, '') }), ` with “${name}”`));
        }
      });
    }

    const state = readState();
    const actions = el('div', { class: 'actions' },
      el('button', { type: 'button', text: 'Neighbourhood', onclick: () => writeState({ mode: 'neighbourhood', paper: p.id, sel: p.id }) }),
      el('button', { type: 'button', text: 'Ancestors', onclick: () => writeState({ mode: 'lineage', dir: 'ANCESTORS', paper: p.id, sel: p.id }) }),
      el('button', { type: 'button', text: 'Descendants', onclick: () => writeState({ mode: 'lineage', dir: 'DESCENDANTS', paper: p.id, sel: p.id }) }),
      state.paper && state.paper !== p.id
        ? el('button', { type: 'button', text: 'Connect with the focus paper', onclick: () => writeState({ mode: 'connect', to: p.id, sel: p.id }) })
        : null);

    panel.replaceChildren(...[
      el('h2', { id: 'details-title', text: p.title }),
      actions,
      el('dl', {}, ...rows),
      evidence.length ? el('section', { class: 'evidence', 'aria-label': 'Evidence of links' }, el('h3', { text: 'Why linked' }), el('ul', {}, ...evidence)) : null,
      p.abstract ? el('p', { class: 'abstract', text: p.abstract }) : null,
    ].filter((c) => c != null));
  }

  function externalLink(x) {
    const url = x.kind === 'ARXIV' ? `https://arxiv.org/abs/${x.value}` : x.kind === 'DOI' ? `https://doi.org/${x.value}` : null;
    return url ? el('a', { href: url, rel: 'noopener noreferrer', target: '_blank', text: x.value }) : x.value;
  }

  // ---- Search with suggestions (ARIA combobox) ------------------------------------------------------------------
  function combobox(input, list, choose) {
    let timer = 0;
    let items = [];
    let active = -1;
    let seq = 0;
    const close = () => { list.hidden = true; input.setAttribute('aria-expanded', 'false'); input.removeAttribute('aria-activedescendant'); active = -1; };
    const highlight = (i) => {
      active = i;
      [...list.children].forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
      if (i >= 0) input.setAttribute('aria-activedescendant', list.children[i].id);
    };
    const pick = (i) => { const item = items[i]; if (!item) return; input.value = item.title; close(); choose(item); };
    async function suggest() {
      const text = input.value.trim();
      if (text.length < 2) { close(); return; }
      const mine = ++seq;
      try {
        // Text without spaces may be an id (CiteGraph id, arXiv id, DOI): look it up too.
        const data = /\s/.test(text)
          ? await gql('query($t: String!) { search(text: $t, first: 8) { paper { id title year } snippet } }', { t: text })
          : await gql(`query($t: String!, $id: ID!) { byId: paper(id: $id) { id title year }
              search(text: $t, first: 8) { paper { id title year } snippet } }`, { t: text, id: text });
        if (mine !== seq) return;
        items = [];
        if (data.byId) items.push({ ...data.byId, snippet: 'exact id' });
        for (const h of data.search) if (!items.some((i) => i.id === h.paper.id)) items.push({ ...h.paper, snippet: h.snippet });
        list.replaceChildren(...items.map((it, i) => el('li', { role: 'option', id: `${list.id}-${i}`, 'aria-selected': 'false', onmousedown: (e) => { e.preventDefault(); pick(i); } },
          it.year ? `${it.title} (${it.year})` : it.title, el('small', { text: it.snippet.replace(/\[|\]/g, '') }))));
        if (items.length === 0) list.replaceChildren(el('li', { role: 'option', 'aria-disabled': 'true', text: 'No paper matches.' }));
        list.hidden = false;
        input.setAttribute('aria-expanded', 'true');
        highlight(items.length ? 0 : -1);
      } catch (err) {
        list.replaceChildren(el('li', { role: 'option', 'aria-disabled': 'true', class: 'error', text: err.message }));
        list.hidden = false;
      }
    }
    input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(suggest, 180); });
    input.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowDown' && items.length) { e.preventDefault(); highlight((active + 1) % items.length); }
      else if (e.key === 'ArrowUp' && items.length) { e.preventDefault(); highlight((active - 1 + items.length) % items.length); }
      else if (e.key === 'Enter') { e.preventDefault(); if (!list.hidden && active >= 0) pick(active); else { clearTimeout(timer); suggest(); } }
      else if (e.key === 'Escape') close();
    });
    input.addEventListener('blur', () => setTimeout(close, 100));
  }

  // ---- Render the state ---------------------------------------------------------------------------------------
  let renderSeq = 0;
  async function render() {
    const s = readState();
    document.querySelectorAll('nav button').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.mode === s.mode)));
    document.querySelectorAll('#controls [data-for]').forEach((c) => { c.hidden = !c.dataset.for.split(' ').includes(s.mode) || (s.mode !== 'communities' && !s.paper); });
    $('radius').value = String(s.radius);
    $('direction').value = s.dir;
    $('depth').value = String(s.depth);
    $('graph').dataset.mode = s.mode;
    updateExports(s);
    const status = $('status');
    if (s.mode !== 'communities' && !s.paper) {
      status.textContent = 'Search for a paper to start.';
      if (cy) draw([], { name: 'grid' });
      return;
    }
    const mine = ++renderSeq;
    status.classList.remove('error');
    status.textContent = 'Loading…';
    try {
      const text = s.mode === 'lineage' ? await showLineage(s)
        : s.mode === 'connect' ? await showConnect(s)
        : s.mode === 'communities' ? await showCommunities()
        : await showNeighbourhood(s);
      if (mine !== renderSeq) return;
      status.textContent = text;
      updateExports(s);
      const sel = s.sel || s.paper;
      if (sel && cy && cy.getElementById(sel).nonempty()) await select(sel);
      else $('details').hidden = true;
    } catch (err) {
      if (mine !== renderSeq) return;
      status.classList.add('error');
      status.textContent = err.message;
    }
  }

  function updateExports(s) {
    let seeds = [];
    let radius = 0;
    if (s.mode === 'neighbourhood') { seeds = [s.paper]; radius = s.radius; }
    else if (cy) { seeds = cy.nodes().filter((n) => !n.isParent()).map((n) => n.id()).slice(0, 50); }
    document.querySelectorAll('.exports a').forEach((a) => {
      const [format, table] = a.dataset.format.split('-');
      const q = new URLSearchParams({ seeds: seeds.join(','), radius: String(radius) });
      if (table) q.set('table', table);
      a.href = seeds.length ? `/export/${format}?${q}` : '#';
    });
  }

  document.addEventListener('DOMContentLoaded', () => {
    combobox($('q'), $('q-suggestions'), (p) => writeState({ paper: p.id, sel: '', mode: readState().mode === 'communities' ? 'neighbourhood' : readState().mode }));
    combobox($('q-to'), $('q-to-suggestions'), (p) => writeState({ mode: 'connect', to: p.id, sel: '' }));
    document.querySelectorAll('nav button').forEach((b) => b.addEventListener('click', () => writeState({ mode: b.dataset.mode })));
    $('radius').addEventListener('change', (e) => writeState({ radius: +e.target.value }));
    $('direction').addEventListener('change', (e) => writeState({ dir: e.target.value }));
    $('depth').addEventListener('change', (e) => writeState({ depth: +e.target.value }));
    window.addEventListener('hashchange', render);
    ensureCy();
    render().then(() => { const s = readState(); updateExports(s); });
  });
})();

// CiteGraph explorer: a start page, a paper's neighbourhood, lineage, similar papers and connections, and the
// communities, drawn with Cytoscape.js; beside the graph its prior and derivative works and a reading list.
// Talks to the GraphQL API at /graphql only; the view lives in the URL hash so it can be shared.
'use strict';

(() => {
  const { dateOf, timeAxis, aggregate, cullLabels, LABEL_PX } = window.CiteGraphLayout;
  const Lists = window.CiteGraphLists;
  const Home = window.CiteGraphHome;
  const Timeline = window.CiteGraphTimeline;

  const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf', '#393b79', '#ad494a'];
  const NO_COMMUNITY = '#b0b0b0';
  const MODES = ['home', 'neighbourhood', 'lineage', 'similar', 'connect', 'communities', 'community', 'timeline'];
  const PAPER_MODES = ['neighbourhood', 'lineage', 'similar', 'connect'];
  const LAYOUTS = {
    neighbourhood: [['force', 'Force'], ['time', 'Time axis'], ['similarity', 'Similarity']],
    lineage: [['time', 'Time axis'], ['generations', 'Generations']],
    similar: [['similarity', 'Similarity'], ['time', 'Time axis']],
    community: [['similarity', 'Similarity'], ['time', 'Time axis']],
  };
  const GENERATION_LIMIT = 40;
  const NODE_FIELDS = 'id title year published pageRank community { id label }';
  const EDGE_FIELDS = 'source target kind weight confidence evidence via sharedTopics { name weight }';

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
    const paper = p.get('paper') || p.get('from') || '';
    let mode = MODES.includes(p.get('mode')) ? p.get('mode') : paper ? 'neighbourhood' : 'home';
    if (PAPER_MODES.includes(mode) && !paper) mode = mode === 'connect' ? 'connect' : 'home';
    const layouts = LAYOUTS[mode] ?? [];
    return {
      mode,
      paper,
      to: p.get('to') || '',
      community: p.get('community') || '',
      radius: clamp(parseInt(p.get('radius') || '1', 10), 1, 3),
      dir: p.get('dir') === 'DESCENDANTS' ? 'DESCENDANTS' : 'ANCESTORS',
      depth: clamp(parseInt(p.get('depth') || '3', 10), 1, 6),
      layout: layouts.some(([v]) => v === p.get('layout')) ? p.get('layout') : layouts[0]?.[0] ?? '',
      sel: p.get('sel') || '',
    };
  }
  function clamp(v, lo, hi) { return Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : lo; }
  function writeState(changes, { replace = false } = {}) {
    const s = { ...readState(), ...changes };
    if ('mode' in changes && !('layout' in changes)) s.layout = '';
    const p = new URLSearchParams();
    p.set('mode', s.mode);
    // Connect names its two ends from and to; every other paper view its paper.
    if (s.paper && PAPER_MODES.includes(s.mode)) p.set(s.mode === 'connect' ? 'from' : 'paper', s.paper);
    if (s.mode === 'connect' && s.to) p.set('to', s.to);
    if (s.mode === 'community' && s.community) p.set('community', s.community);
    if (s.mode === 'neighbourhood') p.set('radius', String(s.radius));
    if (s.mode === 'lineage') { p.set('dir', s.dir); p.set('depth', String(s.depth)); }
    if (s.layout && LAYOUTS[s.mode]) p.set('layout', s.layout);
    if (s.sel) p.set('sel', s.sel);
    const hash = '#' + p.toString();
    if (hash === location.hash) return;
    if (replace) history.replaceState(null, '', hash); else location.hash = hash;
  }

  // ---- Drawing ------------------------------------------------------------------------------------------------
  const communityColor = (c) => (c == null ? NO_COMMUNITY : PALETTE[((c % PALETTE.length) + PALETTE.length) % PALETTE.length]);
  const communityNumber = (community) => (community && community.id ? parseInt(String(community.id).replace(/^C/, ''), 10) : typeof community === 'number' ? community : null);
  const shortLabel = (title, year) => {
    const t = title.length > 42 ? title.slice(0, 40) + '…' : title;
    return year ? `${t} (${year})` : t;
  };

  let cy = null;
  let constantLabels = true;
  const communityLabels = new Map();

  function ensureCy() {
    return cy ?? freshCy();
  }

  /** A new Cytoscape instance for each view, the last one destroyed, so no view's caches outlive it. */
  function freshCy() {
    if (cy) cy.destroy();
    cy = cytoscape({
      container: $('graph'),
      minZoom: 0.05,
      maxZoom: 4,
      style: [
        { selector: 'node', style: {
          'background-color': 'data(color)', width: 'data(size)', height: 'data(size)', label: 'data(label)',
          'font-size': 'data(fs)', 'text-wrap': 'wrap', 'text-max-width': 'data(tw)', 'text-valign': 'bottom', 'text-margin-y': 'data(tm)',
          color: '#1b1f24', 'text-background-color': '#fff', 'text-background-opacity': 0.75, 'text-background-padding': 1,
          'border-width': 1, 'border-color': '#fff' } },
        { selector: 'node.nolabel', style: { label: '' } },
        { selector: 'node[?seed]', style: { 'border-width': 4, 'border-color': '#1b1f24' } },
        { selector: 'node[?stub]', style: { shape: 'round-rectangle', 'background-opacity': 0.5 } },
        { selector: 'node.more', style: { shape: 'round-rectangle', 'border-width': 2, 'border-color': '#57606a', 'border-style': 'dashed', 'font-weight': 'bold' } },
        { selector: 'node.axis', style: { 'background-opacity': 0, 'border-width': 0, color: '#57606a', events: 'no', 'text-background-opacity': 0 } },
        // One line per band name, cut with an ellipsis: two-line names of neighbouring bands overlapped and were culled.
        { selector: 'node.axis[axis = "band"]', style: { 'text-valign': 'center', 'text-halign': 'left', 'font-weight': 'bold', 'text-wrap': 'ellipsis', 'text-max-width': 'data(tw)' } },
        { selector: 'node.axis[axis = "tick"]', style: { 'background-opacity': 1, 'background-color': '#8c959f', shape: 'rectangle' } },
        { selector: 'node.community', style: { 'text-valign': 'center', 'text-halign': 'center', color: '#fff', 'text-background-opacity': 0,
          'text-outline-color': 'data(color)', 'text-outline-width': 2, 'font-weight': 'bold', 'background-opacity': 0.9 } },
        { selector: 'node:selected', style: { 'border-width': 5, 'border-color': '#0969da' } },
        { selector: 'edge', style: {
          width: 1.4, 'curve-style': 'bezier', 'line-color': '#57606a', 'target-arrow-color': '#57606a',
          'target-arrow-shape': 'triangle', 'arrow-scale': 0.8, opacity: 0.7 } },
        { selector: 'edge[kind = "CITES_INFERRED"]', style: {
          'line-style': 'dashed', 'line-color': '#d97706', 'target-arrow-color': '#d97706', width: 'mapData(confidence, 0, 1, 1, 3)' } },
        { selector: 'edge[kind = "SHARED_REPO"]', style: {
          'line-style': 'dotted', 'line-color': '#16a34a', 'target-arrow-shape': 'none', width: 2.2 } },
        { selector: 'edge[kind = "CO_TOPIC"]', style: {
          'line-style': 'solid', 'line-color': '#8250df', 'target-arrow-shape': 'none', opacity: 0.45, width: 'mapData(weight, 0, 1, 1, 3)' } },
        { selector: 'edge[kind = "RELATED"]', style: { 'target-arrow-shape': 'none', 'line-color': '#d0d7de', opacity: 0.35, width: 1, events: 'no' } },
        { selector: 'edge[kind = "AGGREGATE"]', style: { 'line-style': 'dashed', 'line-color': '#afb8c1', 'target-arrow-color': '#afb8c1', opacity: 0.5 } },
        { selector: 'edge[kind = "COMMUNITY"]', style: {
          'curve-style': 'straight', 'target-arrow-shape': 'none', 'line-color': '#8c959f', opacity: 0.5, width: 'data(width)' } },
        { selector: 'edge:selected', style: { 'line-color': '#0969da', 'target-arrow-color': '#0969da', opacity: 1, width: 4 } },
        { selector: 'edge.path', style: { width: 3 } },
      ],
    });
    cy.on('tap', 'node', (e) => {
      const n = e.target;
      if (n.data('axis')) return;
      if (n.data('more')) { expandGeneration(n.data('depth')); return; }
      if (n.data('communityNode')) { writeState({ mode: 'community', community: n.id(), sel: '' }); return; }
      select(n.id());
    });
    cy.on('tap', 'edge', (e) => { if (!['AGGREGATE', 'COMMUNITY', 'RELATED'].includes(e.target.data('kind'))) explainEdge(e.target); });
    cy.on('dbltap', 'node', (e) => { if (!e.target.data('axis') && !e.target.data('more') && !e.target.data('communityNode')) writeState({ paper: e.target.id(), sel: '' }); });
    let cullTimer = 0;
    cy.on('zoom', () => { clearTimeout(cullTimer); cullTimer = setTimeout(() => cullLabels(cy, { constant: constantLabels }), 90); });
    cy.on('destroy', () => clearTimeout(cullTimer));
    window.citegraph = {
      get cy() { return cy; },
      /** The papers drawn (no axis, "+N more" or community nodes). */
      papers: () => cy.nodes().filter((n) => isPaper(n)),
      selection: () => selectionIds(),
      cull: () => cullLabels(cy, { constant: constantLabels }),
      timings,
    };
    return cy;
  }

  const isPaper = (n) => !n.isParent() && !n.data('axis') && !n.data('more') && !n.data('communityNode');

  function nodeElement(p, extra = {}) {
    const community = communityNumber(p.community);
    if (p.community && p.community.label) communityLabels.set(community, p.community.label);
    const title = p.title ?? p.label ?? p.id;
    return {
      group: 'nodes',
      data: {
        id: p.id, title, year: p.year ?? null, published: p.published ?? null, date: dateOf(p.published, p.year),
        label: shortLabel(title, p.year), community, pageRank: p.pageRank ?? null, seed: !!p.seed, stub: !!p.stub,
        color: communityColor(community), fs: LABEL_PX, tw: 170, tm: 3, ...extra,
      },
    };
  }
  const edgeElement = (e, i) => ({ group: 'edges', data: { id: `e${i}`, ...e, sharedTopics: e.sharedTopics ?? [] } });

  /** Sizes nodes by PageRank relative to the papers drawn (square-root scale). */
  function sizeByPageRank(nodes, lo = 18, hi = 60) {
    const ranks = nodes.map((e) => e.data.pageRank).filter((r) => r != null);
    const max = Math.max(0, ...ranks);
    for (const e of nodes) {
      if (e.data.size != null && (e.data.more || e.data.axis || e.data.communityNode)) continue;
      e.data.size = max > 0 && e.data.pageRank != null ? lo + (hi - lo) * Math.sqrt(e.data.pageRank / max) : lo + 4;
    }
  }

  /** Draws elements with a layout: 'time', 'generations' (positions given), 'force', 'similarity' or a Cytoscape layout object. */
  function draw(nodes, edges, layout, { constant = true } = {}) {
    freshCy();
    constantLabels = constant;
    const paperNodes = nodes.filter((n) => !n.data.axis);
    if (layout === 'time') sizeByPageRank(paperNodes, 12, 34); else if (typeof layout === 'string' || !layout.keepSizes) sizeByPageRank(paperNodes);
    let all = [...nodes];
    if (layout === 'time') all = all.concat(timeAxis(paperNodes, { bandLabel: (c) => (c == null ? 'no community' : `C${c} ${communityLabels.get(c) ?? ''}`.trim()) }));
    cy.add([...all, ...edges]);
    cy.layout(layoutOptions(layout)).run();
    // Labels keep their screen size, so their size in the graph depends on the zoom the fit gives: fit, size the
    // labels, and fit again with them, so the band names and the last labels are inside the view.
    for (let pass = 0; pass < 4; pass++) {
      cy.fit(undefined, 30);
      // A handful of papers should not fill the screen with giant discs.
      if (cy.zoom() > 1.4) { cy.zoom(1.4); cy.center(); }
      cullLabels(cy, { constant });
      const box = cy.elements().renderedBoundingBox();
      if (box.x1 >= 0 && box.y1 >= 0 && box.x2 <= cy.width() && box.y2 <= cy.height()) break;
    }
    const papers = cy.nodes().filter(isPaper);
    $('graph').dataset.nodes = String(papers.length);
    $('graph').dataset.edges = String(cy.edges().length);
    $('graph').dataset.layout = typeof layout === 'string' ? layout : layout.name;
    renderListing();
    return papers.length;
  }

  function layoutOptions(layout) {
    if (typeof layout !== 'string') return layout;
    if (layout === 'time' || layout === 'generations') return { name: 'preset', padding: 30 };
    if (layout === 'similarity') {
      // Shared topics pull hard (the higher the co-topic weight, the shorter and stiffer the spring); citations and
      // shared repositories pull gently, so papers group by what they are about.
      return { name: 'cose', animate: false, randomize: false, padding: 30, nodeRepulsion: () => 12000, gravity: 0.6, numIter: 1500,
        idealEdgeLength: (e) => (['CO_TOPIC', 'RELATED'].includes(e.data('kind')) ? 30 + 170 * (1 - Math.min(1, e.data('weight') ?? 0)) : 160),
        edgeElasticity: (e) => (['CO_TOPIC', 'RELATED'].includes(e.data('kind')) ? 20 + 80 * (1 - Math.min(1, e.data('weight') ?? 0)) : 300) };
    }
    return { name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 90, padding: 30 };
  }

  function renderListing() {
    const list = $('papers');
    list.replaceChildren();
    const nodes = cy.nodes().filter((n) => !n.data('axis')).toArray()
      .sort((a, b) => (b.data('more') ? 1 : 0) - (a.data('more') ? 1 : 0) || (b.data('pageRank') ?? 0) - (a.data('pageRank') ?? 0));
    for (const n of nodes) {
      const action = n.data('more') ? () => expandGeneration(n.data('depth'))
        : n.data('communityNode') ? () => writeState({ mode: 'community', community: n.id(), sel: '' }) : () => select(n.id());
      list.append(el('li', {}, el('button', { type: 'button', text: n.data('label'), 'data-id': n.id(), onclick: action })));
    }
    $('papers-count').textContent = String(nodes.length);
  }

  // ---- Views --------------------------------------------------------------------------------------------------
  let lineageCache = null; // the last lineage answer, redrawn without asking again when a generation expands

  async function showNeighbourhood(s) {
    const data = await gql(`query($s: [ID!]!, $r: Int) { subgraph(seeds: $s, radius: $r, maxNodes: 150) {
      nodes { id label year published community pageRank seed stub } edges { ${EDGE_FIELDS} } truncated } }`, { s: [s.paper], r: s.radius });
    const g = data.subgraph;
    const count = draw(g.nodes.map((n) => nodeElement(n)), g.edges.map(edgeElement), s.layout);
    const seed = g.nodes.find((n) => n.seed);
    return `${count} papers, ${g.edges.length} links · neighbourhood of “${seed ? seed.label : s.paper}” (radius ${s.radius})${g.truncated ? ' · cut at 150 papers' : ''}`;
  }

  async function showLineage(s) {
    const key = `${s.paper}|${s.dir}|${s.depth}`;
    if (!lineageCache || lineageCache.key !== key) {
      const data = await gql(`query($id: ID!, $d: Direction, $m: Int) { lineage(paperId: $id, direction: $d, maxDepth: $m, first: 300) {
        root { ${NODE_FIELDS} } nodes { depth paper { ${NODE_FIELDS} } } edges { ${EDGE_FIELDS} } truncated } }`, { id: s.paper, d: s.dir, m: s.depth });
      lineageCache = { key, lineage: data.lineage, expanded: new Set() };
    }
    return drawLineage(s);
  }

  function drawLineage(s) {
    const l = lineageCache.lineage;
    const rows = [{ depth: 0, paper: l.root }, ...l.nodes];
    const nodes = rows.map((r) => nodeElement({ ...r.paper, seed: r.depth === 0 }, { depth: r.depth }));
    const agg = aggregate(nodes, l.edges.map(edgeElement), GENERATION_LIMIT, lineageCache.expanded);
    if (s.layout === 'generations') {
      // Columns by generation (ancestors to the left, descendants to the right), each ordered by date.
      const sign = s.dir === 'ANCESTORS' ? -1 : 1;
      const byDepth = new Map();
      for (const n of agg.nodes) { const d = n.data.depth; if (!byDepth.has(d)) byDepth.set(d, []); byDepth.get(d).push(n); }
      for (const [depth, members] of byDepth) {
        members.sort((a, b) => (a.data.more ? 1 : 0) - (b.data.more ? 1 : 0) || (a.data.date ?? Infinity) - (b.data.date ?? Infinity));
        members.forEach((n, i) => { n.position = { x: sign * depth * 260, y: (i - (members.length - 1) / 2) * 70 }; });
      }
    }
    const count = draw(agg.nodes, agg.edges, s.layout === 'generations' ? 'generations' : 'time');
    const what = s.dir === 'ANCESTORS' ? 'ancestors' : 'descendants';
    const more = agg.gathered ? ` · ${agg.gathered} more in “+N more” nodes (click to expand)` : '';
    return `${count} papers, ${l.edges.length} links · ${what} of “${l.root.title}” to depth ${s.depth}${l.truncated ? ' · cut at 300' : ''}${more}`;
  }

  function expandGeneration(depth) {
    if (!lineageCache) return;
    lineageCache.expanded.add(depth);
    const s = readState();
    $('status').textContent = drawLineage(s);
    refreshWorks();
  }

  async function showSimilar(s) {
    const data = await gql(`query($id: ID!) { paper(id: $id) { ${NODE_FIELDS} }
      related(paperId: $id, first: 40) { score paper { ${NODE_FIELDS} } reasons { kind detail } } }`, { id: s.paper });
    if (!data.paper) return `No paper ${s.paper}.`;
    const ids = [data.paper.id, ...data.related.map((r) => r.paper.id)];
    const sub = await gql(`query($s: [ID!]!) { subgraph(seeds: $s, radius: 0, maxNodes: 50) { edges { ${EDGE_FIELDS} } } }`, { s: ids.slice(0, 50) });
    const nodes = [nodeElement({ ...data.paper, seed: true }), ...data.related.map((r) => nodeElement(r.paper, { score: r.score }))];
    // Faint springs from the focus to each related paper, as strong as its score: the most related sit closest.
    const best = Math.max(1e-9, ...data.related.map((r) => r.score));
    const springs = data.related.map((r, i) => ({ group: 'edges', data: { id: `rel${i}`, source: data.paper.id, target: r.paper.id, kind: 'RELATED', weight: r.score / best } }));
    const count = draw(nodes, [...sub.subgraph.edges.map(edgeElement), ...springs], s.layout);
    return `${count} papers, ${sub.subgraph.edges.length} links · papers similar to “${data.paper.title}” (shared topics, citations, code), grouped by similarity`;
  }

  async function showConnect(s) {
    const names = await gql(`query($a: ID!, $b: ID!) { a: paper(id: $a) { ${NODE_FIELDS} } b: paper(id: $b) { id title } }`, { a: s.paper || '-', b: s.to || '-' });
    // The URL restores both ends: the boxes show the two papers' titles.
    if (names.a) $('q').value = names.a.title;
    if (names.b) $('q-to').value = names.b.title;
    if (!s.paper || !s.to) {
      const p = names.a;
      draw(p ? [nodeElement({ ...p, seed: true })] : [], [], 'force');
      return p ? `Choose a second paper in “Connect to” to see how “${p.title}” connects to it.` : 'Choose the first paper in “Find a paper” and the second in “Connect to”.';
    }
    const data = await gql(`query($a: ID!, $b: ID!) { connect(from: $a, to: $b, maxLength: 6, first: 3) {
      length nodes { ${NODE_FIELDS} } edges { ${EDGE_FIELDS} } } }`, { a: s.paper, b: s.to });
    const paths = data.connect;
    if (paths.length === 0) {
      draw([names.a, names.b].filter(Boolean).map((p) => nodeElement({ ...p, seed: true })), [], 'force');
      return 'No connection of up to 6 hops between these papers (over citations either way, shared repositories and shared topics).';
    }
    const nodes = new Map();
    const edges = new Map();
    const longest = Math.max(...paths.map((p) => p.length));
    paths.forEach((path, row) => {
      path.nodes.forEach((p, i) => {
        if (nodes.has(p.id)) return;
        const ends = i === 0 || i === path.nodes.length - 1;
        const e = nodeElement({ ...p, seed: ends });
        const x = i === path.nodes.length - 1 ? longest : i;
        e.position = { x: x * 240, y: ends ? ((paths.length - 1) / 2) * 120 : row * 120 };
        nodes.set(p.id, e);
      });
      for (const e of path.edges) edges.set(`${e.source}|${e.target}|${e.kind}`, e);
    });
    const count = draw([...nodes.values()], [...edges.values()].map((e, i) => ({ ...edgeElement(e, i), classes: 'path' })), 'generations');
    const lengths = paths.map((p) => p.length).join(', ');
    return `${count} papers, ${edges.size} links · ${paths.length} path${paths.length > 1 ? 's' : ''} (hops: ${lengths})`;
  }

  /** The communities map: one node per community (area by papers, labelled by its distinctive terms), lines by links between them. */
  async function drawCommunityMap(communities, allLinks) {
    let links = allLinks;
    if (communities.length === 0) { draw([], [], 'force'); return { count: 0, links: 0 }; }
    const maxSize = Math.max(...communities.map((c) => c.size));
    // A ring (or two) with room for each label: labels keep their size relative to the discs, so none overlap at any zoom.
    const inner = communities.length > 8 ? 6 : communities.length;
    const nodes = communities.map((c, i) => {
      const n = communityNumber(c);
      communityLabels.set(n, c.label);
      const ring = i < inner ? 0 : 1;
      const k = ring === 0 ? i : i - inner;
      const count = ring === 0 ? inner : communities.length - inner;
      const radius = ring === 0 ? (count > 1 ? 250 : 0) : 520;
      const angle = (2 * Math.PI * k) / Math.max(1, count) - Math.PI / 2 + (ring ? Math.PI / count : 0);
      return {
        group: 'nodes', classes: 'community',
        position: { x: radius * Math.cos(angle), y: radius * Math.sin(angle) },
        data: { id: c.id, communityNode: true, label: `${c.label || c.id}\n${c.size.toLocaleString('en-US')} papers`, title: c.label, size: 50 + 90 * Math.sqrt(c.size / maxSize),
          color: communityColor(n), fs: 16, tw: 150, tm: 0, pageRank: c.size },
      };
    });
    // Every pair is linked somewhere in a corpus this size: keep each community's three strongest links, the lines that say something.
    const strongest = new Set();
    for (const c of communities) {
      links.filter((l) => l.source === c.id || l.target === c.id).sort((a, b) => b.citations + b.coTopic - a.citations - a.coTopic)
        .slice(0, 3).forEach((l) => strongest.add(l));
    }
    links = links.filter((l) => strongest.has(l));
    const maxLinks = Math.max(1, ...links.map((l) => l.citations + l.coTopic));
    const edges = links.map((l, i) => ({ group: 'edges', data: { id: `cl${i}`, source: l.source, target: l.target, kind: 'COMMUNITY',
      citations: l.citations, coTopic: l.coTopic, width: 1 + 9 * Math.sqrt((l.citations + l.coTopic) / maxLinks) } }));
    draw(nodes, edges, { name: 'preset', padding: 30, keepSizes: true }, { constant: false });
    return { count: nodes.length, links: edges.length };
  }

  async function showCommunities() {
    const data = await gql(`{ communities(first: 12) { totalCount items { id label size } } }`);
    const communities = data.communities.items;
    if (communities.length === 0) {
      draw([], [], 'force');
      return 'No communities yet: run analytics (citegraph analyze, or the runAnalytics mutation).';
    }
    const links = (await gql(`query($c: [ID!]) { communityLinks(communityIds: $c, first: 66) { source target citations coTopic } }`, { c: communities.map((c) => c.id) })).communityLinks;
    const map = await drawCommunityMap(communities, links);
    return `${map.count} of ${data.communities.totalCount} communities (the largest) and the strongest links between them · click one to open it`;
  }

  async function showCommunity(s) {
    const data = await gql(`query($id: ID!) { community(id: $id) { id label size papers(first: 80) { items { ${NODE_FIELDS} } } } }`, { id: s.community });
    const c = data.community;
    if (!c) return `No community ${s.community}.`;
    const papers = c.papers.items;
    const sub = await gql(`query($s: [ID!]!) { subgraph(seeds: $s, radius: 0, maxNodes: 50) { edges { ${EDGE_FIELDS} } } }`, { s: papers.slice(0, 50).map((p) => p.id) });
    const count = draw(papers.slice(0, 50).map((p) => nodeElement(p)), sub.subgraph.edges.map(edgeElement), s.layout);
    return `${count} of ${c.size} papers of ${c.id} · ${c.label} · ${sub.subgraph.edges.length} links`;
  }

  // The chart is drawn to its container's width: drawn again (from the same answer) when the window changes it.
  let drawnTimeline = null;
  function drawTimeline(t, open) {
    const box = $('timeline');
    const drawn = Timeline.draw(box, t, { color: communityColor, open });
    // The width after drawing: the one a resize is compared with.
    drawnTimeline = { t, open, width: box.clientWidth };
    return drawn;
  }
  function redrawTimelineOnResize() {
    let timer = 0;
    new ResizeObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const box = $('timeline');
        if (!drawnTimeline || box.hidden || box.clientWidth === drawnTimeline.width) return;
        drawTimeline(drawnTimeline.t, drawnTimeline.open);
      }, 120);
    }).observe($('timeline'));
  }

  /** The communities over the years as a stream chart (SVG beside the graph's place), its events listed at the side. */
  async function showTimeline() {
    const data = await gql(Timeline.QUERY, {});
    const t = data.communityTimeline;
    const side = $('timeline-side');
    side.hidden = false;
    if (t.slices.length === 0) {
      $('timeline').replaceChildren(el('p', { class: 'muted', text: 'No dated papers in communities: load papers with dates and run analytics.' }));
      side.replaceChildren();
      return 'No timeline yet.';
    }
    const open = (id) => writeState({ mode: 'community', community: `C${id}`, sel: '' });
    const drawn = drawTimeline(t, open);
    side.replaceChildren(el('h2', { text: 'Fields over the years' }),
      el('p', { class: 'muted', text: 'Each band is a community, as tall as its papers of the year; ★ born, ⤙ merged, ⤚ split, ✕ died. Click a band to open the community.' }),
      el('h3', { text: 'Events' }), Timeline.eventList(t, { open }));
    return `${drawn.communities} communities over ${drawn.years} years (${t.slices[0].year}–${t.slices.at(-1).year}), ${drawn.events} events marked`;
  }

  async function showHome() {
    const started = performance.now();
    const data = await Home.overview(gql);
    const communities = data.communities.items;
    const ids = new Set(communities.map((c) => c.id));
    const links = data.communityLinks.filter((l) => ids.has(l.source) && ids.has(l.target));
    $('home').hidden = false;
    Home.render($('home'), data, {
      go: (state) => writeState({ sel: '', ...state }),
      search: (text) => { const q = $('q'); q.value = text; q.focus(); q.dispatchEvent(new Event('input')); },
      open: (id) => writeState({ mode: 'neighbourhood', paper: id, sel: '' }),
    });
    await drawCommunityMap(communities, links);
    timings.home = performance.now() - started;
    timings.firstPaint ??= performance.now();
    return `${data.stats.papers.toLocaleString('en-US')} papers · search for one above, or start from an example below`;
  }
  const timings = {};

  // ---- Details panel ------------------------------------------------------------------------------------------
  async function select(id) {
    if (!cy) return;
    cy.elements().unselect();
    const node = cy.getElementById(id);
    if (node.nonempty()) { node.select(); cullLabels(cy, { constant: constantLabels }); }
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

  const titleOf = (n) => n.data('title') || n.id();
  const topicList = (topics) => topics.map((t) => `${t.name} ${Number(t.weight).toFixed(2)}`).join(', ');

  /** Why an edge is there, in words: the evidence of an inferred citation, the shared repository, the shared topics. */
  function edgeReason(e, from) {
    const kind = e.data('kind');
    const source = e.source();
    const target = e.target();
    const other = from && source.id() === from ? target : source;
    const items = [];
    if (kind === 'CITES') {
      items.push(`“${titleOf(source)}” cites “${titleOf(target)}” (stated by a source)`);
    } else if (kind === 'CITES_INFERRED') {
      items.push(`“${titleOf(source)}” cites “${titleOf(target)}” (inferred, confidence ${Number(e.data('confidence')).toFixed(2)}) from the text: `, el('q', { text: e.data('evidence') || '' }));
    } else if (kind === 'SHARED_REPO') {
      items.push(`shares the repository `, el('a', { href: e.data('via'), rel: 'noopener noreferrer', target: '_blank', text: (e.data('via') || '').replace(/^https:\/\//, '') }), ` with “${titleOf(other)}”`);
    } else if (kind === 'CO_TOPIC') {
      const shared = e.data('sharedTopics') || [];
      items.push(`shares topics with “${titleOf(other)}” (score ${Number(e.data('weight')).toFixed(2)}): `,
        el('q', { text: shared.length ? topicList(shared) : (e.data('evidence') || '').replace(/^shares topics: /, '') }));
    }
    return items;
  }

  function explainEdge(e) {
    cy.elements().unselect();
    e.select();
    const panel = $('details');
    panel.hidden = false;
    const kind = e.data('kind');
    const rows = [];
    const row = (k, v) => { if (v != null && v !== '') rows.push(el('dt', { text: k }), el('dd', {}, v)); };
    row('Kind', { CITES: 'citation (explicit)', CITES_INFERRED: 'citation (inferred)', SHARED_REPO: 'shared repository', CO_TOPIC: 'shared topics' }[kind] ?? kind);
    row('From', el('button', { type: 'button', class: 'link', text: titleOf(e.source()), onclick: () => select(e.source().id()) }));
    row('To', el('button', { type: 'button', class: 'link', text: titleOf(e.target()), onclick: () => select(e.target().id()) }));
    if (kind === 'CITES_INFERRED') { row('Confidence', Number(e.data('confidence')).toFixed(2)); row('Evidence', el('q', { text: e.data('evidence') || '' })); }
    if (kind === 'SHARED_REPO') row('Repository', el('a', { href: e.data('via'), rel: 'noopener noreferrer', target: '_blank', text: e.data('via') }));
    if (kind === 'CO_TOPIC') {
      row('Score', Number(e.data('weight')).toFixed(3));
      const shared = e.data('sharedTopics') || [];
      row('Shared topics', shared.length
        ? el('ul', { class: 'shared-topics' }, ...shared.map((t) => el('li', { text: `${t.name} (${Number(t.weight).toFixed(3)})` })))
        : (e.data('evidence') || ''));
    }
    panel.replaceChildren(el('h2', { id: 'details-title', text: 'Why these papers are linked' }), el('p', {}, ...edgeReason(e)), el('dl', {}, ...rows));
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
      cy.getElementById(p.id).connectedEdges().forEach((e) => {
        if (['CITES', 'AGGREGATE', 'COMMUNITY', 'RELATED'].includes(e.data('kind'))) return;
        evidence.push(el('li', {}, ...edgeReason(e, p.id)));
      });
    }

    const state = readState();
    const arxiv = p.externalIds.find((x) => x.kind === 'ARXIV')?.value ?? null;
    const doi = p.externalIds.find((x) => x.kind === 'DOI')?.value ?? null;
    const addButton = el('button', { type: 'button', id: 'add-reading', text: 'Add to reading list', onclick: () => {
      addButton.textContent = Lists.addPaper({ id: p.id, title: p.title, year: p.year, published: p.published, arxiv, doi }) ? 'Added to reading list' : 'Already in reading list';
      renderReading();
    } });
    const actions = el('div', { class: 'actions' },
      el('button', { type: 'button', text: 'Neighbourhood', onclick: () => writeState({ mode: 'neighbourhood', paper: p.id, sel: p.id }) }),
      el('button', { type: 'button', text: 'Ancestors', onclick: () => writeState({ mode: 'lineage', dir: 'ANCESTORS', paper: p.id, sel: p.id }) }),
      el('button', { type: 'button', text: 'Descendants', onclick: () => writeState({ mode: 'lineage', dir: 'DESCENDANTS', paper: p.id, sel: p.id }) }),
      el('button', { type: 'button', text: 'Similar', onclick: () => writeState({ mode: 'similar', paper: p.id, sel: p.id }) }),
      state.paper && state.paper !== p.id && PAPER_MODES.includes(state.mode)
        ? el('button', { type: 'button', text: 'Connect with the focus paper', onclick: () => writeState({ mode: 'connect', to: p.id, sel: p.id }) })
        : null,
      addButton);

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

  // ---- Prior and derivative works of what is drawn, and the reading list ------------------------------------------
  function selectionIds() {
    return cy ? cy.nodes().filter(isPaper).map((n) => n.id()).slice(0, 600) : [];
  }

  let worksSeq = 0;
  async function refreshWorks() {
    const ids = selectionIds();
    const section = $('works');
    section.hidden = ids.length === 0;
    if (ids.length === 0) return;
    const mine = ++worksSeq;
    const fields = 'links inSelection selection paper { id title year published citationCount externalIds { kind value } }';
    const data = await gql(`query($ids: [ID!]!) { priorWorks(paperIds: $ids, first: 20) { ${fields} } derivativeWorks(paperIds: $ids, first: 20) { ${fields} } }`, { ids });
    if (mine !== worksSeq) return;
    const options = {
      open: (id) => select(id),
      isDrawn: (id) => cy.getElementById(id).nonempty(),
      add: (p) => { Lists.addPaper({ ...p, arxiv: p.externalIds.find((x) => x.kind === 'ARXIV')?.value, doi: p.externalIds.find((x) => x.kind === 'DOI')?.value }); renderReading(); },
    };
    Lists.renderWorks($('prior'), data.priorWorks, options);
    Lists.renderWorks($('derivative'), data.derivativeWorks, options);
    section.dataset.ready = String(mine);
  }

  function renderReading() { Lists.renderReadingList($('reading'), { open: (id) => select(id) }); }

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
    const navMode = s.mode === 'community' ? 'communities' : s.mode;
    document.querySelectorAll('nav button').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.mode === navMode)));
    document.querySelectorAll('#controls [data-for]').forEach((c) => { c.hidden = !c.dataset.for.split(' ').includes(s.mode) || (PAPER_MODES.includes(s.mode) && s.mode !== 'connect' && !s.paper); });
    $('radius').value = String(s.radius);
    $('direction').value = s.dir;
    $('depth').value = String(s.depth);
    const layouts = LAYOUTS[s.mode] ?? [];
    $('layout').replaceChildren(...layouts.map(([v, t]) => el('option', { value: v, text: t })));
    $('layout').value = s.layout;
    $('graph').dataset.mode = s.mode;
    $('home').hidden = s.mode !== 'home';
    $('timeline-side').hidden = s.mode !== 'timeline';
    $('timeline').hidden = s.mode !== 'timeline';
    $('graph').hidden = s.mode === 'timeline';
    if (s.mode !== 'connect') $('q-to').value = '';
    updateExports(s);
    const status = $('status');
    const mine = ++renderSeq;
    status.classList.remove('error');
    status.textContent = 'Loading…';
    $('graph').dataset.ready = 'false';
    try {
      const text = s.mode === 'home' ? await showHome()
        : s.mode === 'lineage' ? await showLineage(s)
        : s.mode === 'connect' ? await showConnect(s)
        : s.mode === 'similar' ? await showSimilar(s)
        : s.mode === 'communities' ? await showCommunities()
        : s.mode === 'community' ? await showCommunity(s)
        : s.mode === 'timeline' ? await showTimeline()
        : await showNeighbourhood(s);
      if (mine !== renderSeq) return;
      status.textContent = text;
      updateExports(s);
      const sel = s.sel || (PAPER_MODES.includes(s.mode) ? s.paper : '');
      if (sel && cy && cy.getElementById(sel).nonempty()) await select(sel);
      else $('details').hidden = true;
      if (['home', 'communities', 'timeline'].includes(s.mode)) $('works').hidden = true; else await refreshWorks();
      $('graph').dataset.ready = 'true';
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
    else if (cy) { seeds = selectionIds().slice(0, 50); }
    document.querySelectorAll('.exports a').forEach((a) => {
      const [format, table] = a.dataset.format.split('-');
      const q = new URLSearchParams({ seeds: seeds.join(','), radius: String(radius) });
      if (table) q.set('table', table);
      a.href = seeds.length ? `/export/${format}?${q}` : '#';
    });
  }

  document.addEventListener('DOMContentLoaded', () => {
    combobox($('q'), $('q-suggestions'), (p) => {
      const s = readState();
      writeState({ paper: p.id, sel: '', mode: PAPER_MODES.includes(s.mode) ? s.mode : 'neighbourhood' });
    });
    combobox($('q-to'), $('q-to-suggestions'), (p) => writeState({ mode: 'connect', to: p.id, sel: '' }));
    document.querySelectorAll('nav button').forEach((b) => b.addEventListener('click', () => writeState({ mode: b.dataset.mode })));
    $('radius').addEventListener('change', (e) => writeState({ radius: +e.target.value }));
    $('direction').addEventListener('change', (e) => writeState({ dir: e.target.value }));
    $('depth').addEventListener('change', (e) => writeState({ depth: +e.target.value }));
    $('layout').addEventListener('change', (e) => writeState({ layout: e.target.value }));
    window.addEventListener('hashchange', render);
    redrawTimelineOnResize();
    ensureCy();
    renderReading();
    render();
  });
})();

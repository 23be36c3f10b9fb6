// CiteGraph explorer: layouts of its own (time axis, aggregated generations) and label culling, for large views.
// Plain functions on Cytoscape.js element JSON and collections; explorer.js calls them.
'use strict';

window.CiteGraphLayout = (() => {
  const DAY = 86400000;
  const LABEL_PX = 11; // screen font size of paper labels, whatever the zoom

  /** Milliseconds since the epoch of a paper's publication date ('2024-11-22', or mid-year for a year alone), or null. */
  function dateOf(published, year) {
    let t = null;
    if (published && /^\d{4}-\d{2}-\d{2}/.test(published)) t = Date.parse(published.slice(0, 10) + 'T00:00:00Z');
    else if (published && /^\d{4}-\d{2}$/.test(published)) t = Date.parse(published + '-15T00:00:00Z');
    else if (year) t = Date.UTC(year, 6, 1);
    return Number.isFinite(t) ? t : null;
  }

  /**
   * Time axis: x is the publication date (one linear scale, so an earlier paper is never right of a later one), y the
   * band of its community (largest band first); inside a band, papers too close in time for their discs stack in rows.
   * Adds a band label at the left of each band and date ticks under the bands. Undated papers go in a column left of
   * the earliest date. Returns the added axis elements.
   */
  function timeAxis(nodes, { bandLabel = (c) => (c == null ? 'no community' : `C${c}`), width } = {}) {
    const dated = nodes.filter((n) => n.data.date != null);
    const tMin = Math.min(...dated.map((n) => n.data.date));
    const tMax = Math.max(...dated.map((n) => n.data.date));
    const span = Math.max(tMax - tMin, DAY);
    const w = width ?? Math.min(3200, Math.max(900, nodes.length * 16));
    const xOf = (t) => (t == null ? -70 : ((t - tMin) / span) * w);

    const bands = new Map();
    for (const n of nodes) {
      const key = n.data.more ? 'more' : n.data.community ?? 'none';
      if (!bands.has(key)) bands.set(key, []);
      bands.get(key).push(n);
    }
    // Largest communities on top; the aggregated "+N more" nodes and papers without a community at the bottom.
    const order = [...bands.keys()].sort((a, b) => rank(a) - rank(b) || bands.get(b).length - bands.get(a).length);
    function rank(k) { return k === 'more' ? 2 : k === 'none' ? 1 : 0; }

    const axis = [];
    let y = 0;
    for (const key of order) {
      const members = bands.get(key).sort((a, b) => xOf(a.data.date) - xOf(b.data.date) || (b.data.pageRank ?? 0) - (a.data.pageRank ?? 0));
      const rows = []; // right edge of the last disc of each row
      let rowHeight = 0;
      for (const n of members) {
        const x = xOf(n.data.date);
        const r = n.data.size / 2;
        let row = rows.findIndex((right) => right + 4 <= x - r);
        if (row < 0) { row = rows.length; rows.push(0); }
        rows[row] = x + r;
        rowHeight = Math.max(rowHeight, n.data.size + 10);
        n.position = { x, y: 0, row };
      }
      rowHeight = Math.max(rowHeight, 30);
      for (const n of members) { n.position = { x: n.position.x, y: y + n.position.row * rowHeight }; }
      const label = key === 'more' ? 'more papers' : bandLabel(key === 'none' ? null : key);
      axis.push(axisNode(`band-${key}`, label, { x: -110, y }, 'band'));
      y += rows.length * rowHeight + 46;
    }

    for (const t of ticks(tMin, tMax)) axis.push(axisNode(`tick-${t.label}`, t.label, { x: xOf(t.time), y: y - 10 }, 'tick'));
    return axis;
  }

  function axisNode(id, label, position, kind) {
    return { group: 'nodes', data: { id, label, axis: kind, size: kind === 'tick' ? 4 : 1, color: '#8c959f', fs: LABEL_PX, tw: 160, tm: 3 }, position, selectable: false, grabbable: false, classes: 'axis' };
  }

  /** Dates for ticks: months, quarters or years, so that about a dozen at most fit the span. */
  function ticks(tMin, tMax) {
    if (!Number.isFinite(tMin)) return [];
    const start = new Date(tMin);
    const months = (new Date(tMax).getUTCFullYear() - start.getUTCFullYear()) * 12 + new Date(tMax).getUTCMonth() - start.getUTCMonth() + 1;
    const step = [1, 2, 3, 6, 12, 24, 60].find((s) => months / s <= 12) ?? 120;
    const out = [];
    let y = start.getUTCFullYear();
    let m = Math.ceil(start.getUTCMonth() / step) * step;
    if (step >= 12) { y = Math.ceil(y / (step / 12)) * (step / 12); m = 0; }
    for (;;) {
      const t = Date.UTC(y + Math.floor(m / 12), m % 12, 1);
      if (t > tMax) break;
      if (t >= tMin) out.push({ time: t, label: step >= 12 ? String(y + Math.floor(m / 12)) : `${y + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}` });
      m += step;
    }
    if (out.length === 0) out.push({ time: tMin, label: new Date(tMin).toISOString().slice(0, 7) });
    return out;
  }

  /**
   * Generations too big to read: each generation of more than <paramref name="limit"/> papers keeps its most central
   * ones and gathers the rest into one "+N more" node (unless the user expanded it); edges to gathered papers go to it.
   */
  function aggregate(nodes, edges, limit, expanded) {
    const byDepth = new Map();
    for (const n of nodes) {
      const d = n.data.depth ?? 0;
      if (!byDepth.has(d)) byDepth.set(d, []);
      byDepth.get(d).push(n);
    }
    const gathered = new Map(); // paper id -> more node id
    const more = [];
    for (const [depth, members] of byDepth) {
      if (depth === 0 || members.length <= limit || expanded.has(depth)) continue;
      members.sort((a, b) => (b.data.pageRank ?? 0) - (a.data.pageRank ?? 0) || a.data.id.localeCompare(b.data.id));
      const rest = members.slice(limit);
      const id = `more-${depth}`;
      for (const n of rest) gathered.set(n.data.id, id);
      const dates = rest.map((n) => n.data.date).filter((t) => t != null).sort((a, b) => a - b);
      more.push({
        group: 'nodes',
        classes: 'more',
        data: { id, more: true, depth, label: `+${rest.length} more (generation ${depth})`, title: `${rest.length} more papers of generation ${depth}`,
          count: rest.length, date: dates.length ? dates[Math.floor(dates.length / 2)] : null, size: 30, color: '#d0d7de', fs: LABEL_PX, tw: 160, tm: 3 },
      });
    }
    const keptNodes = nodes.filter((n) => !gathered.has(n.data.id)).concat(more);
    const seen = new Set();
    const keptEdges = [];
    for (const e of edges) {
      const source = gathered.get(e.data.source) ?? e.data.source;
      const target = gathered.get(e.data.target) ?? e.data.target;
      if (source === target) continue;
      if (source === e.data.source && target === e.data.target) { keptEdges.push(e); continue; }
      const key = `${source}|${target}`;
      if (seen.has(key)) continue;
      seen.add(key);
      keptEdges.push({ group: 'edges', classes: 'agg', data: { id: `agg-${key}`, source, target, kind: 'AGGREGATE' } });
    }
    return { nodes: keptNodes, edges: keptEdges, gathered: gathered.size };
  }

  /**
   * Shows as many labels as fit without overlapping, most important first (axis labels, the view's seeds, the
   * selection, "+N more" nodes, then by PageRank, then by degree). Label text keeps one screen size at any zoom, so
   * zooming in makes room and more labels appear. Overlap is judged on Cytoscape's own rendered label boxes, measured
   * afresh (useCache: false): Cytoscape 3.34 keeps a node's cached box when only its font size changes, so the cached
   * boxes were those of the previous zoom's labels — labels overlapped, and fit cut the band names off.
   */
  function cullLabels(cy, { constant = true } = {}) {
    // The zoom in steps of √2: label sizes change only at each step, so Cytoscape's label textures are reused between
    // zooms instead of re-rendered (and held) at every fractional zoom.
    const z = Math.pow(2, Math.round(2 * Math.log2(cy.zoom())) / 2);
    const all = cy.nodes().filter((n) => !n.isParent());
    cy.batch(() => {
      all.removeClass('nolabel');
      if (constant) all.forEach((n) => { if (n.data('fs') !== LABEL_PX / z) { n.data('fs', LABEL_PX / z); n.data('tw', 170 / z); n.data('tm', 3 / z); } });
    });
    const order = all.toArray().sort((a, b) => priority(b) - priority(a) || (b.data('pageRank') ?? 0) - (a.data('pageRank') ?? 0)
      || b.degree() - a.degree() || a.id().localeCompare(b.id()));
    const shown = [];
    const hidden = [];
    for (const n of order) {
      if (!n.data('label')) continue;
      const box = n.renderedBoundingBox({ includeLabels: true, includeOverlays: false, useCache: false });
      if (shown.some((b) => overlaps(b, box))) hidden.push(n); else shown.push(box);
    }
    cy.batch(() => { for (const n of hidden) n.addClass('nolabel'); });
    return { shown: shown.length, hidden: hidden.length };
  }

  function priority(n) {
    if (n.data('axis')) return 5;
    if (n.data('seed')) return 4;
    if (n.selected()) return 3;
    if (n.data('more')) return 2;
    return 0;
  }

  const overlaps = (a, b) => a.x1 < b.x2 + 1 && b.x1 < a.x2 + 1 && a.y1 < b.y2 + 1 && b.y1 < a.y2 + 1;

  return { dateOf, timeAxis, aggregate, cullLabels, overlaps, LABEL_PX };
})();

// CiteGraph explorer: the fields over the years (`communityTimeline`) as a stream chart, drawn as plain SVG.
// Per year a column of the communities present that year, one band each, as tall as its papers of the year; a
// community's bands of consecutive years are joined into a stream. BORN, MERGED, SPLIT and DIED events are marked on
// their community's band in their year. explorer.js calls draw() and handles clicks through the callbacks.
'use strict';

window.CiteGraphTimeline = (() => {
  const SVG = 'http://www.w3.org/2000/svg';
  const QUERY = `query($from: Int, $to: Int) { communityTimeline(from: $from, to: $to) {
    slices { year papers communities { id size community { label } } }
    events { year kind communityId size previousSize related { communityId share } } } }`;
  const MARKED = ['BORN', 'MERGED', 'SPLIT', 'DIED'];
  const SYMBOL = { BORN: '★', MERGED: '⤙', SPLIT: '⤚', DIED: '✕', GREW: '▲', SHRANK: '▼' };
  const WORDS = { BORN: 'born', MERGED: 'merged', SPLIT: 'split', DIED: 'died', GREW: 'grew', SHRANK: 'shrank' };

  const svg = (tag, attrs = {}, ...children) => {
    const e = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (k.startsWith('on')) e.addEventListener(k.slice(2), v); else e.setAttribute(k, String(v));
    }
    for (const c of children) if (c != null) e.append(c);
    return e;
  };
  const title = (text) => svg('title', {}, text);

  /**
   * Draws the timeline into <paramref name="container"/>. Bands keep one vertical order over the years (largest
   * community over all years first) and each year's column is centred, so a field's stream keeps its place.
   */
  function draw(container, timeline, { color, open }) {
    const slices = timeline.slices;
    const width = Math.max(480, container.clientWidth || 900);
    const height = Math.max(360, container.clientHeight || 600);
    const margin = { top: 40, bottom: 56, left: 40, right: 40 };
    const labels = new Map();
    const total = new Map();
    for (const s of slices) {
      for (const c of s.communities) {
        total.set(c.id, (total.get(c.id) ?? 0) + c.size);
        if (c.community?.label) labels.set(c.id, c.community.label);
      }
    }
    const order = [...total.keys()].sort((a, b) => total.get(b) - total.get(a) || a - b);
    const rank = new Map(order.map((id, i) => [id, i]));
    const gap = 3;
    const maxColumn = Math.max(1, ...slices.map((s) => s.communities.reduce((sum, c) => sum + c.size, 0) + 0));
    const maxBands = Math.max(1, ...slices.map((s) => s.communities.length));
    const scale = (height - margin.top - margin.bottom - gap * maxBands) / maxColumn;
    const columnWidth = Math.min(90, Math.max(24, (width - margin.left - margin.right) / Math.max(1, slices.length) / 3));
    const step = slices.length > 1 ? (width - margin.left - margin.right - columnWidth) / (slices.length - 1) : 0;
    const xOf = (i) => margin.left + i * step + (slices.length > 1 ? 0 : (width - margin.left - margin.right - columnWidth) / 2);

    // Each year's bands, stacked in the common order and centred on the chart's middle line.
    const boxes = slices.map((s, i) => {
      const members = [...s.communities].sort((a, b) => rank.get(a.id) - rank.get(b.id));
      const columnHeight = members.reduce((sum, c) => sum + c.size * scale + gap, -gap);
      let y = margin.top + (height - margin.top - margin.bottom - columnHeight) / 2;
      const placed = new Map();
      for (const c of members) {
        const h = Math.max(1, c.size * scale);
        placed.set(c.id, { x: xOf(i), y, w: columnWidth, h, size: c.size });
        y += h + gap;
      }
      return placed;
    });

    const flows = svg('g', { class: 'flows' });
    const bands = svg('g', { class: 'bands' });
    const text = svg('g', { class: 'band-labels' });
    const marks = svg('g', { class: 'events' });
    const axis = svg('g', { class: 'years' });
    const name = (id) => `C${id}${labels.has(id) ? ' · ' + labels.get(id) : ''}`;

    slices.forEach((s, i) => {
      axis.append(svg('text', { x: xOf(i) + columnWidth / 2, y: height - margin.bottom + 24, 'text-anchor': 'middle', class: 'year' }, `${s.year}`));
      axis.append(svg('text', { x: xOf(i) + columnWidth / 2, y: height - margin.bottom + 40, 'text-anchor': 'middle', class: 'papers' }, `${s.papers.toLocaleString('en-US')} papers`));
      for (const [id, b] of boxes[i]) {
        bands.append(svg('rect', {
          class: 'slice', x: b.x, y: b.y, width: b.w, height: b.h, fill: color(id), tabindex: 0, role: 'button',
          'data-community': id, 'data-year': s.year, 'data-size': b.size,
          'aria-label': `${name(id)}: ${b.size} papers in ${s.year}; open the community`,
          onclick: () => open(id), onkeydown: (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); open(id); } },
        }, title(`${name(id)}\n${b.size.toLocaleString('en-US')} papers in ${s.year}`)));
        // The stream on to the next year, when the community is there too.
        const next = boxes[i + 1]?.get(id);
        if (next) {
          const x1 = b.x + b.w;
          const x2 = next.x;
          const mx = (x1 + x2) / 2;
          const d = `M${x1},${b.y} C${mx},${b.y} ${mx},${next.y} ${x2},${next.y} L${x2},${next.y + next.h} C${mx},${next.y + next.h} ${mx},${b.y + b.h} ${x1},${b.y + b.h} Z`;
          flows.append(svg('path', { class: 'flow', d, fill: color(id), 'data-community': id, 'data-from': s.year, 'data-to': slices[i + 1].year, onclick: () => open(id) },
            title(`${name(id)}: ${b.size} → ${next.size} papers`)));
        }
      }
    });

    // One label per community, on its tallest band, when the band is tall enough to hold it.
    for (const id of order) {
      let best = null;
      let bestYear = 0;
      boxes.forEach((placed, i) => { const b = placed.get(id); if (b && (!best || b.h > best.h)) { best = b; bestYear = i; } });
      if (!best || best.h < 13) continue;
      const x = bestYear < slices.length - 1 ? best.x + best.w + 6 : best.x - 6;
      text.append(svg('text', { x, y: best.y + best.h / 2 + 4, 'text-anchor': bestYear < slices.length - 1 ? 'start' : 'end', class: 'band-label', 'data-community': id },
        name(id).length > 44 ? name(id).slice(0, 43) + '…' : name(id)));
    }

    // Events: a symbol on the community's band in the event's year (BORN, MERGED, SPLIT, DIED), lines to the other side.
    const yearIndex = new Map(slices.map((s, i) => [s.year, i]));
    const events = timeline.events.filter((e) => MARKED.includes(e.kind));
    for (const e of events) {
      const i = yearIndex.get(e.year);
      if (i == null) continue;
      // A community that died has no band in its year: mark the end of its last band.
      const b = boxes[i].get(e.communityId) ?? boxes[i - 1]?.get(e.communityId);
      if (!b) continue;
      const cx = boxes[i].has(e.communityId) ? b.x + b.w / 2 : b.x + b.w + 8;
      const cy = b.y + b.h / 2;
      const others = e.related.map((r) => `C${r.communityId} (${Math.round(r.share * 100)}%)`).join(', ');
      const what = `${name(e.communityId)} ${WORDS[e.kind]} in ${e.year}${others ? (e.kind === 'MERGED' ? ' from ' : ' into ') + others : ''}`;
      const g = svg('g', { class: `event ${e.kind.toLowerCase()}`, 'data-kind': e.kind, 'data-year': e.year, 'data-community': e.communityId, role: 'img', 'aria-label': what }, title(what));
      for (const r of e.related) {
        const o = boxes[i - 1]?.get(r.communityId) ?? boxes[i].get(r.communityId);
        if (o) g.append(svg('line', { class: 'event-link', x1: o.x + o.w, y1: o.y + o.h / 2, x2: cx, y2: cy }));
      }
      g.append(svg('circle', { cx, cy, r: 9 }), svg('text', { x: cx, y: cy + 4, 'text-anchor': 'middle' }, SYMBOL[e.kind]));
      marks.append(g);
    }

    const chart = svg('svg', { id: 'timeline-chart', viewBox: `0 0 ${width} ${height}`, width, height, role: 'group',
      'aria-label': `Communities per year, ${slices[0]?.year ?? ''}–${slices.at(-1)?.year ?? ''}: bands sized by papers, events marked` },
    flows, bands, text, marks, axis);
    container.replaceChildren(chart);
    return { years: slices.length, communities: order.length, events: events.length };
  }

  /** The events as a list beside the chart, for reading and for the keyboard. */
  function eventList(timeline, { open }) {
    const list = document.createElement('ol');
    list.className = 'timeline-events';
    for (const e of timeline.events) {
      const li = document.createElement('li');
      li.dataset.kind = e.kind;
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'link';
      button.textContent = `C${e.communityId}`;
      button.addEventListener('click', () => open(e.communityId));
      const others = e.related.map((r) => `C${r.communityId}`).join(', ');
      li.append(`${e.year} ${SYMBOL[e.kind]} `, button,
        ` ${WORDS[e.kind]}${others ? (e.kind === 'MERGED' ? ' from ' : ' into ') + others : ''} (${e.previousSize} → ${e.size} papers)`);
      list.append(li);
    }
    return list;
  }

  return { QUERY, draw, eventList, MARKED };
})();

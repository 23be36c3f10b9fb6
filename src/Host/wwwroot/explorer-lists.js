// CiteGraph explorer: the lists beside the graph (prior and derivative works of the drawn papers, sortable) and the
// reading list (kept in this browser, exported as BibTeX or CSV without asking the server).
'use strict';

window.CiteGraphLists = (() => {
  const STORE_KEY = 'citegraph.readingList';
  const el = (tag, props = {}, ...children) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (k === 'text') e.textContent = v; else if (k.startsWith('on')) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v);
    }
    for (const c of children) if (c != null) e.append(c);
    return e;
  };

  // ---- Prior and derivative works -------------------------------------------------------------------------------
  const COLUMNS = [
    { key: 'title', label: 'Paper', value: (w) => w.paper.title.toLowerCase(), numeric: false },
    { key: 'year', label: 'Year', value: (w) => w.paper.year ?? 0, numeric: true },
    { key: 'links', label: 'Links', value: (w) => w.links, numeric: true, help: 'papers of the view it is linked to' },
    { key: 'cited', label: 'Cited by', value: (w) => w.paper.citationCount, numeric: true, help: 'citations in the whole corpus' },
  ];

  /**
   * Fills a works table (priorWorks or derivativeWorks of the drawn papers): rows in the API's order until a column
   * header is clicked; a title opens the paper (selects its node when drawn), "+" adds it to the reading list.
   */
  function renderWorks(container, works, { open, add, isDrawn }) {
    let sort = null;
    const table = el('table', { class: 'works' });
    const head = el('tr');
    const body = el('tbody');
    for (const c of COLUMNS) {
      const th = el('th', { scope: 'col', 'aria-sort': 'none' });
      th.append(el('button', { type: 'button', text: c.label, title: c.help ? `Sort by ${c.help}` : `Sort by ${c.label.toLowerCase()}`, onclick: () => {
        sort = sort && sort.key === c.key ? { key: c.key, dir: -sort.dir } : { key: c.key, dir: c.numeric ? -1 : 1 };
        head.querySelectorAll('th').forEach((h) => h.setAttribute('aria-sort', 'none'));
        th.setAttribute('aria-sort', sort.dir > 0 ? 'ascending' : 'descending');
        fill();
      } }));
      head.append(th);
    }
    head.append(el('th', { scope: 'col' }, el('span', { class: 'visually-hidden', text: 'Reading list' })));
    table.append(el('thead', {}, head), body);
    function fill() {
      const rows = [...works];
      if (sort) {
        const c = COLUMNS.find((x) => x.key === sort.key);
        rows.sort((a, b) => { const x = c.value(a); const y = c.value(b); return (x < y ? -1 : x > y ? 1 : 0) * sort.dir; });
      }
      body.replaceChildren(...rows.map((w) => el('tr', { 'data-id': w.paper.id, class: isDrawn(w.paper.id) ? 'drawn' : '' },
        el('td', {}, el('button', { type: 'button', class: 'link', text: w.paper.title, title: isDrawn(w.paper.id) ? 'Select it in the graph' : 'Open it', onclick: () => open(w.paper.id) })),
        el('td', { class: 'num', text: w.paper.year ?? '' }),
        el('td', { class: 'num', text: String(w.links) }),
        el('td', { class: 'num', text: String(w.paper.citationCount) }),
        el('td', {}, el('button', { type: 'button', class: 'add', text: '+', 'aria-label': `Add “${w.paper.title}” to the reading list`, onclick: () => add(w.paper) })))));
    }
    fill();
    container.replaceChildren(works.length ? table : el('p', { class: 'muted', text: 'None among the citations known.' }));
  }

  // ---- Reading list ------------------------------------------------------------------------------------------------
  function load() {
    try { return JSON.parse(localStorage.getItem(STORE_KEY) || '[]'); } catch { return []; }
  }
  function save(items) { localStorage.setItem(STORE_KEY, JSON.stringify(items)); }

  /** Adds a paper ({id, title, year, published, arxiv, doi}) unless it is there already; returns whether it was added. */
  function addPaper(p) {
    const items = load();
    if (items.some((i) => i.id === p.id)) return false;
    items.push({ id: p.id, title: p.title, year: p.year ?? null, published: p.published ?? null, arxiv: p.arxiv ?? null, doi: p.doi ?? null });
    save(items);
    return true;
  }
  function remove(id) { save(load().filter((i) => i.id !== id)); }
  function clear() { save([]); }

  /** BibTeX: one @misc entry per paper, keys from the first title word and the year, made unique. */
  function bibtex(items) {
    const keys = new Set();
    return items.map((p) => {
      const word = (p.title.normalize('NFKD').replace(/[^\w\s]/g, ' ').split(/\s+/).find((w) => w.length > 3) || 'paper').toLowerCase().replace(/[^a-z0-9]/g, '');
      let key = `${word || 'paper'}${p.year ?? ''}`;
      for (let i = 2; keys.has(key); i++) key = `${word}${p.year ?? ''}${String.fromCharCode(95 + i)}`;
      keys.add(key);
      const fields = [['title', `{${escapeTex(p.title)}}`]];
      if (p.year) fields.push(['year', String(p.year)]);
      if (p.arxiv) fields.push(['eprint', p.arxiv], ['archiveprefix', 'arXiv'], ['url', `https://arxiv.org/abs/${p.arxiv}`]);
      if (p.doi) fields.push(['doi', p.doi]);
      fields.push(['note', `CiteGraph ${p.id}`]);
      return `@misc{${key},\n${fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n')}\n}\n`;
    }).join('\n');
  }

  // Braces must balance in a BibTeX value and TeX's special characters must be escaped.
  function escapeTex(s) {
    return s.replace(/\\/g, ' ').replace(/[{}]/g, '').replace(/([&%$#_])/g, '\\$1').replace(/~/g, '\\~{}').replace(/\^/g, '\\^{}');
  }

  /** CSV (RFC 4180): id,title,year,published,arxiv,doi. */
  function csv(items) {
    const q = (v) => (v == null ? '' : /[",\r\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
    return ['id,title,year,published,arxiv,doi', ...items.map((p) => [p.id, p.title, p.year, p.published, p.arxiv, p.doi].map(q).join(','))].join('\r\n') + '\r\n';
  }

  /** Saves text as a file from the page itself (a blob URL: nothing leaves the browser). */
  function download(name, type, text) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = el('a', { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  function renderReadingList(container, { open }) {
    const items = load();
    const list = el('ol', { class: 'reading' }, ...items.map((p) => el('li', { 'data-id': p.id },
      el('button', { type: 'button', class: 'link', text: p.year ? `${p.title} (${p.year})` : p.title, onclick: () => open(p.id) }), ' ',
      el('button', { type: 'button', class: 'add', text: '×', 'aria-label': `Remove “${p.title}” from the reading list`, onclick: () => { remove(p.id); renderReadingList(container, { open }); } }))));
    const actions = el('div', { class: 'actions' },
      el('button', { type: 'button', id: 'export-bibtex', text: 'Export BibTeX', onclick: () => download('reading-list.bib', 'application/x-bibtex', bibtex(load())) }),
      el('button', { type: 'button', id: 'export-csv', text: 'Export CSV', onclick: () => download('reading-list.csv', 'text/csv', csv(load())) }),
      el('button', { type: 'button', text: 'Clear', onclick: () => { clear(); renderReadingList(container, { open }); } }));
    container.replaceChildren(...(items.length ? [list, actions] : [el('p', { class: 'muted', text: 'Empty: add papers with “Add to reading list” or the + beside a listed work.' })]));
    const count = document.getElementById('reading-count');
    if (count) count.textContent = String(items.length);
  }

  return { renderWorks, addPaper, load, bibtex, csv, renderReadingList };
})();

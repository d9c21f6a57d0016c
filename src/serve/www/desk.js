// The map desk: the article goes to /api/extract once (places and claims
// to list) and to /api/render at every change; the newest answer wins.
'use strict';
(() => {
  const $ = (id) => document.getElementById(id);
  const state = { extraction: null, dropPlaces: new Set(), dropClaims: new Set(), rename: {}, mapUrl: null, seq: 0 };
  const TYPES = { text: 'text/plain', markdown: 'text/markdown', html: 'text/html', json: 'application/json' };

  function status(text, isError) {
    $('status').textContent = text;
    $('status').classList.toggle('error', !!isError);
  }

  function headers(extra) {
    const h = Object.assign({}, extra);
    const token = sessionStorage.getItem('borderline-token');
    if (token) h.Authorization = 'Bearer ' + token;
    return h;
  }

  async function call(path, options) {
    const res = await fetch(path, Object.assign({}, options, { headers: headers(options && options.headers) }));
    if (res.status === 401) {
      $('token-box').hidden = false;
      throw new Error('this server needs an access token: enter it below the settings');
    }
    if (!res.ok) {
      let msg = 'HTTP ' + res.status;
      try { msg = (await res.json()).error || msg; } catch (e) { /* not JSON */ }
      const err = new Error(msg);
      err.status = res.status;
      throw err;
    }
    return res;
  }

  // Which reader: the menu, else the dropped file's name, else the server sniffs.
  let fileKind = '';
  function inputKind() { return $('input-kind').value || fileKind || ''; }

  function renderRequest(format) {
    const req = {
      article: $('article').value,
      style: $('style').value,
      size: $('size').value,
      format: format,
    };
    if (inputKind()) req.input = inputKind();
    if ($('worldview').value) req.worldview = $('worldview').value;
    if ($('title').value.trim()) req.title = $('title').value.trim();
    if ($('subtitle').value.trim()) req.subtitle = $('subtitle').value.trim();
    if ($('source').value.trim()) req.source = $('source').value.trim();
    if ($('language').value !== 'en') req.lang = $('language').value;
    if (state.dropPlaces.size) req.drop_places = [...state.dropPlaces];
    if (state.dropClaims.size) req.drop_claims = [...state.dropClaims];
    const rename = {};
    for (const [id, name] of Object.entries(state.rename)) if (name.trim()) rename[id] = name.trim();
    if (Object.keys(rename).length) req.rename = rename;
    return req;
  }

  async function render() {
    if (!$('article').value.trim() || !state.extraction) return;
    const seq = ++state.seq;
    $('map').classList.add('stale');
    status('Drawing the map…');
    try {
      const res = await call('/api/render', {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(renderRequest('png')),
      });
      const blob = await res.blob();
      if (seq !== state.seq) return;  // a newer change is being drawn
      if (state.mapUrl) URL.revokeObjectURL(state.mapUrl);
      state.mapUrl = URL.createObjectURL(blob);
      const img = $('map');
      img.alt = decodeURIComponent(res.headers.get('X-Alt-Text') || 'the map');
      img.src = state.mapUrl;
      img.hidden = false;
      img.classList.remove('stale');
      $('empty').hidden = true;
      document.querySelectorAll('#downloads button').forEach((b) => { b.disabled = false; });
      document.body.dataset.renders = String(Number(document.body.dataset.renders || 0) + 1);
      status('Map ready: ' + state.extraction.places.length + ' places, ' + state.extraction.claims.length + ' claims found.');
    } catch (e) {
      if (seq === state.seq) status(e.message, true);
    }
  }

  function listPlaces(x) {
    const ul = $('places');
    ul.textContent = '';
    x.places.forEach((p) => {
      const li = document.createElement('li');
      li.dataset.id = p.id;
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.checked = !state.dropPlaces.has(p.id);
      box.id = 'place-' + p.id;
      box.setAttribute('aria-label', 'Show ' + p.name);
      const what = document.createElement('label');
      what.className = 'what';
      what.htmlFor = box.id;
      what.textContent = p.name + ' ';
      const kind = document.createElement('span');
      kind.className = 'kind';
      kind.textContent = p.kind + (p.country ? ' · ' + p.country : '');
      what.appendChild(kind);
      const name = document.createElement('input');
      name.type = 'text';
      name.placeholder = 'rename ' + p.name;
      name.setAttribute('aria-label', 'New name for ' + p.name);
      name.value = state.rename[p.id] || '';
      li.classList.toggle('dropped', !box.checked);
      box.addEventListener('change', () => {
        if (box.checked) state.dropPlaces.delete(p.id); else state.dropPlaces.add(p.id);
        li.classList.toggle('dropped', !box.checked);
        render();
      });
      name.addEventListener('change', () => { state.rename[p.id] = name.value; render(); });
      li.append(box, what, name);
      ul.appendChild(li);
    });
    if (!x.places.length) ul.textContent = 'none';
  }

  function listClaims(x) {
    const ul = $('claims');
    ul.textContent = '';
    x.claims.forEach((c, i) => {
      const li = document.createElement('li');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.checked = !state.dropClaims.has(c.start);
      box.id = 'claim-' + i;
      const what = document.createElement('label');
      what.className = 'what';
      what.htmlFor = box.id;
      const who = c.actor.country || c.actor.text || '?';
      what.textContent = who + ' (' + c.stance + '): ' + (c.text.length > 140 ? c.text.slice(0, 137) + '…' : c.text);
      li.classList.toggle('dropped', !box.checked);
      box.addEventListener('change', () => {
        if (box.checked) state.dropClaims.delete(c.start); else state.dropClaims.add(c.start);
        li.classList.toggle('dropped', !box.checked);
        render();
      });
      li.append(box, what);
      ul.appendChild(li);
    });
    if (!x.claims.length) ul.textContent = 'none';
  }

  async function articleChanged() {
    const text = $('article').value;
    if (!text.trim()) return;
    const seq = ++state.seq;
    status('Reading the article…');
    try {
      const kind = inputKind();
      const res = await call('/api/extract', {
        method: 'POST', headers: { 'Content-Type': TYPES[kind] || 'text/plain' }, body: text,
      });
      const x = await res.json();
      if (seq !== state.seq) return;
      // A new article starts with nothing dropped or renamed.
      state.extraction = x;
      state.dropPlaces.clear();
      state.dropClaims.clear();
      state.rename = {};
      $('title').placeholder = x.title || 'the headline';
      listPlaces(x);
      listClaims(x);
      render();
    } catch (e) {
      if (seq === state.seq) status(e.message, true);
    }
  }

  function debounce(fn, ms) {
    let t = null;
    return () => { clearTimeout(t); t = setTimeout(fn, ms); };
  }

  async function download(format) {
    status('Preparing ' + format.toUpperCase() + '…');
    try {
      const res = await call('/api/render', {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(renderRequest(format)),
      });
      const blob = await res.blob();
      const a = document.createElement('a');
      const ext = { png: 'png', svg: 'svg', pdf: 'pdf', geojson: 'geojson', scene: 'scene.json' }[format];
      a.href = URL.createObjectURL(blob);
      a.download = 'map.' + ext;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 10000);
      status('Downloaded map.' + ext);
    } catch (e) {
      status(e.message, true);
    }
  }

  function readFile(file) {
    const name = file.name.toLowerCase();
    fileKind = /\.html?$/.test(name) ? 'html' : /\.(md|markdown)$/.test(name) ? 'markdown'
      : /\.json$/.test(name) ? 'json' : '';
    file.text().then((t) => { $('article').value = t; articleChanged(); });
  }

  async function loadChoices() {
    try {
      const styles = await (await call('/api/styles')).json();
      $('style').textContent = '';
      styles.forEach((s) => $('style').add(new Option(s, s, s === 'default', s === 'default')));
      const disputes = await (await call('/api/disputes')).json();
      const parties = new Set();
      disputes.forEach((d) => d.parties.forEach((p) => parties.add(p)));
      [...parties].sort().forEach((p) => $('worldview').add(new Option('as ' + p + ' claims', p)));
    } catch (e) {
      status(e.message, true);
    }
  }

  const articleEdited = debounce(articleChanged, 500);
  const settingsEdited = debounce(render, 250);
  $('article').addEventListener('input', () => { fileKind = ''; articleEdited(); });
  $('input-kind').addEventListener('change', articleChanged);
  ['style', 'size', 'worldview', 'language'].forEach((id) => $(id).addEventListener('change', render));
  ['title', 'subtitle', 'source'].forEach((id) => $(id).addEventListener('input', settingsEdited));
  $('file').addEventListener('change', () => { if ($('file').files[0]) readFile($('file').files[0]); });
  $('open').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); $('file').click(); }
  });
  const drop = $('drop');
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    if (e.dataTransfer.files[0]) readFile(e.dataTransfer.files[0]);
  });
  document.querySelectorAll('#downloads button').forEach((b) => b.addEventListener('click', () => download(b.dataset.format)));
  $('token').addEventListener('change', () => {
    sessionStorage.setItem('borderline-token', $('token').value);
    loadChoices();
    articleChanged();
  });
  loadChoices();
})();

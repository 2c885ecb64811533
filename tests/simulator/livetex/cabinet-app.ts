/**
 * The cabinet's single-page app (contract §2), as the script text the shell page runs. It keeps
 * the session in localStorage `livetex.auth`, draws its header after a delay, navigates with
 * history.pushState, and exposes `window.__livetexCabinet` so tests can trigger a redraw or a
 * navigation and wait for it (`idle`). Plain ES5 in a string: it runs in the browser as is.
 */
export const CABINET_APP = String.raw`(function () {
  'use strict';
  var cfg = window.LIVETEX_CONFIG;
  var KEY = 'livetex.auth';
  var me = null;
  var sim = window.__livetexCabinet = { renders: 0, headerDraws: 0, redirects: [], lastError: null, idle: Promise.resolve() };

  function go(url) {
    sim.redirects.push(url);
    try { window.location.assign(url); } catch (e) { /* a test DOM without navigation */ }
  }
  function readAuth() {
    try {
      var a = JSON.parse(window.localStorage.getItem(KEY) || 'null');
      if (a && typeof a.access_token === 'string' && typeof a.expires_at === 'number' && a.expires_at > Date.now()) return a;
    } catch (e) { /* unreadable: signed out */ }
    return null;
  }
  function toLogin() {
    go('/login?return=' + encodeURIComponent(location.pathname + location.search));
  }
  function api(path, auth) {
    return fetch(cfg.apiUrl + path, { headers: { Authorization: 'Bearer ' + auth.access_token } }).then(function (r) {
      if (r.status === 401) {
        window.localStorage.removeItem(KEY);
        me = null;
        toLogin();
        throw new Error('session expired');
      }
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.json();
    });
  }
  function el(tag, attrs, text) {
    var n = document.createElement(tag);
    for (var k in attrs) if (Object.prototype.hasOwnProperty.call(attrs, k)) n.setAttribute(k, attrs[k]);
    if (text !== undefined) n.textContent = text;
    return n;
  }
  function sectionOf(path) {
    for (var i = 0; i < cfg.sections.length; i++) {
      var s = cfg.sections[i][0];
      if (path === s || path.indexOf(s + '/') === 0) return cfg.sections[i];
    }
    return cfg.sections[0];
  }

  function drawHeader() {
    var current = sectionOf(location.pathname)[0];
    var h = el('header', { id: 'lt-header', 'class': 'lt-header', 'data-draw': String(sim.headerDraws + 1) });
    h.appendChild(el('a', { 'class': 'lt-logo', href: '/dashboard', 'data-route': '' }, 'LiveTex'));
    var nav = el('nav', { id: 'lt-nav', 'class': 'lt-nav' });
    cfg.sections.forEach(function (s) {
      nav.appendChild(el('a', { href: s[0], 'data-route': '', 'class': s[0] === current ? 'active' : '' }, s[1]));
    });
    h.appendChild(nav);
    var actions = el('div', { 'class': 'lt-header__actions' });
    actions.appendChild(el('span', { id: 'lt-user-name' }, me ? me.first_name + ' ' + me.last_name : ''));
    actions.appendChild(el('button', { id: 'lt-logout', type: 'button' }, 'Выйти'));
    h.appendChild(actions);
    var old = document.getElementById('lt-header');
    if (old) old.parentNode.replaceChild(h, old);
    else document.getElementById('lt-header-slot').appendChild(h);
    sim.headerDraws++;
  }

  function drawLeads(main, auth, offset) {
    var fields = 'id,name,type,result,created_at,text,is_managed,site(id,url)';
    return api('/leads/list?sort=created_at:d&limit=20&offset=' + offset + '&fields=' + encodeURIComponent(fields), auth).then(function (body) {
      var table = el('table', { id: 'lt-leads', 'class': 'lt-table' });
      var head = el('tr');
      ['ID', 'Имя', 'Тип', 'Статус', 'Создан', 'Сайт', 'Сообщение'].forEach(function (t) { head.appendChild(el('th', {}, t)); });
      table.appendChild(head);
      (Array.isArray(body.results) ? body.results : []).forEach(function (l) {
        var tr = el('tr', { 'data-lead-id': String(l.id) });
        [l.id, l.name, l.type, l.result, l.created_at, l.site ? l.site.url : '', 'text' in l && l.text !== null ? l.text : 'скрыто']
          .forEach(function (v) { tr.appendChild(el('td', {}, String(v))); });
        table.appendChild(tr);
      });
      main.appendChild(el('p', { id: 'lt-leads-total' }, 'Всего: ' + body.total));
      main.appendChild(table);
      var pager = el('div', { 'class': 'lt-pager' });
      var prev = el('button', { id: 'lt-leads-prev', type: 'button' }, '←');
      var next = el('button', { id: 'lt-leads-next', type: 'button' }, '→');
      prev.disabled = offset === 0;
      next.disabled = offset + 20 >= body.total;
      prev.onclick = function () { clearContent(main); sim.idle = drawLeads(main, auth, Math.max(0, offset - 20)); };
      next.onclick = function () { clearContent(main); sim.idle = drawLeads(main, auth, offset + 20); };
      pager.appendChild(prev);
      pager.appendChild(next);
      main.appendChild(pager);
    });
  }
  function clearContent(main) {
    while (main.childNodes.length > 1) main.removeChild(main.lastChild);
  }
  function drawContent(auth) {
    var section = sectionOf(location.pathname);
    var main = document.getElementById('lt-content');
    main.textContent = '';
    main.setAttribute('data-section', section[0]);
    main.appendChild(el('h1', {}, section[1]));
    sim.renders++;
    if (section[0] === '/leads') return drawLeads(main, auth, 0);
    main.appendChild(el('p', { 'class': 'lt-placeholder' }, 'Раздел «' + section[1] + '»'));
    return null;
  }

  function render() {
    var auth = readAuth();
    if (!auth) {
      toLogin();
      sim.idle = Promise.resolve();
      return sim.idle;
    }
    var loadMe = me ? Promise.resolve(me) : api('/employees/me?fields=id,first_name,last_name,role(code,title)', auth).then(function (b) { me = b.results; });
    var delay = new Promise(function (resolve) { setTimeout(resolve, cfg.drawDelayMs); });
    sim.idle = Promise.all([loadMe, delay]).then(function () {
      drawHeader();
      return drawContent(auth);
    }).catch(function (e) { sim.lastError = String(e && e.message || e); });
    return sim.idle;
  }
  function navigate(path) {
    window.history.pushState({}, '', path);
    return render();
  }
  /** Takes the header away and draws everything anew after the delay, as SPA frameworks do. */
  function redraw() {
    var h = document.getElementById('lt-header');
    if (h) h.parentNode.removeChild(h);
    document.getElementById('lt-content').textContent = '';
    return render();
  }
  function logout() {
    var auth = readAuth();
    var done = function () {
      window.localStorage.removeItem(KEY);
      me = null;
      go('/login');
    };
    sim.idle = auth ? fetch(cfg.apiUrl + '/oauth2/logout', { method: 'POST', headers: { Authorization: 'Bearer ' + auth.access_token } }).then(done, done) : Promise.resolve(done());
    return sim.idle;
  }

  document.addEventListener('click', function (e) {
    var t = e.target;
    var a = t && t.closest ? t.closest('a[data-route]') : null;
    if (a) {
      e.preventDefault();
      navigate(a.getAttribute('href'));
    } else if (t && t.id === 'lt-logout') logout();
    else if (t && t.id === 'lt-redraw') redraw();
  });
  window.addEventListener('popstate', function () { render(); });
  sim.redraw = redraw;
  sim.navigate = navigate;
  sim.logout = logout;
  render();
})();`;

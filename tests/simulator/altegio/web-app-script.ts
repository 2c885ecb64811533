/**
 * The client base page's inline script: a small single-page app like the real Vue one. It renders
 * `#clients-base-app`, redraws it (a new node, so anything injected into the old one is gone) on
 * a timer or on «Обновить», and moves between in-app routes with history.pushState, no reloads.
 * Tests drive it through the links and button, or `window.__altegioSim.{redraw,navigate}`.
 */
export const APP_SCRIPT = String.raw`(function () {
  var state = JSON.parse(document.getElementById('sim-app-state').textContent);
  var main = document.getElementById('sim-main');
  var nav = document.getElementById('sim-nav');
  var renders = 0;
  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#039;' }[c];
    });
  }
  function route() {
    var p = location.pathname, m;
    if ((m = /^\/clients\/(\d+)\/base\/?$/.exec(p))) return { name: 'base', cid: Number(m[1]) };
    if ((m = /^\/timetable\/(\d+)\/?$/.exec(p))) return { name: 'timetable', cid: Number(m[1]) };
    if ((m = /^\/dashboard\/(\d+)\/?$/.exec(p))) return { name: 'dashboard', cid: Number(m[1]) };
    return { name: 'unknown', cid: state.locations[0].id };
  }
  function findLocation(cid) {
    for (var i = 0; i < state.locations.length; i++) if (state.locations[i].id === cid) return state.locations[i];
    return null;
  }
  function link(href, locator, text) {
    return '<a href="' + href + '" data-spa-link data-locator="' + locator + '">' + esc(text) + '</a> ';
  }
  function renderNav(cid) {
    var html = link('/dashboard/' + cid + '/', 'nav_dashboard', 'Обзор') +
      link('/timetable/' + cid + '/', 'nav_timetable', 'Журнал записи') +
      link('/clients/' + cid + '/base/', 'nav_clients_base', 'Клиентская база');
    state.locations.forEach(function (l) {
      html += link('/clients/' + l.id + '/base/', 'nav_location_' + l.id, l.title);
    });
    nav.innerHTML = html;
  }
  function baseApp(cid) {
    var el = document.createElement('div');
    el.id = 'clients-base-app';
    el.setAttribute('data-render', String(++renders));
    var l = findLocation(cid);
    var html = '<h1 data-locator="page_title">Клиентская база</h1>' +
      '<div class="toolbar"><button type="button" data-locator="refresh_list">Обновить</button></div>';
    if (!l) html += '<p data-locator="not_found">Филиал не найден</p>';
    else if (state.denied) html += '<p data-locator="access_denied">Недостаточно прав</p>';
    else {
      html += '<p data-locator="total_count">Найдено: ' + l.total + '</p><table class="clients"><tbody>';
      l.rows.forEach(function (r) {
        html += '<tr data-locator="client_tr_' + r.id + '"><td data-locator="name">' + esc(r.name) +
          '</td><td data-locator="phone">' + esc(r.phone) + '</td></tr>';
      });
      html += '</tbody></table>';
    }
    el.innerHTML = html;
    return el;
  }
  function simpleApp(id, title) {
    var el = document.createElement('div');
    el.id = id;
    el.setAttribute('data-render', String(++renders));
    el.innerHTML = '<h1 data-locator="page_title">' + esc(title) + '</h1>';
    return el;
  }
  function openCard() {
    var old = document.querySelector('[data-locator="block_client_edit"]');
    if (old) old.remove();
    var m = /open_card_client_id=(\d+)/.exec(location.hash);
    if (!m) return;
    var modal = document.createElement('div');
    modal.setAttribute('data-locator', 'block_client_edit');
    modal.setAttribute('data-client-id', m[1]);
    modal.textContent = 'Клиент #' + m[1];
    document.body.appendChild(modal);
  }
  function render() {
    var r = route();
    renderNav(r.cid);
    var view = r.name === 'base' ? baseApp(r.cid)
      : r.name === 'timetable' ? simpleApp('timetable-app', 'Журнал записи')
      : simpleApp('dashboard-app', 'Обзор');
    main.replaceChildren(view);
    document.title = view.querySelector('[data-locator="page_title"]').textContent + ' — YCLIENTS';
    openCard();
  }
  function redraw() {
    var old = document.getElementById('clients-base-app');
    if (old) old.replaceWith(baseApp(route().cid));
  }
  function navigate(path) {
    history.pushState({}, '', path);
    render();
  }
  document.addEventListener('click', function (e) {
    var t = e.target instanceof Element ? e.target : null;
    var a = t && t.closest('a[data-spa-link]');
    if (a) {
      e.preventDefault();
      navigate(a.getAttribute('href'));
      return;
    }
    if (t && t.closest('[data-locator="refresh_list"]')) redraw();
  });
  window.addEventListener('popstate', render);
  window.addEventListener('hashchange', openCard);
  window.__altegioSim = { redraw: redraw, navigate: navigate, renders: function () { return renders; } };
  if (state.redrawMs > 0) setInterval(redraw, state.redrawMs);
  render();
})();`;

/** The cabinet's HTML: the app shell every section serves, and the login page with its script. */
import { escapeHtml as e } from '../http';
import { CABINET_APP } from './cabinet-app';

/** Sections of the app: path and title (the first is the fallback). */
export const SECTIONS: readonly (readonly [string, string])[] = [
  ['/dashboard', 'Обзор'],
  ['/leads', 'Лиды'],
  ['/chats', 'Чаты'],
  ['/channels/bot', 'Чат-бот'],
  ['/settings/touch_points', 'Точки контакта'],
];

const CSS = `body{font-family:sans-serif;margin:0;font-size:14px;background:#f4f6f9}
.lt-header{display:flex;align-items:center;gap:16px;background:#1f2d3d;color:#fff;padding:8px 16px;min-height:40px}
.lt-header a{color:#cfd8e3;text-decoration:none}.lt-nav{display:flex;gap:12px}.lt-nav a.active{color:#fff;font-weight:bold}
.lt-logo{font-weight:bold;color:#fff!important}.lt-header__actions{margin-left:auto;display:flex;gap:8px;align-items:center}
main{padding:16px}.lt-table{border-collapse:collapse;background:#fff;width:100%}.lt-table td,.lt-table th{border:1px solid #dde3ea;padding:4px;vertical-align:top;white-space:pre-wrap}
.lt-login{max-width:320px;margin:80px auto;background:#fff;padding:24px;border-radius:6px}.lt-login input{display:block;width:100%;margin:6px 0 12px}
.lt-error{color:#c00;min-height:1em}footer{padding:8px 16px;color:#888;font-size:12px}`;

/** A `<script>` holding JSON the page reads (with `<` escaped, so no value can close the tag). */
function config(apiUrl: string, drawDelayMs: number): string {
  const value = JSON.stringify({ apiUrl, drawDelayMs, sections: SECTIONS }).replace(/</g, '\\u003c');
  return `<script>window.LIVETEX_CONFIG = ${value};</script>`;
}

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)} — LiveTex</title><style>${CSS}</style></head>
<body>
${body}
</body></html>`;
}

export function shellPage(apiUrl: string, drawDelayMs: number): string {
  return page(
    'Личный кабинет',
    `<div id="lt-app">
<div id="lt-header-slot"></div>
<main id="lt-content"><p class="lt-loading">Загрузка…</p></main>
<footer>LiveTex · simulated · <button id="lt-redraw" type="button">Перерисовать</button></footer>
</div>
${config(apiUrl, drawDelayMs)}
<script>${CABINET_APP}</script>`,
  );
}

const LOGIN_SCRIPT = String.raw`(function () {
  'use strict';
  var cfg = window.LIVETEX_CONFIG;
  var sim = window.__livetexLogin = { redirects: [], idle: Promise.resolve() };
  function go(url) {
    sim.redirects.push(url);
    try { window.location.assign(url); } catch (e) { /* a test DOM without navigation */ }
  }
  function target() {
    var r = new URLSearchParams(location.search).get('return');
    return r && r.charAt(0) === '/' && r.charAt(1) !== '/' && r.charAt(1) !== '\\' ? r : '/leads';
  }
  var form = document.getElementById('lt-login-form');
  var error = document.getElementById('lt-login-error');
  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    error.textContent = '';
    var fd = new FormData();
    fd.append('grant_type', 'password');
    fd.append('username', form.querySelector('[name=email]').value);
    fd.append('password', form.querySelector('[name=password]').value);
    var token;
    sim.idle = fetch(cfg.apiUrl + '/oauth2/token', { method: 'POST', body: fd }).then(function (r) {
      if (!r.ok) throw new Error(r.status === 401 ? 'Неверный e-mail или пароль' : 'Ошибка входа: HTTP ' + r.status);
      return r.json();
    }).then(function (b) {
      token = b.results;
      return fetch(cfg.apiUrl + '/employees/me?fields=id', { headers: { Authorization: 'Bearer ' + token.access_token } });
    }).then(function (r) {
      if (!r.ok) throw new Error('Ошибка входа: HTTP ' + r.status);
      return r.json();
    }).then(function (b) {
      window.localStorage.setItem('livetex.auth', JSON.stringify({
        access_token: token.access_token, token_type: 'Bearer',
        expires_at: Date.now() + token.expires_in * 1000, employee_id: Number(b.results.id)
      }));
      go(target());
    }).catch(function (e) { error.textContent = e.message; });
  });
})();`;

export function loginPage(apiUrl: string): string {
  return page(
    'Вход',
    `<div class="lt-login">
<h1>Вход в LiveTex</h1>
<form id="lt-login-form" method="post" action="/login" novalidate>
<label>E-mail <input type="email" name="email" id="email" autocomplete="username"></label>
<label>Пароль <input type="password" name="password" id="password" autocomplete="current-password"></label>
<button type="submit" id="lt-login-submit">Войти</button>
<p id="lt-login-error" class="lt-error"></p>
</form>
</div>
${config(apiUrl, 0)}
<script>${LOGIN_SCRIPT}</script>`,
  );
}

export function notFoundPage(): string {
  return page('Страница не найдена', '<main><h1>404</h1><p>Страница не найдена. <a href="/dashboard">На главную</a></p></main>');
}

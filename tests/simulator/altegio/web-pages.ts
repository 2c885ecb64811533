/** HTML of the web origin: the sign-in form and the single-page app's shell (with the page token). */
import { escapeHtml } from '../http';
import { APP_SCRIPT } from './web-app-script';
import type { Location, SimClient, UserKey } from './types';
import { visibleContacts } from './mask';

/** The first page of the base as the list shows it (search projection: name and phone). */
export const PAGE_ROWS = 25;

/** `+7 926 954-91-97`, `+380 67 123-45-67`; anything else (or masked) as it is. */
export function phoneCell(v: string | number): string {
  const s = String(v);
  if (s.includes('*')) return s;
  const d = s.replace(/\D/g, '');
  if (d.length === 11 && d[0] === '7') return `+7 ${d.slice(1, 4)} ${d.slice(4, 7)}-${d.slice(7, 9)}-${d.slice(9)}`;
  if (d.length === 12 && d.startsWith('380')) return `+380 ${d.slice(3, 5)} ${d.slice(5, 8)}-${d.slice(8, 10)}-${d.slice(10)}`;
  return s;
}

export interface AppLocation {
  id: number;
  title: string;
  total: number;
  rows: { id: number; name: string; phone: string }[];
}

export function appLocation(l: Location, clients: SimClient[], user: UserKey): AppLocation {
  return {
    id: l.id,
    title: l.title,
    total: clients.length,
    rows: clients.slice(0, PAGE_ROWS).map((c) => ({
      id: c.id,
      name: [c.surname, c.name].filter(Boolean).join(' '),
      phone: phoneCell(visibleContacts(user, c).phone),
    })),
  };
}

export interface AppState {
  userName: string;
  denied: boolean;
  redrawMs: number;
  locations: AppLocation[];
}

/** JSON safe inside a <script> element. */
const scriptJson = (v: unknown) =>
  JSON.stringify(v)
    .replace(/</g, '\\u003c')
    .replace(/\u2028|\u2029/g, (c) => (c === '\u2028' ? '\\u2028' : '\\u2029'));

export function appPage(state: AppState, pageToken: string): string {
  return `<!DOCTYPE html>
<html lang="ru">
<head>
<meta charset="utf-8">
<title>YCLIENTS</title>
<script>
window.ms = window.ms || {};
ms.auth = ms.auth || {};
ms.auth.user_partner_token = '${pageToken}';
</script>
<script type="application/json" id="sim-app-state">${scriptJson(state)}</script>
</head>
<body>
<header class="topbar"><nav id="sim-nav"></nav><span data-locator="user_name">${escapeHtml(state.userName)}</span> <a href="/logout">Выйти</a></header>
<main id="sim-main"></main>
<script>${APP_SCRIPT}</script>
</body>
</html>`;
}

export function signinPage(action: string, error: string | null, login = ''): string {
  return `<!DOCTYPE html>
<html lang="ru">
<head><meta charset="utf-8"><title>Вход — YCLIENTS</title></head>
<body>
<div id="signin-app">
<h1>Вход в систему</h1>
${error ? `<div class="alert alert-danger" data-locator="signin_error">${escapeHtml(error)}</div>` : ''}
<form id="signin-form" method="post" action="${escapeHtml(action)}">
<label>E-mail или телефон <input type="text" name="login" autocomplete="username" value="${escapeHtml(login)}"></label>
<label>Пароль <input type="password" name="password" autocomplete="current-password"></label>
<button type="submit" data-locator="signin_submit">Войти</button>
</form>
</div>
</body>
</html>`;
}

export function notFoundPage(): string {
  return '<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>404</title></head><body><h1>Страница не найдена</h1></body></html>';
}

/**
 * The cabinet origin (contract §2): `/login` and the app's section shells. Pages are static: the
 * session lives in the browser (localStorage), so the server never knows who is signed in.
 */
import { html, redirect, type Reply } from '../http';
import { loginPage, notFoundPage, SECTIONS, shellPage } from './cabinet-pages';
import type { LtState } from './state';

export function handleCabinet(method: string, url: URL, st: LtState): { reply: Reply; route: string } {
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const route = `cabinet:${path}`;
  if (method !== 'GET' && method !== 'HEAD') return { reply: html(405, notFoundPage(), { Allow: 'GET' }), route };
  if (path === '/') return { reply: redirect('/leads'), route };
  if (path === '/login') return { reply: html(200, loginPage(st.apiOrigin)), route };
  if (path === '/favicon.ico') return { reply: { status: 204, headers: {}, body: '' }, route };
  const section = SECTIONS.find(([p]) => path === p || path.startsWith(`${p}/`));
  if (!section) return { reply: html(404, notFoundPage()), route };
  return { reply: html(200, shellPage(st.apiOrigin, st.knobs.current.cabinetDrawDelayMs)), route: `cabinet:${section[0]}` };
}

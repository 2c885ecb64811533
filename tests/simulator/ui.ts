/** Web UI routes (contract §2): login, session and CSRF checks, /company/{b}/… pages and XHRs. */
import type { Ctx, Reply } from './http';
import { html, json, parseForm, redirect, setCookie } from './http';
import type { SimState } from './state';
import { csrfTokenFor, csrfValid, newCsrfSecret } from './session';
import { labels, type Labels } from './ui-labels';
import { errorPage, layout, loginPage } from './ui-templates';
import { BoardModel, modeFromQuery, type BoardMode, type Column } from './ui-board-model';
import { columnContent, pagerContent } from './ui-board';
import { boardBody, BOARD_SCRIPT } from './ui-board-page';
import { gridBody } from './ui-grid';
import { dashboardBody, leadViewBody } from './ui-pages';
import { toInt } from './api-filters';
import type { Rec } from './dataset';

export const DEFAULT_BACK_URL = '/company/1/lead/index';
const collator = new Intl.Collator('uk');

/** Only same-site paths; an absolute URL keeps its path. */
function safeBack(raw: string | null): string {
  if (!raw) return DEFAULT_BACK_URL;
  const m = /^https?:\/\/[^/]+(\/.*)?$/i.exec(raw);
  const v = m ? m[1] || '/' : raw;
  return v.startsWith('/') && !v.startsWith('//') ? v : DEFAULT_BACK_URL;
}

function addCookies(r: Reply, cookies: string[]): Reply {
  if (!cookies.length) return r;
  const prev = r.headers['Set-Cookie'];
  r.headers['Set-Cookie'] = (prev === undefined ? [] : Array.isArray(prev) ? prev : [prev]).concat(cookies);
  return r;
}

export class Ui {
  private readonly board = new BoardModel();
  private gridCache = new Map<string, Rec[]>();
  private gridVersion = -1;
  private readonly L: Labels;

  constructor(private readonly st: SimState) {
    this.L = labels(st.lang);
  }

  handle(ctx: Ctx): Reply {
    const given = ctx.cookies._csrf;
    const secret = given && given.length >= 16 ? given : newCsrfSecret();
    const cookies = secret === given ? [] : [setCookie('_csrf', secret)];
    return addCookies(this.route(ctx, secret), cookies);
  }

  private route(ctx: Ctx, secret: string): Reply {
    const L = this.L;
    const session = this.st.sessions.get(ctx.cookies.PHPSESSID);
    if (ctx.path === '/login') return this.login(ctx, secret, !!session);
    if (ctx.path === '/logout') {
      ctx.kind = 'login';
      this.st.sessions.destroy(ctx.cookies.PHPSESSID);
      return redirect('/login', { 'Set-Cookie': setCookie('PHPSESSID', '', 'Path=/; Max-Age=0') });
    }
    if (ctx.path === '/') {
      ctx.kind = 'ui-page';
      return redirect(session ? DEFAULT_BACK_URL : '/login');
    }
    if (ctx.path.startsWith('/company/')) return this.company(ctx, secret);
    if (ctx.path === '/favicon.ico') return { status: 204, headers: {}, body: '' };
    ctx.kind = 'other';
    return html(404, errorPage(L, csrfTokenFor(secret), 404, 'Not Found', L.notFound));
  }

  private login(ctx: Ctx, secret: string, loggedIn: boolean): Reply {
    ctx.kind = 'login';
    const L = this.L;
    const back = safeBack(ctx.url.searchParams.get('backUrl'));
    if (ctx.method === 'POST') {
      const form = parseForm(ctx.body);
      const header = ctx.headers['x-csrf-token'];
      const token = form._csrf ?? (Array.isArray(header) ? header[0] : header);
      if (!csrfValid(ctx.cookies._csrf, token)) return html(400, errorPage(L, csrfTokenFor(secret), 400, 'Bad Request', L.badRequest));
      const user = form['LoginForm[username]'] ?? '';
      const c = this.st.credentials;
      if (user.trim() !== c.uiLogin || form['LoginForm[password]'] !== c.uiPassword) {
        return html(200, loginPage(L, csrfTokenFor(secret), back, L.badLogin, user));
      }
      const s = this.st.sessions.create(user.trim());
      return redirect(back, { 'Set-Cookie': setCookie('PHPSESSID', s.id) });
    }
    if (loggedIn) return redirect(back);
    return html(200, loginPage(L, csrfTokenFor(secret), back, null, ''));
  }

  private company(ctx: Ctx, secret: string): Reply {
    const st = this.st;
    const L = this.L;
    const m = /^\/company\/(\d+)\/([a-z-]+)\/([a-z-]+)\/?$/.exec(ctx.path);
    const route = m ? `${m[2]}/${m[3]}` : '';
    const q = ctx.url.searchParams;
    ctx.dataRequest = true;
    ctx.kind =
      ctx.method === 'POST'
        ? 'ui-post'
        : route === 'lead/board'
          ? q.get('page')
            ? 'ui-pager'
            : 'ui-board'
          : route === 'customer/index'
            ? 'ui-grid'
            : 'ui-page';

    const toLogin = () => redirect(`/login?backUrl=${encodeURIComponent(ctx.path + ctx.url.search)}`);
    const session = st.sessions.get(ctx.cookies.PHPSESSID);
    if (!session) return toLogin();
    session.requests++;
    const limit = st.knobs.current.sessionExpiresAfter;
    if (limit !== null && session.requests > limit) {
      st.sessions.destroy(session.id);
      return toLogin();
    }
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') {
      const form = parseForm(ctx.body);
      const header = ctx.headers['x-csrf-token'];
      const token = form._csrf ?? (Array.isArray(header) ? header[0] : header);
      if (!csrfValid(ctx.cookies._csrf, token)) return html(400, errorPage(L, csrfTokenFor(secret), 400, 'Bad Request', L.badRequest));
      return json(200, { success: true });
    }
    const branch = m ? Number(m[1]) : NaN;
    if (!m || st.data.branches.indexOf(branch) < 0) return html(404, errorPage(L, csrfTokenFor(secret), 404, 'Not Found', L.notFound));

    const page = (title: string, section: string, body: string, script?: string) =>
      html(
        200,
        layout(L, {
          title,
          section,
          body,
          script,
          branch,
          csrfToken: csrfTokenFor(secret),
          routeTail: `${m[2]}/${m[3]}`,
          unsortedCount: this.board.columns(st.data, branch, { archive: false, assigned: null, pipeline: 1 }, L)[0].cards.length,
        }),
      );
    const reasonOf = (r: Rec) => st.data.reasonName(r);

    switch (route) {
      case 'lead/index': {
        const mode: BoardMode = {
          archive: q.get('LeadSearch[f_removed]') === '2',
          assigned: toInt(q.get('LeadSearch[f_assigned_id]')),
          pipeline: q.get('pipeline_id') === '2' ? 2 : 1,
        };
        const cols = this.board.columns(st.data, branch, mode, L);
        return page(L.leadsTitle, 'leads', boardBody(L, branch, mode, cols), BOARD_SCRIPT);
      }
      case 'lead/board': {
        const mode = modeFromQuery(q.get('query'));
        const id = toInt(q.get('id')) ?? 0;
        const col: Column = this.board.columns(st.data, branch, mode, L).find((c) => c.id === id) ?? {
          id,
          name: '',
          color: q.get('color') ?? '#6a6a6a',
          cards: [],
        };
        const p = toInt(q.get('page'));
        const size = st.knobs.current.uiPageSize;
        const content = p !== null && p >= 1 ? pagerContent(branch, mode, col, L, p, size, reasonOf) : columnContent(branch, mode, col, L, size, reasonOf);
        return json(200, { content });
      }
      case 'lead/view': {
        const rec = st.data.get(toInt(q.get('id')) ?? -1);
        if (!rec || rec.branch !== branch) return html(404, errorPage(L, csrfTokenFor(secret), 404, 'Not Found', L.notFound));
        return page(rec.data.name, 'leads', leadViewBody(L, rec, reasonOf(rec), st.data.notes(rec.id)));
      }
      case 'customer/index':
        return page(L.clientsTitle, 'clients', this.grid(branch, q, reasonOf));
      case 'dashboard/index': {
        const active = st.data.records.filter((r) => r.branch === branch && !r.archived);
        return page(
          L.dashboardTitle,
          'dashboard',
          dashboardBody(L, active.filter((r) => r.data.is_study === 0).length, active.filter((r) => r.data.is_study === 1).length),
        );
      }
      default:
        return html(404, errorPage(L, csrfTokenFor(secret), 404, 'Not Found', L.notFound));
    }
  }

  private grid(branch: number, q: URLSearchParams, reasonOf: (r: Rec) => string | null): string {
    const st = this.st;
    const archive = q.get('CustomerSearch[f_removed]') === '2';
    if (st.data.version !== this.gridVersion) {
      this.gridCache.clear();
      this.gridVersion = st.data.version;
    }
    const key = `${branch}|${archive}`;
    let all = this.gridCache.get(key);
    if (!all) {
      all = st.data.records
        .filter((r) => r.branch === branch && r.data.is_study === 1 && r.archived === archive)
        .sort((a, b) => collator.compare(a.data.name, b.data.name) || a.id - b.id);
      this.gridCache.set(key, all);
    }
    const pageSize = Math.min(100, Math.max(1, toInt(q.get('pageSize')) ?? toInt(q.get('per-page')) ?? 20));
    const pages = Math.max(1, Math.ceil(all.length / pageSize));
    const pg = Math.min(pages, Math.max(1, toInt(q.get('page')) ?? 1));
    const rows = all.slice((pg - 1) * pageSize, pg * pageSize);
    return gridBody(this.L, { branch, archive, page: pg, pageSize, total: all.length, rows, reasonOf });
  }
}

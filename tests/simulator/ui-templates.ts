/**
 * Page chrome and the login page, shaped like the real AlfaCRM pages in
 * shared/fixtures/alfacrm-real/ (kept light: no external resources, no jQuery).
 */
import { escapeHtml as e } from './http';
import type { Labels } from './ui-labels';
import { BRANCHES, CURRENT_USER } from './dictionaries';

const CSS = `body{font-family:sans-serif;margin:0;font-size:13px;background:#f3f3f4}a{color:#337ab7}
.navbar-top-links{list-style:none;margin:0;padding:0 8px;display:flex;gap:12px;align-items:center;background:#fff;border-bottom:1px solid #e7eaec}
.navbar-top-links>li{padding:10px 4px}.pull-right{float:right}.profile{margin-left:auto}
#wrapper{display:flex}.navbar-static-side{width:180px;background:#2f4050;min-height:100vh}
#side-menu{list-style:none;margin:0;padding:0}#side-menu li a{display:block;color:#a7b1c2;padding:9px 14px;text-decoration:none}
#side-menu li.active a{color:#fff;background:#293846}#page-wrapper{flex:1;padding:10px;min-width:0}
.nav-tabs{list-style:none;display:flex;gap:4px;padding:0;margin:0;border-bottom:1px solid #ddd}.nav-tabs li a{display:block;padding:8px 12px}
.nav-tabs li.active a{background:#fff;border:1px solid #ddd;border-bottom-color:#fff}
.board-columns .row{display:flex;overflow-x:auto;gap:8px}.board-column{flex:0 0 260px;background:#fff;padding:4px}
.lead-list{list-style:none;padding:0;margin:0}.lead-element{border:1px solid #e7eaec;margin:4px 0;background:#fafafa}
.hide{display:none}.small{font-size:11px}.text-muted{color:#888}.text-danger{color:#c00}
table.crm-table{border-collapse:collapse;background:#fff;width:100%}table.crm-table td,table.crm-table th{border:1px solid #e7eaec;padding:4px}
.pagination{list-style:none;display:flex;gap:4px;padding:0}.pagination li.active a{font-weight:bold}`;

export interface PageOpts {
  title: string;
  csrfToken: string;
  branch: number;
  /** Active side-menu item: 'leads' | 'clients' | 'dashboard'. */
  section: string;
  unsortedCount: number;
  body: string;
  script?: string;
  /** For the branch switcher: the same route in another branch. */
  routeTail: string;
}

function head(L: Labels, title: string, csrfToken: string): string {
  return `<!DOCTYPE html>
<html lang="${L.htmlLang}"><head>
    <meta charset="UTF-8">
    <meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1, user-scalable=no, viewport-fit=cover">
    <meta name="csrf-param" content="_csrf">
<meta name="csrf-token" content="${e(csrfToken)}">
    <title>${e(title)} | ALFACRM</title>
<style>${CSS}</style>
</head>`;
}

export function layout(L: Labels, o: PageOpts): string {
  const b = o.branch;
  const item = (key: string, href: string, label: string, badge = '') =>
    `        <li class="${o.section === key ? 'active' : ''}">
                ${badge}<a href="${href}">
            ${e(label)}                    </a>
    </li>`;
  const badge = o.unsortedCount ? `<strong class="label label-warning" title="${e(L.unsortedBadge(o.unsortedCount))}">${o.unsortedCount}</strong>        ` : '';
  const branches = BRANCHES.map((br) => `<li class="${br.id === b ? 'active' : ''}"><a href="/company/${br.id}/${o.routeTail}">${e(br.name)}</a></li>`).join(
    '',
  );
  return `${head(L, o.title, o.csrfToken)}
<body>
<div class="border-bottom no-padding m-b-sm white-bg">
    <nav class="navbar no-margins no-padding" role="navigation">
        <ul class="nav navbar-top-links no-margins no-padding">
            <li class="border-right alfa-header text-center pull-left no-padding no-margins hidden-xs"><a href="/"><strong>ALFACRM</strong></a></li>
            <li class="pull-left border-right dropdown crm-branch-select"><ul class="list-inline">${branches}</ul></li>
            <li class="pull-left hidden-xs crm-fulltext-search" data-url="/company/${b}/autocomplete/client-list">
        <input type="text" class="input-sm" placeholder="${e(L.searchClient)}" autocomplete="off">
</li>
            <li class="dropdown dropdown-hover profile font-noraml pull-right">
                <a href="#" class="profile-link"><span class="hidden-xs">${e(CURRENT_USER.name)}</span></a>
                <a href="/company/${b}/profile/index">${e(L.menuProfile)}</a> · <a href="/logout">${e(L.logout)}</a>
            </li>
        </ul>
    </nav>
</div>
<div id="wrapper">
    <nav class="navbar navbar-default navbar-static-side" role="navigation">
        <div class="sidebar-collapse">
            <ul class="nav metismenu" id="side-menu">
${item('dashboard', `/company/${b}/dashboard/index`, L.menuDashboard)}
${item('lessons', `/company/${b}/calendar/index`, L.menuLessons)}
${item('clients', `/company/${b}/customer/index`, L.menuClients)}
${item('leads', `/company/${b}/lead/index`, L.menuLeads, badge)}
            </ul>
        </div>
    </nav>
    <div id="page-wrapper" class="gray-bg">
        <div class="wrapper crm-content">
${o.body}
        </div>
    </div>
</div>
<footer class="footer no-padding">
    <div class="container m-t-sm text-center">
        <p class="text-muted no-padding m-b-sm">© ALFACRM™ <strong>2.1.4</strong> · simulated</p>
    </div>
</footer>
${o.script ? `<script>${o.script}</script>` : ''}
</body></html>`;
}

export function loginPage(L: Labels, csrfToken: string, backUrl: string, error: string | null, username: string): string {
  const action = `/login?backUrl=${encodeURIComponent(backUrl)}`;
  return `${head(L, L.loginTitle, csrfToken)}
<body class="gray-bg mini-navbar">
<div class="middle-box text-center loginscreen animated fadeInDown">
    <h3>${e(L.loginTitle)}</h3>
    <div class="tabs-container"><div class="tab-content"><div id="tab-1" class="tab-pane active">
<form id="login-form" class="form-horizontal m-t" action="${e(action)}" method="post">
<input type="hidden" name="_csrf" value="${e(csrfToken)}">
<div class="form-group field-loginform-username required">
<div class="col-lg-12"><input type="text" id="loginform-username" class="form-control" name="LoginForm[username]" value="${e(username)}" placeholder="${e(L.email)}" autofocus></div>
</div>
<div class="form-group field-loginform-password required${error ? ' has-error' : ''}">
<div class="col-lg-12"><input type="password" id="loginform-password" class="form-control" name="LoginForm[password]" placeholder="${e(L.password)}"></div>
<div class="col-lg-12"><p class="help-block help-block-error">${error ? e(error) : ''}</p></div>
</div>
<div class="remember-block text-left">
<input type="hidden" name="LoginForm[rememberMe]" value="0"><label><input type="checkbox" id="loginform-rememberme" name="LoginForm[rememberMe]" value="1" checked> ${e(L.rememberMe)}</label>
</div>
<button type="submit" class="btn btn-success block full-width m-b" name="login-button">${e(L.signIn)}</button>
</form>
    </div></div></div>
</div>
</body></html>`;
}

/** Yii's error page ("Bad Request (#400)", "Not Found (#404)"). */
export function errorPage(L: Labels, csrfToken: string, status: number, name: string, message: string): string {
  return `${head(L, `${name} (#${status})`, csrfToken)}
<body>
<div class="site-error">
    <h1>${e(name)} (#${status})</h1>
    <div class="alert alert-danger">${e(message)}</div>
</div>
</body></html>`;
}

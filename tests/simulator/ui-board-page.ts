/** The lead/index page: action bar, tabs, and the empty board columns the page script fills. */
import { escapeHtml as e } from './http';
import { CURRENT_USER, PIPELINES } from './dictionaries';
import type { Labels } from './ui-labels';
import type { BoardMode, Column } from './ui-board-model';
import { columnUrl } from './ui-board';

/**
 * The page's own loader, vanilla JS doing what the real page's jQuery does: load columns 10 at
 * a time (the rest a second later), put `content` into the column, and follow
 * `.crm-scroll-pager` items as they scroll into view, replacing each with its `content`.
 */
export const BOARD_SCRIPT = `(function () {
  var headers = { 'X-Requested-With': 'XMLHttpRequest' };
  function getJson(url) {
    return fetch(url, { headers: headers, credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.json();
    });
  }
  var observer = 'IntersectionObserver' in window ? new IntersectionObserver(function (entries) {
    entries.forEach(function (en) { if (en.isIntersecting) follow(en.target); });
  }) : null;
  function follow(el) {
    if (el.classList.contains('active')) return;
    el.classList.add('active');
    if (observer) observer.unobserve(el);
    getJson(el.getAttribute('data-url')).then(function (data) {
      el.insertAdjacentHTML('beforebegin', data.content);
      el.parentNode.removeChild(el);
      watchPagers();
    }).catch(function () { el.classList.remove('active'); });
  }
  function inView(el) {
    var r = el.getBoundingClientRect();
    return r.top < window.innerHeight && r.bottom >= 0;
  }
  function watchPagers() {
    document.querySelectorAll('.crm-scroll-pager:not(.active)').forEach(function (el) {
      if (observer) observer.observe(el); else if (inView(el)) follow(el);
    });
  }
  window.addEventListener('scroll', function () {
    document.querySelectorAll('.crm-scroll-pager:not(.active)').forEach(function (el) { if (inView(el)) follow(el); });
  });
  window.initBoard = function (el) {
    return getJson(el.getAttribute('data-url')).then(function (data) {
      el.innerHTML = data.content;
      watchPagers();
    }, function () { setTimeout(function () { window.initBoard(el); }, 1000); });
  };
  window.initBoardWrap = function (els) {
    els.splice(0, 10).forEach(window.initBoard);
    if (els.length) setTimeout(function () { window.initBoardWrap(els); }, 1000);
  };
  var pipeline = document.querySelector('[name=pipeline_id]');
  if (pipeline) pipeline.addEventListener('change', function () { location.replace(location.pathname + '?pipeline_id=' + pipeline.value); });
  window.initBoardWrap(Array.prototype.slice.call(document.querySelectorAll('.board-columns .board-column[data-url]')));
})();`;

export function boardBody(L: Labels, branch: number, mode: BoardMode, cols: Column[]): string {
  const base = `/company/${branch}/lead/index`;
  const tab = (active: boolean, href: string, label: string) => `<li class="${active ? 'active' : ''}"><a href="${href}">${e(label)}</a></li>`;
  const mine = mode.assigned !== null && !mode.archive;
  const tabs = `<ul class="nav nav-tabs">
    ${tab(!mode.archive && !mine, base, L.tabCurrent)}    ${tab(mine, `${base}?LeadSearch%5Bf_assigned_id%5D=${CURRENT_USER.id}`, L.tabMine)}    ${tab(mode.archive, `${base}?LeadSearch%5Bf_removed%5D=2`, L.tabArchive)}</ul>`;
  const pipelines = mode.archive
    ? ''
    : `<select name="pipeline_id" class="input-sm">${PIPELINES.map(
        (p) => `<option value="${p.id}"${p.id === mode.pipeline ? ' selected' : ''}>${e(p.name)}</option>`,
      ).join('')}</select>`;
  const columns = cols
    .map(
      (c) => `
                                <div class="board-column col-xs-12 col-sm-6 col-md-4 col-lg-3 lead-items lead-items-${c.id}" data-url="${e(columnUrl(branch, mode, c, null))}"></div>`,
    )
    .join('');
  return `
    <div class="row m-b-sm crm-stick crm-actions">
        <div class="col-sm-12">
            <div class="ibox-content border-bottom">
                <a class="btn btn-sm btn-w-m btn-success crm-modal-btn" href="#" data-url="/company/${branch}/lead/create"><i class="ion-plus"></i> <span class="hidden-xs">${e(L.add)}</span></a>
                <div class="dropdown btn-group no-padding"><ul class="dropdown-menu "><li><a class="crm-bulk-operation" href="#" data-url="/company/${branch}/lead/bulk-archive">${e(L.bulkArchive)}</a></li><li><a class="crm-bulk-operation" href="#" data-url="/company/${branch}/lead/bulk-unarchive">${e(L.bulkUnarchive)}</a></li></ul></div>
                <div class="dropdown btn-group no-padding"><ul class="dropdown-menu "><li><a class="crm-modal-btn" href="#" data-url="/company/${branch}/report/lead-reject"><i class="fa fa-file-text-o"></i> ${e(L.reportRejects)}</a></li></ul></div>
                ${pipelines}
            </div>
        </div>
    </div>

<div class="sk-spinner sk-spinner-wave hide crm-wave-hold">
    <div class="sk-rect1"></div>
    <div class="sk-rect2"></div>
    <div class="sk-rect3"></div>
</div>

<div class="row">
    <div class="col-sm-12">
        <div class="tabs-container m-b-sm">
            
${tabs}
            <div class="tab-content">
                <div id="tab-1" class="tab-pane active">
                    <div class="panel-body board-columns">

                        <div class="text-muted text-right small" style="padding: 0 5px 7px 5px">
                            ${e(mode.archive ? L.reasonsShown(cols.length) : L.stagesShown(cols.length))}
                        </div>

                        <div class="row horizontal-scroll">${columns}
                        </div>
                    </div>
                </div>
            </div>
        </div>
    </div>
</div>`;
}

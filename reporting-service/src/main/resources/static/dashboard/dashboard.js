// Headquarters' dashboard: reads the figures API as the person signed in (reporting-service keeps the
// session; the page holds no token) and follows its Server-Sent Events, read with fetch so that a refused
// stream is told apart from a broken one. Its pages (pages.js) are hash routes: #/, #/offices/GT,
// #/campaigns/<id>, #/courses/<id>; the filters stay in the query, so an address names what it shows.
import * as pages from './pages.js';
import { $, choose, disposeCharts, h, instant, locale, number, t, text, word } from './view.js';

const FILTERS = ['office', 'theme', 'from', 'to'];

const state = {
  caller: null,
  route: null,
  data: null,
  status: null,
  stream: null,
  refreshing: null,
  again: false
};

// ----- routes

/** The page an address names: its hash, #/ (the overview) when it names none. */
function route() {
  const [kind, ...rest] = location.hash.replace(/^#\/?/, '').split('/');
  const id = decodeURIComponent(rest.join('/'));
  const page = { offices: 'office', campaigns: 'campaign', courses: 'course' }[kind];
  return page && id ? { page, id } : { page: 'overview', id: null };
}

function crumbs() {
  const page = pages[state.route.page];
  const trail = [[t('overview'), '']].concat(page.crumbs(state.route, state.data));
  $('crumbs').replaceChildren(...trail.map(([name, target], i) => i === trail.length - 1
    ? h('li', null, h('span', { 'aria-current': 'page' }, name))
    : h('li', null, h('a', { href: '#/' + target }, name))));
  const heading = trail[trail.length - 1][0];
  text('page-title', heading);
  document.title = heading + ' · Alcance';
}

/** A new page: its frame built, its figures read; focus moves to its heading, as a screen reader expects. */
function open(focus) {
  state.route = route();
  state.data = null;
  disposeCharts();
  const page = pages[state.route.page];
  $('filters').hidden = !page.filters;
  // an office's page is that office's: its filters are the theme and the period
  $('f-office').closest('label').hidden = !page.officeFilter;
  $('illustrative').hidden = true;
  $('page').replaceChildren(...page.build());
  crumbs();
  if (focus) {
    $('page-title').focus();
  }
  if (state.caller) {
    refresh();
    renderDownloads();
  }
}

// ----- the API

class Refused extends Error {
}

// figures and exports label the catalogue's codes in the language asked for
async function api(path) {
  const answer = await fetch(path, { cache: 'no-store', headers: { 'Accept-Language': locale.language } });
  if (answer.status === 401) {
    signedOut(t('sessionEnded'));
    throw new Refused('401');
  }
  if (!answer.ok) {
    const problem = await answer.json().catch(() => ({}));
    throw new Error(answer.status === 403 ? t('forbidden')
      : answer.status === 404 ? t('notFound', { what: path }) : (problem.detail || answer.statusText));
  }
  return answer;
}

function filters() {
  const params = new URLSearchParams();
  FILTERS.forEach(name => {
    const value = $('f-' + name).value.trim();
    if (value) {
      params.set(name, value);
    }
  });
  return params;
}

/** The filters as a query, some replaced ({@code null} leaves one out). */
function query(replaced = {}) {
  const params = filters();
  Object.entries(replaced).forEach(([name, value]) => value == null ? params.delete(name) : params.set(name, value));
  const text = params.toString();
  return text ? '?' + text : '';
}

const app = {
  json: path => api(path).then(answer => answer.json()),
  query,
  filters,
  download
};

// One read at a time; changes arriving meanwhile are folded into one more read after it.
function refresh() {
  if (state.refreshing) {
    state.again = true;
    return state.refreshing;
  }
  const shown = state.route;
  state.refreshing = (async () => {
    try {
      const page = pages[shown.page];
      const [data, status] = await Promise.all([page.read(app, shown), app.json('/api/figures/status')]);
      if (shown !== state.route) {
        return; // the page was left meanwhile
      }
      state.data = data;
      state.status = status;
      showError(null);
      render();
    } catch (e) {
      if (!(e instanceof Refused)) {
        showError(e.message || t('failed'));
      }
    } finally {
      state.refreshing = null;
      if (state.again || shown !== state.route) {
        state.again = false;
        refresh();
      }
    }
  })();
  return state.refreshing;
}

async function refreshStatus() {
  if (!state.caller || $('dashboard').hidden) {
    return;
  }
  try {
    state.status = await app.json('/api/figures/status');
    renderStatus();
  } catch (e) {
    // the next full refresh says what is wrong
  }
}

function showError(message) {
  $('error').hidden = !message;
  $('error').textContent = message || '';
}

// ----- live: Server-Sent Events read from a fetch body

async function follow() {
  const controller = new AbortController();
  state.stream = controller;
  let wait = 2000;
  while (!controller.signal.aborted) {
    try {
      const answer = await fetch('/api/figures/stream', {
        headers: { Accept: 'text/event-stream' }, cache: 'no-store', signal: controller.signal
      });
      if (answer.status === 401) {
        signedOut(t('sessionEnded'));
        return;
      }
      if (!answer.ok || !answer.body) {
        throw new Error(answer.statusText);
      }
      setLive(true);
      wait = 2000;
      refresh(); // whatever changed while the stream was closed
      await readEvents(answer.body, onEvent);
    } catch (e) {
      if (controller.signal.aborted) {
        return;
      }
    }
    setLive(false);
    await new Promise(resolve => setTimeout(resolve, wait));
    wait = Math.min(wait * 2, 30000);
  }
}

async function readEvents(body, handle) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return;
    }
    buffer = (buffer + value).replace(/\r\n?/g, '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = { event: 'message', data: [] };
      block.split('\n').forEach(line => {
        if (!line || line.startsWith(':')) {
          return; // a comment keeps the connection alive
        }
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const content = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'data') {
          event.data.push(content);
        } else if (field === 'event') {
          event.event = content;
        }
      });
      if (event.data.length) {
        handle(event.event, event.data.join('\n'));
      }
    }
  }
}

function onEvent(type, data) {
  if (type !== 'figures') {
    return;
  }
  const change = JSON.parse(data);
  const office = $('f-office').value.trim();
  if (pages[state.route.page].follows(state.route, change) && (!office || office === change.office
      || state.route.page !== 'overview')) {
    refresh();
  }
}

function setLive(on) {
  $('live').dataset.state = on ? 'on' : 'off';
  $('live').textContent = on ? t('live') : t('offline');
}

// ----- rendering

function render() {
  crumbs();
  renderStatus();
  if (state.data) {
    pages[state.route.page].show(state.data, app);
    pages.showStanding(pages[state.route.page].periods(state.data));
  }
  const overview = state.data && state.data.figures && (state.data.figures.reach ? state.data.figures : state.data.figures.figures);
  if (overview) {
    options('offices', Object.keys(overview.reach.byOffice).concat(Object.keys(overview.participants.byOffice)));
    options('themes', Object.keys(overview.reach.byTheme), code => (overview.labels.themes || {})[code] || code);
  }
}

function renderStatus() {
  const data = state.data;
  const asOf = data && (data.figures ? data.figures.asOf : data.detail.asOf);
  text('as-of', asOf ? instant(asOf) : t('noFigures'));
  text('lag', state.status ? number(state.status.lag) : '—');
  // how final the figures are: each reporting period their months fall in, approved, submitted or provisional
  const periods = data ? pages[state.route.page].periods(data) : [];
  text('periods', periods.length
    ? periods.map(p => p.period + ' ' + word('periodStatus', p.status)).join(' · ') : '—');
}

// a filter's option is a code, shown with its label
function options(list, values, name = value => value) {
  $(list).replaceChildren(...[...new Set(values)].sort().map(value => h('option', { value, label: name(value) })));
}

// ----- downloads: fetched in the session, then saved from the browser's memory

async function renderDownloads() {
  const list = $('downloads');
  if (!list) {
    return;
  }
  try {
    const { tables } = await app.json('/api/exports');
    const page = pages[state.route.page];
    list.replaceChildren(...tables.map(table => h('li', null,
      h('span', { 'data-table': table.name }, word('tables', table.name)),
      [['csv', 'CSV'], ['xlsx', 'XLSX']].map(([format, label]) => h('button', {
        type: 'button', class: 'link', 'data-export': table.name + '.' + format,
        'aria-label': word('tables', table.name) + ' ' + label,
        onclick: () => download(table[format] + page.exportQuery(app, state.route), table.name + '.' + format)
      }, label)))));
  } catch (e) {
    if (!(e instanceof Refused)) {
      showError(e.message);
    }
  }
}

async function download(path, name) {
  try {
    const blob = await api(path).then(a => a.blob());
    const link = h('a', { href: URL.createObjectURL(blob), download: name });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  } catch (e) {
    if (!(e instanceof Refused)) {
      showError(e.message);
    }
  }
}

// ----- signing in happens at the identity provider; this service keeps the session

function signedOut(message) {
  state.caller = null;
  if (state.stream) {
    state.stream.abort();
    state.stream = null;
  }
  $('dashboard').hidden = true;
  $('sign-out').hidden = true;
  $('who').textContent = '';
  $('sign-in').hidden = false;
  $('sign-in-error').hidden = !message;
  $('sign-in-error').textContent = message || '';
}

// a write with the session cookie must carry the CSRF token the service set in a cookie of its own
function csrfToken() {
  const cookie = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.slice('XSRF-TOKEN='.length)) : '';
}

function showWho() {
  const c = state.caller;
  const roles = c.roles || [];
  $('who').textContent = t('signedInAs') + ' ' + [c.name, c.office, roles.join(', ')].filter(Boolean).join(' · ');
  const fieldOffice = !roles.includes('hq') && !roles.includes('admin') && c.office;
  if (fieldOffice) {
    $('f-office').value = c.office;
  }
  $('f-office').disabled = Boolean(fieldOffice);
}

function applyLanguage() {
  document.documentElement.lang = locale.language;
  $('language').value = locale.language;
  document.querySelectorAll('[data-i18n]').forEach(element => {
    element.textContent = t(element.dataset.i18n);
  });
  document.querySelectorAll('[data-i18n-label]').forEach(element => {
    element.setAttribute('aria-label', t(element.dataset.i18nLabel));
  });
  if (state.caller) {
    showWho();
  }
  setLive($('live').dataset.state === 'on');
}

function start() {
  $('sign-in').hidden = true;
  $('dashboard').hidden = false;
  $('sign-out').hidden = false;
  showWho();
  setLive(false);
  open(false);
  follow();
}

async function whoIsSignedIn(failure) {
  try {
    const answer = await fetch('/api/me', { cache: 'no-store' });
    if (answer.ok) {
      state.caller = await answer.json();
      start();
      return;
    }
    signedOut(failure);
  } catch (e) {
    signedOut(e.message);
  }
}

function applyFilters() {
  history.replaceState(null, '', location.pathname + query() + location.hash);
  refresh();
  renderDownloads();
}

const params = new URLSearchParams(location.search);
FILTERS.forEach(name => {
  $('f-' + name).value = params.get(name) || '';
});
$('language').addEventListener('change', () => {
  choose($('language').value);
  applyLanguage();
  if (state.caller) {
    render();
    refresh();
    renderDownloads();
  }
});
$('sign-out').addEventListener('submit', () => {
  $('csrf').value = csrfToken();
});
$('filters').addEventListener('submit', event => {
  event.preventDefault();
  applyFilters();
});
$('clear').addEventListener('click', () => {
  FILTERS.forEach(name => {
    if (!$('f-' + name).disabled) {
      $('f-' + name).value = '';
    }
  });
  applyFilters();
});
$('print').addEventListener('click', () => window.print());
// the skip link moves the focus without changing the address, which names the page
document.querySelector('.skip').addEventListener('click', event => {
  event.preventDefault();
  $('page-title').focus();
});
window.addEventListener('hashchange', () => open(true));
setInterval(refreshStatus, 10000);
applyLanguage();
state.route = route();
whoIsSignedIn(params.get('signIn') === 'failed' ? t('signInFailed') : null);

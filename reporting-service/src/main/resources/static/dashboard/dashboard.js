// Headquarters' dashboard: reads the figures API as the person signed in (reporting-service keeps the
// session; the page holds no token) and follows its Server-Sent Events, read with fetch so that a refused
// stream is told apart from a broken one.
(() => {
  'use strict';

  const MESSAGES = window.ALCANCE_MESSAGES;
  const LANGUAGE = 'alcance.language';
  const FILTERS = ['office', 'theme', 'from', 'to'];
  const COLOURS = ['#1f5f99', '#e07b39', '#3a9d7a', '#c4455a', '#7b5ea7', '#c9a227', '#4aa3c9', '#8c6d46'];
  const $ = id => document.getElementById(id);

  const state = {
    caller: null,
    language: initialLanguage(),
    overview: null,
    status: null,
    stream: null,
    charts: {},
    refreshing: null,
    again: false
  };

  function initialLanguage() {
    const chosen = localStorage.getItem(LANGUAGE) || (navigator.language || 'en').slice(0, 2);
    return MESSAGES[chosen] ? chosen : 'en';
  }

  function t(key) {
    const messages = MESSAGES[state.language];
    return messages[key] !== undefined ? messages[key] : MESSAGES.en[key];
  }

  function number(value) {
    return value == null ? '—' : new Intl.NumberFormat(state.language).format(value);
  }

  function sexLabel(sex) {
    return t('sex')[sex] || sex;
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

  // ----- the API

  class Refused extends Error {
  }

  // figures and exports label the catalogue's codes in the language asked for
  async function api(path) {
    const answer = await fetch(path, { cache: 'no-store', headers: { 'Accept-Language': state.language } });
    if (answer.status === 401) {
      signedOut(t('sessionEnded'));
      throw new Refused('401');
    }
    if (!answer.ok) {
      const problem = await answer.json().catch(() => ({}));
      throw new Error(answer.status === 403 ? t('forbidden') : (problem.detail || answer.statusText));
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

  function query() {
    const params = filters().toString();
    return params ? '?' + params : '';
  }

  // One read at a time; changes arriving meanwhile are folded into one more read after it.
  function refresh() {
    if (state.refreshing) {
      state.again = true;
      return state.refreshing;
    }
    state.refreshing = (async () => {
      try {
        const [overview, status] = await Promise.all([
          api('/api/figures/overview' + query()).then(a => a.json()),
          api('/api/figures/status').then(a => a.json())
        ]);
        state.overview = overview;
        state.status = status;
        showError(null);
        render();
      } catch (e) {
        if (!(e instanceof Refused)) {
          showError(e.message || t('failed'));
        }
      } finally {
        state.refreshing = null;
        if (state.again) {
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
      state.status = await api('/api/figures/status').then(a => a.json());
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
    if (!office || office === change.office) {
      refresh();
    }
  }

  function setLive(on) {
    $('live').dataset.state = on ? 'on' : 'off';
    $('live').textContent = on ? t('live') : t('offline');
  }

  // ----- rendering

  function render() {
    const o = state.overview;
    if (!o) {
      return;
    }
    const p = o.participants;
    $('card-campaigns').textContent = number(o.campaigns.total);
    $('card-updates').textContent = number(o.campaigns.updatesCounted);
    $('card-reached').textContent = number(o.reach.total);
    $('card-offices').textContent = number(Object.keys(o.reach.byOffice).length);
    // people, each counted once however many courses they took; the completion rate is of enrolments
    $('card-trained').textContent = number(p.people.completed);
    $('card-enrolled').textContent = number(p.people.enrolled);
    $('card-completion').textContent = p.enrolled ? new Intl.NumberFormat(state.language,
        { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(p.completed / p.enrolled) : '—';
    $('card-courses').textContent = number(o.courses.total);
    options('offices', Object.keys(o.reach.byOffice).concat(Object.keys(p.byOffice)));
    options('themes', Object.keys(o.reach.byTheme), 'themes');
    renderStatus();
    renderCharts(o);
  }

  function renderStatus() {
    const o = state.overview;
    $('as-of').textContent = o && o.asOf ? new Intl.DateTimeFormat(state.language,
        { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' }).format(new Date(o.asOf)) + ' UTC' : t('noFigures');
    $('lag').textContent = state.status ? number(state.status.lag) : '—';
    // how final the figures are: each reporting period their months fall in, approved, submitted or provisional
    const periods = o && o.periods ? o.periods : [];
    $('periods').textContent = periods.length
        ? periods.map(p => p.period + ' ' + (t('periodStatus')[p.status] || p.status)).join(' · ') : '—';
  }

  // a filter's option is a code, shown with its label
  function options(list, values, kind) {
    const known = new Set(values);
    $(list).replaceChildren(...[...known].sort().map(value => Object.assign(document.createElement('option'),
        { value, label: kind ? label(kind, value) : value })));
  }

  // the label of one of the catalogue's codes in the answer's language; a value that is no code, as it is
  function label(kind, code) {
    const labels = state.overview && state.overview.labels ? state.overview.labels[kind] : null;
    return (labels && labels[code]) || code;
  }

  function labelled(kind, counts) {
    return Object.fromEntries(Object.entries(counts).map(([code, count]) => [label(kind, code), count]));
  }

  // a chart follows its box, whatever resized it (window, device rotation, the layout's breakpoints)
  const resizes = new ResizeObserver(entries => entries.forEach(entry => {
    const resized = state.charts[entry.target.id];
    if (resized) {
      resized.resize();
    }
  }));

  function chart(id) {
    if (!state.charts[id]) {
      state.charts[id] = echarts.init($(id));
      resizes.observe($(id));
    }
    return state.charts[id];
  }

  function empty(id) {
    chart(id).setOption({
      title: { text: t('noFigures'), left: 'center', top: 'middle', textStyle: { color: '#8a8f98', fontSize: 14, fontWeight: 'normal' } },
      xAxis: { show: false }, yAxis: { show: false }, series: []
    }, true);
  }

  function bars(id, counts, colour) {
    const entries = Object.entries(counts).sort((a, b) => a[1] - b[1]);
    if (!entries.length) {
      return empty(id);
    }
    chart(id).setOption({
      color: [colour], grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: number },
      xAxis: { type: 'value', axisLabel: { formatter: compact } },
      yAxis: { type: 'category', data: entries.map(e => e[0]), axisLabel: { width: 110, overflow: 'truncate' } },
      series: [{ type: 'bar', barMaxWidth: 28, data: entries.map(e => e[1]), label: { show: true, position: 'right', formatter: v => number(v.value) } }]
    }, true);
  }

  function compact(value) {
    return new Intl.NumberFormat(state.language, { notation: 'compact' }).format(value);
  }

  function renderCharts(o) {
    bars('chart-office', o.reach.byOffice, COLOURS[0]);
    bars('chart-audience', labelled('audiences', o.reach.byAudience), COLOURS[2]);
    bars('chart-theme', labelled('themes', o.reach.byTheme), COLOURS[1]);
    bars('chart-channel', labelled('channels', o.reach.byChannel), COLOURS[3]);
    bars('chart-age', Object.fromEntries(Object.entries(o.reach.byAgeGroup)
        .map(([group, count]) => [t('age')[group] || group, count])), COLOURS[4]);

    // targets differ by orders of magnitude between audiences: compare each audience with its own target
    const targets = (o.targets || []).filter(a => a.percentAchieved != null).reverse();
    if (!targets.length) {
      empty('chart-targets');
    } else {
      const percent = value => new Intl.NumberFormat(state.language, { maximumFractionDigits: 1 }).format(value) + ' %';
      chart('chart-targets').setOption({
        color: [COLOURS[1]], grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: items => {
          const a = targets[items[0].dataIndex];
          return label('audiences', a.audience) + '<br>' + t('reached') + ': ' + number(a.reached) + '<br>' + t('target') + ': '
              + number(a.target) + '<br>' + percent(a.percentAchieved);
        } },
        xAxis: { type: 'value', min: 0, max: v => Math.max(100, Math.ceil(v.max / 10) * 10),
          axisLabel: { formatter: v => v + ' %' } },
        yAxis: { type: 'category', data: targets.map(a => label('audiences', a.audience)), axisLabel: { width: 110, overflow: 'truncate' } },
        series: [{ type: 'bar', barMaxWidth: 28, data: targets.map(a => Number(a.percentAchieved)),
          label: { show: true, position: 'right', formatter: v => percent(v.value) },
          markLine: { silent: true, symbol: 'none', label: { show: false }, lineStyle: { color: '#5d6b7a', type: 'dashed' },
            data: [{ xAxis: 100 }] } }]
      }, true);
    }

    const months = Object.keys(o.reach.byMonth).sort();
    if (!months.length) {
      empty('chart-month');
    } else {
      chart('chart-month').setOption({
        color: [COLOURS[0]], grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
        tooltip: { trigger: 'axis', valueFormatter: number },
        xAxis: { type: 'category', data: months, boundaryGap: false },
        yAxis: { type: 'value', axisLabel: { formatter: compact } },
        series: [{ name: t('people'), type: 'line', smooth: true, areaStyle: { opacity: 0.15 }, data: months.map(m => o.reach.byMonth[m]) }]
      }, true);
    }

    const p = o.participants;
    if (!p.enrolled && !p.attended && !p.completed) {
      empty('chart-funnel');
    } else {
      chart('chart-funnel').setOption({
        color: [COLOURS[0], COLOURS[4], COLOURS[2]], tooltip: { trigger: 'item', valueFormatter: number },
        series: [{ type: 'funnel', sort: 'none', left: '10%', width: '80%', top: 8, bottom: 8, minSize: '20%', gap: 2,
          label: { position: 'inside', formatter: v => v.name + ': ' + number(v.value), color: '#fff' },
          data: [{ name: t('enrolledStage'), value: p.enrolled }, { name: t('attended'), value: p.attended },
            { name: t('completed'), value: p.completed }] }]
      }, true);
    }

    const reachBySex = Object.entries(o.reach.bySex);
    const participantsBySex = Object.entries(p.bySex).map(([sex, c]) => [sex, c.enrolled]);
    if (!reachBySex.length && !participantsBySex.length) {
      empty('chart-sex');
    } else {
      const pie = (name, entries, centre) => ({
        name, type: 'pie', radius: ['30%', '62%'], center: [centre, '50%'],
        label: { position: 'inside', formatter: v => number(v.value), color: '#fff', fontSize: 11 },
        data: entries.map(([sex, value]) => ({ name: sexLabel(sex), value }))
      });
      chart('chart-sex').setOption({
        color: COLOURS, tooltip: { trigger: 'item', valueFormatter: number }, legend: { bottom: 0 },
        title: [{ text: t('reach'), left: '25%', top: 0, textAlign: 'center', textStyle: { fontSize: 13 } },
          { text: t('participants'), left: '75%', top: 0, textAlign: 'center', textStyle: { fontSize: 13 } }],
        series: [pie(t('reach'), reachBySex, '25%'), pie(t('participants'), participantsBySex, '75%')]
      }, true);
    }
  }

  // ----- downloads: fetched in the session, then saved from the browser's memory

  async function renderDownloads() {
    const { tables } = await api('/api/exports').then(a => a.json());
    $('downloads').replaceChildren(...tables.map(table => {
      const item = document.createElement('li');
      item.append(Object.assign(document.createElement('span'), { textContent: table.name }));
      [['csv', 'CSV'], ['xlsx', 'XLSX']].forEach(([format, label]) => {
        const button = Object.assign(document.createElement('button'), { type: 'button', className: 'link', textContent: label });
        button.dataset.export = table.name + '.' + format;
        button.addEventListener('click', () => download(table[format], table.name + '.' + format));
        item.append(button);
      });
      return item;
    }));
  }

  async function download(path, name) {
    try {
      const blob = await api(path + query()).then(a => a.blob());
      const link = Object.assign(document.createElement('a'), { href: URL.createObjectURL(blob), download: name });
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

  // ----- wiring

  function applyLanguage() {
    document.documentElement.lang = state.language;
    $('language').value = state.language;
    document.querySelectorAll('[data-i18n]').forEach(element => {
      element.textContent = t(element.dataset.i18n);
    });
    if (state.caller) {
      showWho();
    }
    setLive($('live').dataset.state === 'on');
    render();
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

  function start() {
    $('sign-in').hidden = true;
    $('dashboard').hidden = false;
    $('sign-out').hidden = false;
    showWho();
    setLive(false);
    refresh();
    renderDownloads().catch(e => {
      if (!(e instanceof Refused)) {
        showError(e.message);
      }
    });
    follow();
  }

  document.addEventListener('DOMContentLoaded', () => {
    const params = new URLSearchParams(location.search);
    FILTERS.forEach(name => {
      $('f-' + name).value = params.get(name) || '';
    });
    $('language').addEventListener('change', () => {
      state.language = $('language').value;
      localStorage.setItem(LANGUAGE, state.language);
      applyLanguage();
      if (state.caller) {
        refresh();
      }
    });
    $('sign-out').addEventListener('submit', () => {
      $('csrf').value = csrfToken();
    });
    $('filters').addEventListener('submit', event => {
      event.preventDefault();
      history.replaceState(null, '', location.pathname + query());
      refresh();
    });
    $('clear').addEventListener('click', () => {
      FILTERS.forEach(name => {
        if (!$('f-' + name).disabled) {
          $('f-' + name).value = '';
        }
      });
      history.replaceState(null, '', location.pathname + query());
      refresh();
    });
    setInterval(refreshStatus, 10000);
    applyLanguage();
    whoIsSignedIn(params.get('signIn') === 'failed' ? t('signInFailed') : null);
  });

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
})();

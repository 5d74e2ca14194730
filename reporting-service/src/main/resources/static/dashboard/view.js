// What every page of the dashboard is made of: the chosen language and its messages, numbers and dates in its
// locale, elements, sortable tables, and charts that each carry a text alternative (a summary for their
// aria-label and the figures in a table a screen reader reads).
import { MESSAGES } from './messages.js';

const LANGUAGE = 'alcance.language';
export const COLOURS = ['#1f5f99', '#c25e1c', '#2e7d5b', '#b3364c', '#6a4f9c', '#8a6d00', '#2a7fa6', '#7a5c3a'];

export const locale = {
  language: chosenLanguage()
};

function chosenLanguage() {
  const chosen = localStorage.getItem(LANGUAGE) || (navigator.language || 'en').slice(0, 2);
  return MESSAGES[chosen] ? chosen : 'en';
}

export function choose(language) {
  locale.language = MESSAGES[language] ? language : 'en';
  localStorage.setItem(LANGUAGE, locale.language);
}

/** A message in the chosen language (English where it has none), its {names} filled from {@code values}. */
export function t(key, values) {
  const messages = MESSAGES[locale.language];
  const message = messages[key] !== undefined ? messages[key] : MESSAGES.en[key];
  return values && typeof message === 'string'
    ? message.replace(/\{(\w+)\}/g, (whole, name) => values[name] !== undefined ? values[name] : whole) : message;
}

/** A word of one of the messages' vocabularies (sexes, age groups, statuses, formats, tables), else the code. */
export function word(vocabulary, code) {
  return (t(vocabulary) || {})[code] || code;
}

export function number(value) {
  return value == null ? '—' : new Intl.NumberFormat(locale.language).format(value);
}

function compact(value) {
  return new Intl.NumberFormat(locale.language, { notation: 'compact' }).format(value);
}

/** A share between 0 and 1 as a percentage. */
export function share(value) {
  return value == null ? '—' : new Intl.NumberFormat(locale.language,
      { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

/** A percentage the API gives as a number of hundredths (12.5 for 12.5 %). */
export function percent(value) {
  return value == null ? '—' : share(Number(value) / 100);
}

export function instant(value) {
  return new Intl.DateTimeFormat(locale.language,
      { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' }).format(new Date(value)) + ' UTC';
}

/** A day (YYYY-MM-DD) or a month (YYYY-MM) of the API, in words of the chosen language. */
export function day(value) {
  if (!value) {
    return '—';
  }
  const month = /^\d{4}-\d{2}$/.test(value);
  const date = new Date(value + (month ? '-01' : '') + 'T00:00:00Z');
  return new Intl.DateTimeFormat(locale.language, month ? { year: 'numeric', month: 'short', timeZone: 'UTC' }
    : { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** An element with attributes (on* ones as listeners) and children (strings become text). */
export function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (value == null || value === false) {
      return;
    }
    if (name.startsWith('on')) {
      element.addEventListener(name.slice(2), value);
    } else {
      element.setAttribute(name, value === true ? '' : value);
    }
  });
  element.append(...children.flat(Infinity).filter(child => child != null));
  return element;
}

export function $(id) {
  return document.getElementById(id);
}

export function text(id, value) {
  const element = $(id);
  if (element) {
    element.textContent = value;
  }
}

// ----- sortable tables: a button in each header, aria-sort on the column the rows follow

const sorts = new Map();

/**
 * Fills {@code table} (made by {@link sortableTable}) with {@code rows}; each column has a label, a value to sort
 * by and a cell (text or element). The chosen order is kept when the figures change.
 */
export function fillTable(table, columns, rows) {
  const sort = sorts.get(table.id) || { column: table.dataset.sort ? Number(table.dataset.sort) : 0, descending: table.dataset.descending === 'true' };
  const head = h('tr', null, columns.map((column, index) => {
    const current = sort.column === index;
    return h('th', { scope: 'col', class: column.numeric ? 'numeric' : null,
      'aria-sort': current ? (sort.descending ? 'descending' : 'ascending') : 'none' },
    h('button', { type: 'button', class: 'sort', 'aria-label': t('sortBy', { column: column.label }),
      onclick: () => {
        sorts.set(table.id, { column: index, descending: current ? !sort.descending : Boolean(column.numeric) });
        fillTable(table, columns, rows);
        table.querySelectorAll('th button')[index].focus();
      } }, column.label, h('span', { class: 'arrow', 'aria-hidden': 'true' },
      current ? (sort.descending ? ' ▼' : ' ▲') : ' ↕')));
  }));
  const key = columns[sort.column].value;
  const ordered = [...rows].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    const order = typeof x === 'number' && typeof y === 'number' ? x - y
      : String(x ?? '').localeCompare(String(y ?? ''), locale.language);
    return sort.descending ? -order : order;
  });
  table.tHead.replaceChildren(head);
  table.tBodies[0].replaceChildren(...ordered.map(row => h('tr', null, columns.map(column =>
    h('td', { class: column.numeric ? 'numeric' : null }, column.cell(row))))));
}

/** A table with a caption, first sorted by the column {@code sort} (descending if {@code descending}). */
export function sortableTable(id, caption, sort = 0, descending = false) {
  return h('div', { class: 'table-box' }, h('table', { id, class: 'data', 'data-sort': sort, 'data-descending': String(descending) },
    h('caption', { class: 'visually-hidden', 'data-i18n': caption }, t(caption)), h('thead'), h('tbody')));
}

// ----- charts, each with a text alternative

const charts = new Map();

// a chart follows its box, whatever resized it (window, device rotation, the layout's breakpoints)
const resizes = new ResizeObserver(entries => entries.forEach(entry => {
  const resized = charts.get(entry.target.id);
  if (resized) {
    resized.resize();
  }
}));

/** The charts of the page that is left. */
export function disposeCharts() {
  charts.forEach((chart, id) => {
    resizes.unobserve(chart.getDom());
    chart.dispose();
    charts.delete(id);
  });
}

function chart(id) {
  if (!charts.has(id)) {
    charts.set(id, echarts.init($(id)));
    resizes.observe($(id));
  }
  return charts.get(id);
}

/** A panel holding a chart and its text alternative; {@code title} and {@code hint} are message keys. */
export function chartPanel(id, title, hint) {
  return h('article', { class: 'panel', 'aria-labelledby': id + '-title' },
    h('h2', { id: id + '-title' }, h('span', { 'data-i18n': title }, t(title)), h('span', { class: 'standing' })),
    hint ? h('p', { class: 'hint', 'data-i18n': hint }, t(hint)) : null,
    h('div', { class: 'chart', id, role: 'img' }),
    h('div', { class: 'visually-hidden' }, h('table', { id: id + '-data' })));
}

/**
 * What a chart shows, for those who cannot see it: a summary in its aria-label and its figures in the hidden
 * table beside it, rows of a label and one value per column.
 */
function describe(id, columns, rows) {
  const title = $(id + '-title').firstChild.textContent;
  const values = rows.filter(row => typeof row[1] === 'number');
  const top = values.length ? values.reduce((a, b) => b[1] > a[1] ? b : a) : null;
  $(id).setAttribute('aria-label', rows.length
    ? t('chartSummary', { title, count: number(rows.length), top: top ? top[0] + ' ' + number(top[1]) : '—' })
    : title + ': ' + t('noFigures'));
  $(id + '-data').replaceChildren(h('caption', null, t('chartData') + ': ' + title),
    h('thead', null, h('tr', null, columns.map(column => h('th', { scope: 'col' }, column)))),
    h('tbody', null, rows.map(([name, ...cells]) => h('tr', null, h('th', { scope: 'row' }, name),
      cells.map(cell => h('td', null, typeof cell === 'number' ? number(cell) : cell ?? '—'))))));
}

function empty(id) {
  chart(id).setOption({
    title: { text: t('noFigures'), left: 'center', top: 'middle', textStyle: { color: '#5d6b7a', fontSize: 14, fontWeight: 'normal' } },
    xAxis: { show: false }, yAxis: { show: false }, series: []
  }, true);
  describe(id, [], []);
}

// category names are wrapped, never cut: the axis takes what they need up to 40 % of the chart's width
function categoryAxis(id, names) {
  const width = Math.max(80, Math.min(220, $(id).clientWidth * 0.4));
  return { type: 'category', data: names, axisLabel: { width, overflow: 'break', lineHeight: 14 } };
}

// a horizontal bar chart grows with its bars, so that each keeps room for its name on two lines
function fitHeight(id, bars) {
  $(id).style.height = Math.max(240, bars * 34 + 40) + 'px';
}

/** Bars of labelled counts (a map of label to count), the largest on top; {@code category} names the labels. */
export function bars(id, counts, colour, category, valueName = t('people')) {
  const entries = Object.entries(counts).sort((a, b) => a[1] - b[1]);
  if (!entries.length) {
    return empty(id);
  }
  fitHeight(id, entries.length);
  chart(id).setOption({
    color: [colour], grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: number },
    xAxis: { type: 'value', axisLabel: { formatter: compact, hideOverlap: true } },
    yAxis: categoryAxis(id, entries.map(e => e[0])),
    series: [{ type: 'bar', name: valueName, barMaxWidth: 28, data: entries.map(e => e[1]),
      label: { show: true, position: 'right', formatter: v => number(v.value) } }]
  }, true);
  describe(id, [category, valueName], [...entries].reverse());
}

/**
 * Several counts per category as grouped bars: {@code series} are [name, values by category]; the hidden table
 * has a column per series.
 */
export function groupedBars(id, category, categories, series) {
  if (!categories.length) {
    return empty(id);
  }
  fitHeight(id, categories.length * Math.max(1, series.length / 2) + Math.ceil(series.length / 2));
  chart(id).setOption({
    color: COLOURS, grid: { left: 8, right: 56, top: 8, bottom: 8 + 22 * Math.ceil(series.length / 2), containLabel: true },
    legend: { bottom: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: number },
    xAxis: { type: 'value', axisLabel: { formatter: compact, hideOverlap: true } },
    yAxis: { ...categoryAxis(id, categories), inverse: true },
    series: series.map(([name, values]) => ({ type: 'bar', name, barMaxWidth: 18, data: values,
      label: { show: true, position: 'right', formatter: v => number(v.value) } }))
  }, true);
  describe(id, [category, ...series.map(s => s[0])], categories.map((category, i) => [category, ...series.map(s => s[1][i])]));
}

/** People by month: a line, or bars while there is a single month (a line of one point is a lone dot). */
export function months(id, byMonth) {
  const keys = Object.keys(byMonth).sort();
  if (!keys.length) {
    return empty(id);
  }
  const single = keys.length === 1;
  chart(id).setOption({
    color: [COLOURS[0]], grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: number },
    xAxis: { type: 'category', data: keys.map(day), boundaryGap: single },
    yAxis: { type: 'value', axisLabel: { formatter: compact } },
    series: [single
      ? { name: t('people'), type: 'bar', barMaxWidth: 48, data: keys.map(m => byMonth[m]),
        label: { show: true, position: 'top', formatter: v => number(v.value) } }
      : { name: t('people'), type: 'line', smooth: true, showSymbol: true, areaStyle: { opacity: 0.15 },
        data: keys.map(m => byMonth[m]) }]
  }, true);
  describe(id, [t('month'), t('people')], keys.map(m => [day(m), byMonth[m]]));
}

/** Shares of each audience's target reached, 100 % marked. */
export function targetShares(id, targets, name) {
  const shown = targets.filter(a => a.percentAchieved != null);
  if (!shown.length) {
    return empty(id);
  }
  const rows = [...shown].reverse();
  fitHeight(id, rows.length);
  chart(id).setOption({
    color: [COLOURS[1]], grid: { left: 8, right: 64, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: items => {
      const a = rows[items[0].dataIndex];
      return name(a.audience) + '<br>' + t('reached') + ': ' + number(a.reached) + '<br>' + t('target') + ': '
          + number(a.target) + '<br>' + percent(a.percentAchieved);
    } },
    xAxis: { type: 'value', min: 0, max: v => Math.max(100, Math.ceil(v.max / 10) * 10),
      axisLabel: { formatter: v => new Intl.NumberFormat(locale.language, { style: 'percent' }).format(v / 100) } },
    yAxis: categoryAxis(id, rows.map(a => name(a.audience))),
    series: [{ type: 'bar', barMaxWidth: 28, data: rows.map(a => Number(a.percentAchieved)),
      label: { show: true, position: 'right', formatter: v => percent(v.value) },
      markLine: { silent: true, symbol: 'none', label: { show: false }, lineStyle: { color: '#5d6b7a', type: 'dashed' },
        data: [{ xAxis: 100 }] } }]
  }, true);
  describe(id, [t('audience'), t('reached'), t('target'), t('percentAchieved')],
    shown.map(a => [name(a.audience), a.reached, a.target, percent(a.percentAchieved)]));
}

/** Enrolled, attended, completed. */
export function funnel(id, counts) {
  if (!counts.enrolled && !counts.attended && !counts.completed) {
    return empty(id);
  }
  const stages = [[t('enrolledStage'), counts.enrolled], [t('attended'), counts.attended], [t('completed'), counts.completed]];
  chart(id).setOption({
    color: [COLOURS[0], COLOURS[4], COLOURS[2]], tooltip: { trigger: 'item', valueFormatter: number },
    series: [{ type: 'funnel', sort: 'none', left: '10%', width: '80%', top: 8, bottom: 8, minSize: '20%', gap: 2,
      label: { position: 'inside', formatter: v => v.name + ': ' + number(v.value), color: '#fff' },
      data: stages.map(([name, value]) => ({ name, value })) }]
  }, true);
  describe(id, [t('stage'), t('participants')], stages);
}

/**
 * Rings of the sex split, one per group that has figures ([title, map of sex to count]); a group without any
 * draws no ring, and the legend names the sexes, never a group.
 */
export function sexRings(id, groups) {
  const shown = groups.filter(([, counts]) => Object.values(counts).some(v => v > 0));
  if (!shown.length) {
    return empty(id);
  }
  const sexes = [...new Set(shown.flatMap(([, counts]) => Object.keys(counts)))];
  const centre = i => ((i + 0.5) * 100 / shown.length) + '%';
  chart(id).setOption({
    color: COLOURS, tooltip: { trigger: 'item', valueFormatter: number },
    legend: { bottom: 0, data: sexes.map(sex => word('sexes', sex)) },
    title: shown.map(([title], i) => ({ text: title, left: centre(i), top: 0, textAlign: 'center', textStyle: { fontSize: 13 } })),
    series: shown.map(([title, counts], i) => ({
      name: title, type: 'pie', radius: ['30%', '62%'], center: [centre(i), '50%'],
      label: { position: 'inside', formatter: v => number(v.value), color: '#fff', fontSize: 11 },
      data: Object.entries(counts).map(([sex, value]) => ({ name: word('sexes', sex), value }))
    }))
  }, true);
  describe(id, [t('sex'), ...shown.map(([title]) => title)],
    sexes.map(sex => [word('sexes', sex), ...shown.map(([, counts]) => counts[sex] ?? 0)]));
}

/**
 * A campaign's audiences' progress over time: for each audience with milestones, the baseline plus the people
 * reached by the end of each milestone's month (achieved) as a line against the milestones' targets as steps.
 */
export function progress(id, audiences, name) {
  const tracked = audiences.filter(a => (a.milestones || []).length);
  if (!tracked.length) {
    return empty(id);
  }
  const months = [...new Set(tracked.flatMap(a => a.milestones.map(m => m.by)))].sort();
  const series = tracked.flatMap((a, i) => {
    const at = Object.fromEntries(a.milestones.map(m => [m.by, m]));
    const colour = COLOURS[i % COLOURS.length];
    return [
      { name: name(a.audience) + ' · ' + t('cumulative'), type: 'line', color: colour, showSymbol: true,
        connectNulls: true, data: months.map(m => at[m] ? at[m].achieved : null) },
      { name: name(a.audience) + ' · ' + t('milestone'), type: 'line', step: 'end', color: colour,
        lineStyle: { type: 'dashed' }, symbol: 'diamond', connectNulls: true, data: months.map(m => at[m] ? at[m].target : null) }
    ];
  });
  // the legend below, one line for each audience's pair of lines
  const legend = 22 * tracked.length;
  $(id).style.height = (240 + legend) + 'px';
  chart(id).setOption({
    grid: { left: 8, right: 24, top: 16, bottom: legend + 8, containLabel: true }, legend: { bottom: 0 },
    tooltip: { trigger: 'axis', valueFormatter: number },
    xAxis: { type: 'category', data: months.map(day) },
    yAxis: { type: 'value', axisLabel: { formatter: compact } }, series
  }, true);
  describe(id, [t('month'), ...series.map(s => s.name)],
    months.map((m, i) => [day(m), ...series.map(s => s.data[i])]));
}


// the boundaries the project ships (see map/NOTICE and map/subdivisions/NOTICE), each file read once
const boundaries = new Map();
const registered = new Set();

/** A file of boundaries; one the project does not ship (a country without subdivisions) has none. */
function boundary(file) {
  if (!boundaries.has(file)) {
    boundaries.set(file, fetch('/dashboard/map/' + file)
      .then(answer => answer.ok ? answer.json() : { type: 'FeatureCollection', features: [] }));
  }
  return boundaries.get(file);
}

/** Where the world's map opens: centred on the countries with figures, as close as shows them all. */
function view(geometry, codes) {
  const points = geometry.features.filter(feature => codes.includes(feature.properties.name))
    .flatMap(feature => feature.geometry.coordinates.flat(feature.geometry.type === 'Polygon' ? 1 : 2));
  if (!points.length) {
    return {};
  }
  const longitudes = points.map(p => p[0]);
  const latitudes = points.map(p => p[1]);
  const [west, east, south, north] = [Math.min(...longitudes), Math.max(...longitudes), Math.min(...latitudes),
    Math.max(...latitudes)];
  const zoom = Math.min(360 / (east - west + 10), 180 / (north - south + 10), 6);
  return { center: [(west + east) / 2, (south + north) / 2], zoom: Math.max(1, zoom / 2) };
}

/** A country's name in the chosen language from its ISO 3166-1 alpha-2 code. */
function country(code) {
  try {
    return new Intl.DisplayNames([locale.language], { type: 'region' }).of(code) || code;
  } catch (e) {
    return code; // no code of ISO 3166-1
  }
}

/**
 * Counts by area ({@code entries} of a boundary's name and a count) on the map {@code geometry} draws, shaded by
 * their number; {@code label} names an area, {@code placing} where the map opens (ECharts fits the whole map
 * without it).
 */
function areaMap(id, name, geometry, entries, valueName, label, placing = {}) {
  if (!registered.has(name)) {
    echarts.registerMap(name, geometry);
    registered.add(name);
  }
  const most = Math.max(1, ...entries.map(e => e[1]));
  chart(id).setOption({
    tooltip: { trigger: 'item', formatter: item => label(item.name) + (item.value >= 0 ? ': ' + number(item.value) : '') },
    visualMap: { min: 0, max: most, left: 8, bottom: 8, calculable: false, itemHeight: 80, text: [compact(most), '0'],
      inRange: { color: ['#dbe8f5', COLOURS[0]] }, formatter: v => compact(v), textStyle: { color: '#1d2733' } },
    // the whole map in the box, beside the scale of shades
    series: [{ type: 'map', map: name, roam: true, name: valueName, left: 56, right: 8, top: 8, bottom: 8, ...placing,
      itemStyle: { areaColor: '#eef1f5', borderColor: '#9aa7b4', borderWidth: 0.5 },
      emphasis: { label: { show: false }, itemStyle: { areaColor: COLOURS[1] } },
      select: { disabled: true },
      data: entries.map(([code, value]) => ({ name: code, value })) }]
  }, true);
  describe(id, [t(name === 'world' ? 'country' : 'subdivision'), valueName],
    [...entries].sort((a, b) => b[1] - a[1]).map(([code, value]) => [label(code), value]));
}

/** Counts by country (ISO 3166-1 alpha-2) on the world's map; {@code valueName} says what they count. */
export async function countries(id, byCountry, valueName) {
  const entries = Object.entries(byCountry || {});
  if (!entries.length) {
    return empty(id);
  }
  const geometry = await boundary('countries.geo.json');
  if ($(id)) { // else the page was left meanwhile
    areaMap(id, 'world', geometry, entries, valueName, country, view(geometry, entries.map(([code]) => code)));
  }
}

/**
 * People reached by subdivision (ISO 3166-2) on a map of the subdivisions of the countries they are in, each
 * named by the boundaries' name and its code; a code outside the boundaries is still in the map's table, and codes
 * only of countries without boundaries are bars.
 */
export async function subdivisions(id, bySubdivision) {
  const entries = Object.entries(bySubdivision || {});
  if (!entries.length) {
    return empty(id);
  }
  const countryCodes = [...new Set(entries.map(([code]) => code.split('-')[0]))].sort();
  const files = await Promise.all(countryCodes.map(code => boundary('subdivisions/' + code + '.geo.json')));
  if (!$(id)) {
    return; // the page was left meanwhile
  }
  const features = files.flatMap(file => file.features);
  if (!features.length) {
    return bars(id, bySubdivision, COLOURS[6], t('subdivision')); // countries the project has no boundaries of
  }
  const names = Object.fromEntries(features.map(feature => [feature.properties.name, feature.properties.label]));
  areaMap(id, 'subdivisions:' + countryCodes.join(','), { type: 'FeatureCollection', features }, entries,
    t('peopleReached'), code => names[code] ? names[code] + ' (' + code + ')' : code);
}

// The dashboard's pages: the overview, an office, a campaign and a course. Each builds its frame once (build),
// says which figures it reads (read) and shows them (show), again whenever they change; its address is a hash
// route (#/, #/offices/GT, #/campaigns/<id>, #/courses/<id>), so that it can be shared.
import {
  $, COLOURS, bars, chartPanel, countries, day, fillTable, funnel, groupedBars, h, months, number, percent, progress,
  sexRings, share, sortableTable, subdivisions, t, targetShares, text, word
} from './view.js';

const link = (route, content) => h('a', { href: '#/' + route }, content);
const encode = encodeURIComponent;

/** The label of a catalogue's code in the answer's language; a value that is no code, as it is. */
function labeller(labels, kind) {
  return code => (labels && labels[kind] && labels[kind][code]) || code;
}

function labelled(counts, name) {
  return Object.fromEntries(Object.entries(counts || {}).map(([code, count]) => [name(code), count]));
}

/** Participants enrolled now, by the key of {@code counts} (enrolled, attended and completed by key). */
function enrolledBy(counts) {
  return Object.fromEntries(Object.entries(counts || {}).map(([key, c]) => [key, c.enrolled]));
}

function card(id, title, sub) {
  return h('article', { class: 'card' },
    h('h2', null, h('span', { 'data-i18n': title }, t(title)), h('span', { class: 'standing' })),
    h('p', { id: 'card-' + id, class: 'figure' }, '—'),
    sub ? h('p', { class: 'sub' }, h('span', { 'data-i18n': sub[0] }, t(sub[0])), ': ', h('span', { id: 'card-' + sub[1] }, '—')) : null);
}

function panel(title, ...content) {
  return h('section', { class: 'panel' }, h('h2', { 'data-i18n': title }, t(title)), ...content);
}

function downloads(hint) {
  return panel('downloads', h('p', { class: 'hint', 'data-i18n': hint }, t(hint)), h('ul', { id: 'downloads', class: 'downloads' }));
}

function facts(rows) {
  return h('dl', { class: 'facts' }, rows.map(([key, value]) => [h('dt', { 'data-i18n': key }, t(key)), h('dd', null, value)]));
}

function list(values, name = v => v) {
  return values && values.length ? values.map(name).join(' · ') : t('none');
}

/**
 * How final the figures are: the least final standing of the reporting periods they cover (provisional before
 * submitted before approved), shown on every card and chart of the page; nothing without a schedule.
 */
export function showStanding(periods) {
  const statuses = periods.map(period => period.status);
  const order = ['PROVISIONAL', 'SUBMITTED', 'APPROVED'];
  const least = order.find(status => statuses.includes(status));
  document.querySelectorAll('#page .standing').forEach(badge => {
    badge.textContent = least ? word('periodStatus', least) : '';
    badge.dataset.status = least || '';
    badge.title = least ? t('standing', { status: word('periodStatus', least) }) : '';
  });
}

function illustrativeBanner(counts) {
  const shown = counts && (counts.campaigns > 0 || counts.courses > 0);
  $('illustrative').hidden = !shown;
  $('illustrative').textContent = shown
    ? t('illustrativeBanner', { campaigns: number(counts.campaigns), courses: number(counts.courses) }) : '';
}

// ----- cards, charts and tables the overview and an office share

/** The cards of the overview, or of an office ({@code offices} false: no count of offices). */
function figureCards(offices) {
  return h('section', { class: 'cards' },
    card('campaigns', 'campaigns', ['updatesCounted', 'updates']),
    card('reached', 'peopleReached', offices ? ['offices', 'offices'] : null),
    card('trained', 'participantsTrained', ['enrolled', 'enrolled']),
    card('completion', 'completionRate', ['courses', 'courses']));
}

/** Offices with campaigns or courses: those that only train report too. */
function officesOf(o) {
  return [...new Set([...Object.keys(o.reach.byOffice), ...Object.keys(o.participants.peopleByOffice || {})])].sort();
}

function showFigures(o) {
  const p = o.participants;
  text('card-campaigns', number(o.campaigns.total));
  text('card-updates', number(o.campaigns.updatesCounted));
  text('card-reached', number(o.reach.total));
  text('card-offices', number(officesOf(o).length));
  // people, each counted once however many courses they took; the completion rate is of enrolments
  text('card-trained', number(p.people.completed));
  text('card-enrolled', number(p.people.enrolled));
  text('card-completion', p.enrolled ? share(p.completed / p.enrolled) : '—');
  text('card-courses', number(o.courses.total));
  const name = kind => labeller(o.labels, kind);
  bars('chart-audience', labelled(o.reach.byAudience, name('audiences')), COLOURS[2], t('audience'));
  bars('chart-theme', labelled(o.reach.byTheme, name('themes')), COLOURS[1], t('theme'));
  bars('chart-channel', labelled(o.reach.byChannel, name('channels')), COLOURS[3], t('channel'));
  bars('chart-age', labelled(o.reach.byAgeGroup, group => word('age', group)), COLOURS[4], t('ageGroup'));
  targetShares('chart-targets', o.targets || [], name('audiences'));
  countries('chart-country', o.reach.byCountry, t('peopleReached'));
  subdivisions('chart-subdivision', o.reach.bySubdivision);
  countries('chart-participant-country', enrolledBy(p.byCountry), t('enrolled'));
  months('chart-month', o.reach.byMonth);
  funnel('chart-funnel', p);
  sexRings('chart-sex', [[t('reach'), o.reach.bySex],
    [t('participants'), enrolledBy(p.bySex)]]);
  showTrainingTargets(o.trainingTargets, o.labels);
  illustrativeBanner(o.illustrative);
}

const figureCharts = () => [
  chartPanel('chart-country', 'reachByCountry'),
  chartPanel('chart-subdivision', 'reachBySubdivision', 'subdivisionHint'),
  chartPanel('chart-participant-country', 'participantsByCountry', 'participantCountryHint'),
  chartPanel('chart-audience', 'reachByAudience'),
  chartPanel('chart-targets', 'targets', 'targetsHint'),
  chartPanel('chart-month', 'monthly'),
  chartPanel('chart-funnel', 'funnel'),
  chartPanel('chart-sex', 'sexSplit'),
  chartPanel('chart-theme', 'reachByTheme'),
  chartPanel('chart-channel', 'reachByChannel'),
  chartPanel('chart-age', 'reachByAge')
];

/**
 * This period against the one before it (as long, ending the month before it starts) and the same months a year
 * earlier, when the filters name both ends of a period.
 */
function earlierPeriods(filters) {
  const from = filters.get('from');
  const to = filters.get('to');
  if (!/^\d{4}-\d{2}$/.test(from || '') || !/^\d{4}-\d{2}$/.test(to || '') || from > to) {
    return [];
  }
  const index = month => Number(month.slice(0, 4)) * 12 + Number(month.slice(5)) - 1;
  const name = i => String(Math.floor(i / 12)).padStart(4, '0') + '-' + String(i % 12 + 1).padStart(2, '0');
  const length = index(to) - index(from) + 1;
  return [[name(index(from) - length), name(index(from) - 1)], [name(index(from) - 12), name(index(to) - 12)]];
}

function comparisonPanel() {
  return chartPanel('chart-compare', 'comparison', 'comparisonHint');
}

function showComparison(o, earlier) {
  if (!earlier.length) {
    $('chart-compare').closest('.panel').hidden = true;
    return;
  }
  $('chart-compare').closest('.panel').hidden = false;
  const measures = [[t('peopleReached'), f => f.reach.total], [t('participantsTrained'), f => f.participants.people.completed],
    [t('enrolled'), f => f.participants.people.enrolled]];
  const periodName = f => day(f.filters.from) + ' – ' + day(f.filters.to);
  groupedBars('chart-compare', t('measure'), measures.map(m => m[0]),
    [o, ...earlier].map(f => [periodName(f), measures.map(m => m[1](f))]));
}

/** Participants to train of an organisation type and sex (either may be any) against those trained. */
function showTrainingTargets(targets, labels) {
  const type = labeller(labels, 'organisationTypes');
  fillTable($('table-targets'), [
    { label: t('organisationType'), value: x => x.organisationType || '',
      cell: x => x.organisationType ? type(x.organisationType) : t('anyType') },
    { label: t('sex'), value: x => x.sex || '', cell: x => x.sex ? word('sexes', x.sex) : t('anySex') },
    { label: t('target'), numeric: true, value: x => x.target, cell: x => number(x.target) },
    { label: t('trained'), numeric: true, value: x => x.trained, cell: x => number(x.trained) },
    { label: t('percentAchieved'), numeric: true, value: x => Number(x.percentAchieved ?? -1), cell: x => percent(x.percentAchieved) }
  ], targets || []);
}

const trainingTargetsPanel = () => panel('trainingTargets', sortableTable('table-targets', 'trainingTargets'));

// ----- the overview

export const overview = {
  crumbs: () => [],
  filters: true,
  officeFilter: true,
  build: () => [
    figureCards(true),
    h('section', { class: 'charts' },
      chartPanel('chart-office', 'reachByOffice'),
      chartPanel('chart-funnel-office', 'funnelByOffice'),
      ...figureCharts(),
      comparisonPanel()),
    panel('officeTable', sortableTable('table-offices', 'officeTable', 1, true)),
    trainingTargetsPanel(),
    downloads('downloadsHint')
  ],
  read: async (app, route) => {
    const figures = await app.json('/api/figures/overview' + app.query());
    const earlier = await Promise.all(earlierPeriods(app.filters()).map(([from, to]) =>
      app.json('/api/figures/overview' + app.query({ from, to }))));
    return { figures, earlier };
  },
  show: ({ figures: o, earlier }) => {
    showFigures(o);
    bars('chart-office', o.reach.byOffice, COLOURS[0], t('office'));
    const offices = officesOf(o);
    const people = office => (o.participants.peopleByOffice || {})[office] || { enrolled: 0, attended: 0, completed: 0 };
    const training = offices.filter(x => people(x).enrolled > 0);
    groupedBars('chart-funnel-office', t('office'), training, [[t('enrolledStage'), training.map(x => people(x).enrolled)],
      [t('attended'), training.map(x => people(x).attended)], [t('completed'), training.map(x => people(x).completed)]]);
    showComparison(o, earlier);
    fillTable($('table-offices'), [
      { label: t('office'), value: x => x, cell: x => link('offices/' + encode(x), x) },
      { label: t('peopleReached'), numeric: true, value: x => o.reach.byOffice[x] || 0, cell: x => number(o.reach.byOffice[x] || 0) },
      { label: t('enrolled'), numeric: true, value: x => people(x).enrolled, cell: x => number(people(x).enrolled) },
      { label: t('participantsTrained'), numeric: true, value: x => people(x).completed, cell: x => number(people(x).completed) }
    ], offices);
  },
  periods: data => data.figures.periods || [],
  exportQuery: app => app.query(),
  follows: () => true
};

// ----- an office

export const office = {
  crumbs: route => [[t('officeTitle', { office: route.id }), null]],
  filters: true,
  officeFilter: false,
  build: () => [
    figureCards(false),
    panel('campaignTable', sortableTable('table-campaigns', 'campaignTable', 2, true)),
    panel('courseTable', sortableTable('table-courses', 'courseTable', 3, true)),
    h('section', { class: 'charts' }, ...figureCharts(), comparisonPanel()),
    trainingTargetsPanel(),
    downloads('downloadsOffice')
  ],
  read: async (app, route) => {
    const path = '/api/figures/offices/' + encode(route.id);
    const figures = await app.json(path + app.query({ office: null }));
    const earlier = await Promise.all(earlierPeriods(app.filters()).map(([from, to]) =>
      app.json(path + app.query({ office: null, from, to })).then(f => f.figures)));
    return { figures, earlier };
  },
  show: ({ figures, earlier }) => {
    showFigures(figures.figures);
    showComparison(figures.figures, earlier);
    fillTable($('table-campaigns'), [
      { label: t('titleColumn'), value: c => c.title, cell: c => link('campaigns/' + encode(c.id), c.title) },
      { label: t('status'), value: c => word('statuses', c.status), cell: c => word('statuses', c.status) },
      { label: t('peopleReached'), numeric: true, value: c => c.reached, cell: c => number(c.reached) }
    ], figures.campaigns);
    fillTable($('table-courses'), [
      { label: t('titleColumn'), value: c => c.title, cell: c => link('courses/' + encode(c.id), c.title) },
      { label: t('status'), value: c => word('statuses', c.status), cell: c => word('statuses', c.status) },
      { label: t('enrolled'), numeric: true, value: c => c.enrolled, cell: c => number(c.enrolled) },
      { label: t('completed'), numeric: true, value: c => c.completed, cell: c => number(c.completed) }
    ], figures.courses);
  },
  periods: data => data.figures.figures.periods || [],
  exportQuery: (app, route) => app.query({ office: route.id }),
  follows: (route, change) => change.office === route.id
};

// ----- a campaign or a course: its office's link, its badge if it is illustrative

function entityHeader(kind) {
  return h('p', { class: 'entity' }, h('span', { 'data-i18n': kind }, t(kind)), ' · ',
    h('span', { id: 'entity-office' }), ' ',
    h('span', { id: 'illustrative-badge', class: 'badge', 'data-i18n': 'illustrative', hidden: true }, t('illustrative')));
}

function showEntity(detail) {
  $('entity-office').replaceChildren(link('offices/' + encode(detail.office), t('officeTitle', { office: detail.office })));
  $('illustrative-badge').hidden = detail.illustrative !== true;
}

function entityDownloads(hint) {
  return panel('downloads', h('p', { class: 'hint', 'data-i18n': hint }, t(hint)),
    h('ul', { class: 'downloads' }, h('li', null, h('button', { type: 'button', class: 'link', id: 'download-json' }, t('figuresJson'))),
      h('li', null, h('a', { id: 'office-tables' }))));
}

function showEntityDownloads(app, path, detail) {
  $('download-json').onclick = () => app.download(path, detail.id + '.json');
  $('office-tables').href = '#/offices/' + encode(detail.office);
  $('office-tables').textContent = t('officeTables', { office: detail.office });
}

/** Back to the overview and the office, then the campaign's or course's title. */
function entityCrumbs(route, data) {
  return data ? [[t('officeTitle', { office: data.detail.office }), 'offices/' + encode(data.detail.office)],
    [data.detail.title, null]] : [];
}

/** A campaign's or course's figures ({@code kind} of the figures API), and the completeness of its office's periods. */
function readEntity(kind) {
  return async (app, route) => {
    const detail = await app.json('/api/figures/' + kind + '/' + encode(route.id));
    const completeness = await app.json('/api/figures/periods?office=' + encode(detail.office));
    return { detail, completeness };
  };
}

/**
 * The office's reporting periods that hold any of {@code months} (YYYY-MM) with their standing for that office,
 * from the periods' completeness; none without a schedule.
 */
function standingOf(completeness, office, monthsCovered) {
  return (completeness.periods || []).filter(period => monthsCovered.some(m => m >= period.from.slice(0, 7)
      && m <= period.to.slice(0, 7)))
    .map(period => ({ period: period.period,
      status: ((period.offices || []).find(o => o.office === office) || period).status }));
}

export const campaign = {
  crumbs: entityCrumbs,
  build: () => [
    entityHeader('campaign'),
    h('section', { class: 'cards' },
      card('reached', 'peopleReached', ['updatesCounted', 'updates']),
      card('retracted', 'updatesRetracted'),
      card('audiences', 'audiences'),
      card('status', 'status', ['dates', 'dates'])),
    panel('about', h('div', { id: 'campaign-facts' })),
    panel('audiences', sortableTable('table-audiences', 'audiences', 3, true)),
    h('section', { class: 'charts' },
      chartPanel('chart-progress', 'progress', 'progressHint'),
      chartPanel('chart-targets', 'targets', 'targetsHint'),
      chartPanel('chart-month', 'monthly'),
      chartPanel('chart-sex', 'sexSplit'),
      chartPanel('chart-age', 'reachByAge'),
      chartPanel('chart-channel', 'reachByChannel'),
      chartPanel('chart-subdivision', 'reachBySubdivision', 'subdivisionHint'),
      chartPanel('chart-materials', 'materials')),
    entityDownloads('campaignExports')
  ],
  read: readEntity('campaigns'),
  show: ({ detail: c, completeness }, app) => {
    const name = kind => labeller(c.labels, kind);
    showEntity(c);
    text('card-reached', number(c.reached));
    text('card-updates', number(c.updatesCounted));
    text('card-retracted', number(c.updatesRetracted));
    text('card-audiences', number(c.audiences.length));
    text('card-status', word('statuses', c.status));
    text('card-dates', day(c.startDate) + ' – ' + day(c.endDate));
    $('campaign-facts').replaceChildren(facts([
      ['themes', list(c.themes, name('themes'))], ['channels', list(c.channels, name('channels'))],
      ['partners', list(c.partners)]]));
    fillTable($('table-audiences'), [
      { label: t('audience'), value: a => name('audiences')(a.audience), cell: a => name('audiences')(a.audience) },
      { label: t('baseline'), numeric: true, value: a => a.baseline ?? -1, cell: a => number(a.baseline) },
      { label: t('target'), numeric: true, value: a => a.target ?? -1, cell: a => number(a.target) },
      { label: t('reached'), numeric: true, value: a => a.reached, cell: a => number(a.reached) },
      { label: t('percentAchieved'), numeric: true, value: a => a.percentAchieved == null ? -1 : Number(a.percentAchieved),
        cell: a => percent(a.percentAchieved) }
    ], c.audiences);
    progress('chart-progress', c.audiences, name('audiences'));
    targetShares('chart-targets', c.audiences, name('audiences'));
    months('chart-month', Object.fromEntries(c.monthly.map(m => [m.month, m.people])));
    sexRings('chart-sex', [[t('reach'), c.bySex]]);
    bars('chart-age', labelled(c.byAgeGroup, group => word('age', group)), COLOURS[4], t('ageGroup'));
    bars('chart-channel', labelled(c.byChannel, name('channels')), COLOURS[3], t('channel'));
    subdivisions('chart-subdivision', c.bySubdivision);
    bars('chart-materials', labelled(c.materials, name('materials')), COLOURS[5], t('material'), t('distributed'));
    showEntityDownloads(app, '/api/figures/campaigns/' + encode(c.id), c);
  },
  periods: ({ detail: c, completeness }) => standingOf(completeness, c.office, c.monthly.map(m => m.month)),
  follows: (route, change) => change.id === route.id
};

export const course = {
  crumbs: entityCrumbs,
  build: () => [
    entityHeader('course'),
    h('section', { class: 'cards' },
      card('enrolled', 'enrolled', ['waitlisted', 'waitlisted']),
      card('attended', 'attended', ['sessionsHeld', 'sessions']),
      card('completed', 'completed', ['completionRate', 'completion']),
      card('status', 'status', ['dates', 'dates'])),
    panel('about', h('div', { id: 'course-facts' })),
    h('section', { class: 'charts' },
      chartPanel('chart-funnel', 'funnel'),
      chartPanel('chart-sex', 'sexSplit'),
      chartPanel('chart-organisation', 'participantsBy'),
      chartPanel('chart-participant-country', 'participantsByCountry', 'participantCountryHint')),
    trainingTargetsPanel(),
    panel('sessions', sortableTable('table-sessions', 'sessions')),
    entityDownloads('courseExports')
  ],
  read: readEntity('courses'),
  show: ({ detail: c, completeness }, app) => {
    const name = kind => labeller(c.labels, kind);
    showEntity(c);
    text('card-enrolled', number(c.enrolled));
    text('card-waitlisted', number(c.waitlisted));
    text('card-attended', number(c.participantsAttended));
    text('card-sessions', number(c.sessionsHeld));
    text('card-completed', number(c.completed));
    text('card-completion', c.completionRate == null ? '—' : share(c.completionRate));
    text('card-status', word('statuses', c.status));
    text('card-dates', day(c.startDate) + ' – ' + day(c.endDate));
    const scores = c.meanPreScore == null && c.meanPostScore == null ? '—'
      : number(c.meanPreScore) + ' / ' + number(c.meanPostScore);
    $('course-facts').replaceChildren(facts([
      ['format', word('formats', c.format)], ['venue', c.venue || '—'], ['capacity', number(c.capacity)],
      ['topics', list(c.topics)], ['targetAudiences', list(c.targetAudiences, name('audiences'))],
      ['withdrawn', number(c.withdrawn)], ['meanScores', scores]]));
    funnel('chart-funnel', { enrolled: c.enrolled, attended: c.participantsAttended, completed: c.completed });
    const enrolled = (key, cells = c.cells) =>
      cells.reduce((by, cell) => ({ ...by, [key(cell)]: (by[key(cell)] || 0) + cell.enrolled }), {});
    sexRings('chart-sex', [[t('participants'), enrolled(cell => cell.sex)]]);
    bars('chart-organisation', enrolled(cell => name('organisationTypes')(cell.organisationType)), COLOURS[6],
      t('organisationType'), t('enrolled'));
    // cells stored before they kept the participants' country have none, until the figures are rebuilt
    countries('chart-participant-country', enrolled(cell => cell.country, c.cells.filter(cell => cell.country)),
      t('enrolled'));
    showTrainingTargets(c.targets, c.labels);
    fillTable($('table-sessions'), [
      { label: t('date'), value: s => s.date, cell: s => day(s.date) },
      { label: t('titleColumn'), value: s => s.title || '', cell: s => s.title || '—' },
      { label: t('duration'), numeric: true, value: s => s.durationMinutes, cell: s => number(s.durationMinutes) }
    ], c.sessions || []);
    showEntityDownloads(app, '/api/figures/courses/' + encode(c.id), c);
  },
  // the months a course ran, from its first day to its last
  periods: ({ detail: c, completeness }) => standingOf(completeness, c.office,
    [c.startDate, c.endDate].filter(Boolean).map(d => d.slice(0, 7))),
  follows: (route, change) => change.id === route.id
};


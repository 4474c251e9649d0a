/*
 * Hall screen of the branch queue. Plain ES5 (older TV browsers), no libraries, no network beyond the
 * branch agent that serves this page.
 *
 * Start:  /hall/?pair=CODE[&name=...]  trades the pairing code for a device token (kept in localStorage)
 *         /hall/                       uses the stored token
 * Data:   GET /api/v1/branch, GET /api/v1/queue (snapshot), then the event stream
 *         /api/v1/events?access_token=..&after=<snapshot.lastEventId>; the browser resumes by itself with
 *         Last-Event-ID after a network drop. Counter panels and last calls follow the events at once;
 *         waiting counts are re-read from the snapshot shortly after each event.
 * Voice:  announcements are played from recorded clips (voice/, see tools/voice/generate-clips.sh);
 *         /hall/?voice=vi (default) | vi,en | off, remembered like the token.
 * Tests:  window.hall exposes the event source, connect(), disconnect(), the state, announcementClips() and
 *         voiceLog (every clip played, with its start and end time).
 */
(function () {
  'use strict';

  var TOKEN_KEY = 'branch.hall.token';
  var DEVICE_KEY = 'branch.hall.deviceId';
  var VOICE_KEY = 'branch.hall.voice';
  var VOICE_DIR = 'voice/';
  var CLIP_TIMEOUT_MS = 10000;       // one clip is at most ~2.5 s: longer means the player is stuck
  var CLIP_RETRY_MS = 60000;
  var SPEECH_TIMEOUT_MS = 15000;
  var VOICE_LOG_MAX = 500;
  var NOTICES_REFRESH_MS = 5 * 60 * 1000;
  var TICKER_SPEED_VH = 10;          // per second: ~110 px/s at 1080p, about 6 characters a second
  var LAST_CALLS = 6;
  var REFRESH_DEBOUNCE_MS = 300;
  var PERIODIC_REFRESH_MS = 60000;
  var ANNOUNCE_MS = 6000;            // how long a call stays on the banner when nothing else is waiting
  var ANNOUNCE_MIN_MS = 3500;        // ... and at least, when further calls are queued
  var ANNOUNCE_QUEUE_MAX = 5;
  var ANNOUNCE_GAP_MS = 600;         // silence between two spoken calls
  var FLASH_MS = 10000;              // outlasts the banner: the panel still blinks after it
  var STALE_CALL_MS = 2 * 60 * 1000; // calls replayed after a long outage are shown, not announced
  var RETRY_MIN_MS = 2000;
  var RETRY_MAX_MS = 30000;
  var EVENT_TYPES = ['ticket.issued', 'ticket.called', 'ticket.recalled', 'ticket.serving', 'ticket.done',
    'ticket.no_show', 'ticket.cancelled', 'ticket.transferred'];
  var ENDED = { DONE: 1, NO_SHOW: 1, TRANSFERRED: 1, CANCELLED: 1 };
  var DASH = '\u2014';

  var state = {
    token: null,
    branch: null,
    businessDay: null,
    lastEventId: 0,          // largest event id applied from the stream
    snapshotEventId: -1,     // lastEventId of the newest snapshot applied
    counters: [],            // [{counterId, number, current}]
    services: [],            // [{serviceId, code, nameVi, nameEn, waiting}]
    recent: [],              // tickets, newest call first
    skewMs: 0,               // agent clock minus this screen's clock
    notices: [],             // [{vi, en}] of the ticker
    noticesKey: null,
    connection: 'connecting'
  };

  var hall = {
    eventSource: null,
    state: state,
    connect: connect,
    disconnect: disconnect,
    refresh: function () { return refreshSnapshot(); },
    reload: function () { return fullReload(); },
    announcementClips: function (displayNumber, counterNumber, lang) {
      return announcementClips(displayNumber, counterNumber, lang);
    },
    voice: null,             // {mode, blocked, failed: {url: when it failed}}
    voiceLog: []             // every clip played: {clip, number, counter, startedAt, endedAt[, error]} (ms)
  };
  window.hall = hall;

  var els = {};
  var timers = { refresh: null, periodic: null, retry: null, announce: null, clock: null, notices: null };
  var retryDelay = RETRY_MIN_MS;
  var refreshInFlight = false;
  var refreshAgain = false;
  var announceQueue = [];
  var announceCurrent = null;
  var announceShownAt = 0;
  var flashTimers = {};
  var clockFormat = null;
  var voices = [];
  var voice = { mode: 'vi', blocked: false, failed: {} };
  hall.voice = voice;

  // ---------------------------------------------------------------- storage

  var memoryStore = {};
  function storeGet(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return memoryStore[key] || null; }
  }
  function storeSet(key, value) {
    try { window.localStorage.setItem(key, value); } catch (e) { memoryStore[key] = value; }
  }
  function storeRemove(key) {
    try { window.localStorage.removeItem(key); } catch (e) { /* ignore */ }
    delete memoryStore[key];
  }

  // ---------------------------------------------------------------- HTTP

  /** Resolves with {status, body, date}; rejects with {status, body} (status 0: agent not reachable). */
  function api(method, path, body, auth) {
    return new Promise(function (resolve, reject) {
      var xhr = new XMLHttpRequest();
      xhr.open(method, path, true);
      xhr.timeout = 15000;
      xhr.setRequestHeader('Accept', 'application/json');
      if (auth && state.token) {
        xhr.setRequestHeader('Authorization', 'Bearer ' + state.token);
      }
      if (body !== undefined) {
        xhr.setRequestHeader('Content-Type', 'application/json');
      }
      xhr.onload = function () {
        var parsed = null;
        try { parsed = xhr.responseText ? JSON.parse(xhr.responseText) : null; } catch (e) { parsed = null; }
        var result = { status: xhr.status, body: parsed, date: xhr.getResponseHeader('Date') };
        if (xhr.status >= 200 && xhr.status < 300) {
          resolve(result);
        } else {
          reject(result);
        }
      };
      xhr.onerror = xhr.ontimeout = function () { reject({ status: 0, body: null }); };
      xhr.send(body === undefined ? null : JSON.stringify(body));
    });
  }

  // ---------------------------------------------------------------- start

  function init() {
    [
      'branch-name', 'branch-name-en', 'connection', 'clock-time', 'clock-date', 'counters', 'last-calls',
      'last-calls-empty', 'waiting', 'announcement', 'not-paired', 'loading', 'ticker', 'ticker-track', 'sound-hint'
    ].forEach(function (id) { els[id] = document.getElementById(id); });
    startClock();
    initSpeech();
    window.addEventListener('resize', function () {
      layoutCounters();
      layoutTicker();
    });

    // A page left for another keeps its stream open in the back/forward cache and holds one of the
    // browser's six connections to the agent: close it, and start over if the page is shown again.
    window.addEventListener('pagehide', function () { closeStream(); });
    window.addEventListener('pageshow', function (e) {
      if (e.persisted && state.token) {
        fullReload();
      }
    });

    var params = queryParams();
    initVoice(params);
    state.token = storeGet(TOKEN_KEY);
    if (params.pair !== undefined) {
      pair(params.pair, params.name);
    } else if (state.token) {
      begin();
    } else {
      showNotPaired(null);
    }
  }

  function queryParams() {
    var out = {};
    var q = window.location.search.replace(/^\?/, '');
    if (!q) {
      return out;
    }
    q.split('&').forEach(function (part) {
      if (!part) {
        return;
      }
      var i = part.indexOf('=');
      var k = decodeParam(i < 0 ? part : part.substring(0, i));
      out[k] = i < 0 ? '' : decodeParam(part.substring(i + 1));
    });
    return out;
  }

  function decodeParam(s) {
    try { return decodeURIComponent(s.replace(/\+/g, ' ')); } catch (e) { return s; }
  }

  /** The current address without the pairing parameters (they must not stay in the TV's history). */
  function urlWithoutPairing() {
    var q = window.location.search.replace(/^\?/, '');
    var kept = q ? q.split('&').filter(function (part) {
      var k = decodeParam(part.split('=')[0]);
      return part && k !== 'pair' && k !== 'name';
    }) : [];
    return window.location.pathname + (kept.length ? '?' + kept.join('&') : '') + window.location.hash;
  }

  function pair(code, name) {
    showLoading(true);
    var deviceName = (name && name.trim()) ||
      ('Hall screen ' + window.screen.width + 'x' + window.screen.height + ' ' + new Date().toISOString().substring(0, 10));
    api('POST', '/api/v1/devices/pair', { code: String(code).trim(), deviceName: deviceName }, false)
      .then(function (res) {
        var token = res.body && res.body.token;
        if (!token) {
          throw { status: 500, body: null };
        }
        state.token = token;
        storeSet(TOKEN_KEY, token);
        if (res.body.deviceId !== undefined) {
          storeSet(DEVICE_KEY, String(res.body.deviceId));
        }
        try { window.history.replaceState(null, '', urlWithoutPairing()); } catch (e) { /* old browser */ }
        begin();
      })
      .catch(function (err) {
        showLoading(false);
        if (err && err.status === 0) {
          // the agent may be restarting: the code is still unused, try again
          showNotPaired(unreachableError());
          clearTimeout(timers.retry);
          timers.retry = setTimeout(function () { pair(code, name); }, 5000);
        } else {
          showNotPaired(errorBody(err));
        }
      });
  }

  function begin() {
    els['not-paired'].hidden = true;
    document.body.setAttribute('data-state', 'loading');
    setConnection('connecting');
    loadBranch();
    loadNotices();
    fullReload();
    clearInterval(timers.periodic);
    timers.periodic = setInterval(function () { scheduleRefresh(0); }, PERIODIC_REFRESH_MS);
  }

  function loadBranch() {
    return api('GET', '/api/v1/branch', undefined, true).then(function (res) {
      var b = res.body || {};
      state.branch = b;
      els['branch-name'].textContent = b.nameVi || b.code || '';
      els['branch-name-en'].textContent = b.nameEn || '';
      document.title = (b.nameVi || 'Màn hình sảnh') + ' · Hall screen';
      setClockZone(b.timeZone);
    }, function (err) {
      if (!handleAuthError(err)) {
        var b = errorBody(err);
        if (b.code === 'branch_not_set_up') {
          // a fresh install: the title says so, with the next step, until IT runs branch-agent setup
          els['branch-name'].textContent = b.messageVi;
          els['branch-name-en'].textContent = b.messageEn;
        }
        setTimeout(function () { if (state.token) { loadBranch(); } }, 5000);
      }
    });
  }

  /** Snapshot, then the stream from the snapshot's event id. Used at start and after a fatal stream error. */
  function fullReload() {
    clearTimeout(timers.retry);
    closeStream();
    return api('GET', '/api/v1/queue', undefined, true).then(function (res) {
      retryDelay = RETRY_MIN_MS;
      noteClock(res.date);
      applySnapshot(res.body, true);
      showLoading(false);
      document.body.setAttribute('data-state', 'running');
      connect();
    }, function (err) {
      if (handleAuthError(err)) {
        return;
      }
      showLoading(false);
      setConnection('reconnecting');
      scheduleRetry();
    });
  }

  function scheduleRetry() {
    clearTimeout(timers.retry);
    var delay = retryDelay;
    retryDelay = Math.min(RETRY_MAX_MS, retryDelay * 2);
    timers.retry = setTimeout(function () {
      if (state.token) {
        if (!state.branch) {
          loadBranch();
        }
        fullReload();
      }
    }, delay);
  }

  // ---------------------------------------------------------------- event stream

  function connect() {
    closeStream();
    if (!state.token) {
      return;
    }
    if (typeof window.EventSource === 'undefined') {
      // no server push in this browser: poll the snapshot instead
      clearInterval(timers.periodic);
      timers.periodic = setInterval(function () { scheduleRefresh(0); }, 3000);
      setConnection('connected');
      return;
    }
    var url = '/api/v1/events?access_token=' + encodeURIComponent(state.token) + '&after=' + state.lastEventId;
    var es = new window.EventSource(url);
    hall.eventSource = es;
    setConnection(state.connection === 'connected' ? 'connecting' : state.connection);
    es.onopen = function () {
      if (es !== hall.eventSource) {
        return;
      }
      retryDelay = RETRY_MIN_MS;
      setConnection('connected');
    };
    es.onerror = function () {
      if (es !== hall.eventSource) {
        return;
      }
      setConnection('reconnecting');
      if (es.readyState === 2) {
        // the browser gave up (agent answered with an error, or the stream was closed): start over
        es.close();
        hall.eventSource = null;
        scheduleRetry();
      }
      // else CONNECTING: the browser retries by itself, with Last-Event-ID
    };
    var handler = function (msg) { onStreamMessage(es, msg); };
    EVENT_TYPES.forEach(function (t) { es.addEventListener(t, handler); });
    es.onmessage = handler;
  }

  function closeStream() {
    if (hall.eventSource) {
      try { hall.eventSource.close(); } catch (e) { /* ignore */ }
      hall.eventSource = null;
    }
  }

  /** Closes the stream as a network drop would (for tests and diagnostics); connect() resumes. */
  function disconnect() {
    closeStream();
    setConnection('reconnecting');
  }

  function onStreamMessage(es, msg) {
    if (es !== hall.eventSource) {
      return;
    }
    if (state.connection !== 'connected') {
      setConnection('connected');
    }
    var ev;
    try { ev = JSON.parse(msg.data); } catch (e) { return; }
    if (!ev) {
      return;
    }
    var id = Number(msg.lastEventId || ev.id);
    if (!(id > state.lastEventId)) {
      return; // already applied (replay overlap after a reconnect)
    }
    state.lastEventId = id;
    applyEvent(ev);
    scheduleRefresh(REFRESH_DEBOUNCE_MS);
  }

  function applyEvent(ev) {
    var t = ev.ticket;
    if (!t) {
      return;
    }
    var type = ev.type || '';
    var counterId = ev.counterId != null ? ev.counterId : t.counterId;
    if (state.businessDay && t.businessDay && t.businessDay !== state.businessDay) {
      // a new business day: start from a fresh snapshot
      scheduleRefresh(0, true);
    }
    if (type === 'ticket.called' || type === 'ticket.recalled') {
      var known = setCounterTicket(counterId, t);
      pushRecent(t);
      if (!isStale(ev.at)) {
        flashCounter(counterId);
        announce(t.displayNumber, counterNumberOf(counterId, t));
      }
      if (!known) {
        scheduleRefresh(0, true);
      }
    } else if (type === 'ticket.serving') {
      setCounterTicket(counterId, t);
    } else if (ENDED[t.state] || type === 'ticket.done' || type === 'ticket.no_show' ||
        type === 'ticket.cancelled' || type === 'ticket.transferred') {
      var c = counterById(counterId);
      if (c && c.current && c.current.id === t.id) {
        c.current = null;
        renderCounter(c);
      }
      updateRecentTicket(t);
    }
  }

  function isStale(at) {
    var when = at ? Date.parse(at) : NaN;
    return !isNaN(when) && (Date.now() + state.skewMs) - when > STALE_CALL_MS;
  }

  // ---------------------------------------------------------------- snapshots

  function scheduleRefresh(delay, full) {
    if (full) {
      clearTimeout(timers.refresh);
      timers.refresh = setTimeout(function () {
        timers.refresh = null;
        fullReload();
      }, delay);
      return;
    }
    if (timers.refresh) {
      return; // already due: a steady flow of events must not postpone it for ever
    }
    timers.refresh = setTimeout(function () {
      timers.refresh = null;
      refreshSnapshot();
    }, delay);
  }

  /** Re-reads the snapshot for the waiting counts (and to correct the panels when it matches the stream). */
  function refreshSnapshot() {
    if (!state.token) {
      return Promise.resolve();
    }
    if (refreshInFlight) {
      refreshAgain = true;
      return Promise.resolve();
    }
    refreshInFlight = true;
    return api('GET', '/api/v1/queue', undefined, true).then(function (res) {
      refreshInFlight = false;
      noteClock(res.date);
      applySnapshot(res.body, false);
      if (refreshAgain) {
        refreshAgain = false;
        scheduleRefresh(REFRESH_DEBOUNCE_MS);
      }
    }, function (err) {
      refreshInFlight = false;
      refreshAgain = false;
      handleAuthError(err);
    });
  }

  function applySnapshot(snap, full) {
    if (!snap) {
      return;
    }
    var newDay = state.businessDay !== null && snap.businessDay !== state.businessDay;
    if (full || newDay) {
      state.lastEventId = snap.lastEventId || 0;
      state.snapshotEventId = -1;
    }
    if (!full && !newDay && snap.lastEventId < state.snapshotEventId) {
      return; // an older answer overtaken by a newer one
    }
    state.snapshotEventId = snap.lastEventId;
    state.businessDay = snap.businessDay;
    renderWaiting(snap.services || []);

    // counter panels: exact when the snapshot is at the stream's position; otherwise the stream is newer
    var counters = snap.counters || [];
    if (full || newDay || structureChanged(counters)) {
      buildCounters(counters);
    } else if (snap.lastEventId === state.lastEventId) {
      counters.forEach(function (sc) {
        var c = counterById(sc.counterId);
        var curId = c && c.current ? c.current.id : null;
        var newId = sc.current ? sc.current.id : null;
        if (c && (curId !== newId || (sc.current && c.current.state !== sc.current.state))) {
          c.current = sc.current || null;
          renderCounter(c);
        }
      });
    }
    if (full || newDay) {
      state.recent = (snap.recentCalls || []).slice(0, LAST_CALLS);
      renderRecent(null);
    }
  }

  function structureChanged(counters) {
    if (counters.length !== state.counters.length) {
      return true;
    }
    for (var i = 0; i < counters.length; i++) {
      var c = counterById(counters[i].counterId);
      if (!c || c.number !== counters[i].number) {
        return true;
      }
    }
    return false;
  }

  function handleAuthError(err) {
    if (err && err.status === 401) {
      unpaired(errorBody(err));
      return true;
    }
    return false;
  }

  /** The agent no longer knows this screen's token (revoked, or the database was replaced). */
  function unpaired(error) {
    storeRemove(TOKEN_KEY);
    storeRemove(DEVICE_KEY);
    state.token = null;
    closeStream();
    showNotPaired(error);
  }

  // ---------------------------------------------------------------- counters

  function counterById(id) {
    if (id == null) {
      return null;
    }
    for (var i = 0; i < state.counters.length; i++) {
      if (state.counters[i].counterId === Number(id)) {
        return state.counters[i];
      }
    }
    return null;
  }

  function counterNumberOf(counterId, ticket) {
    if (ticket && ticket.counterNumber != null) {
      return ticket.counterNumber;
    }
    var c = counterById(counterId);
    return c ? c.number : counterId;
  }

  function buildCounters(list) {
    var sorted = list.slice().sort(function (a, b) { return a.number - b.number; });
    state.counters = sorted.map(function (sc) {
      return { counterId: sc.counterId, number: sc.number, current: sc.current || null, el: null };
    });
    var box = els.counters;
    box.innerHTML = '';
    state.counters.forEach(function (c) {
      var panel = div('counter idle');
      panel.setAttribute('data-counter', String(c.number));
      panel.setAttribute('data-counter-id', String(c.counterId));
      var label = div('label');
      label.appendChild(span('vi', 'Quầy ' + c.number));
      label.appendChild(span('en', 'Counter ' + c.number));
      panel.appendChild(label);
      panel.appendChild(div('number', DASH));
      var status = div('status');
      status.appendChild(span('vi', ''));
      status.appendChild(span('en', ''));
      panel.appendChild(status);
      box.appendChild(panel);
      c.el = panel;
      renderCounter(c);
    });
    layoutCounters();
  }

  /** Sets the ticket a counter is calling or serving. Returns false when the counter is not known. */
  function setCounterTicket(counterId, ticket) {
    var c = counterById(counterId);
    if (!c) {
      return false;
    }
    c.current = ticket;
    renderCounter(c);
    return true;
  }

  function renderCounter(c) {
    if (!c.el) {
      return;
    }
    var t = c.current && (c.current.state === 'CALLED' || c.current.state === 'SERVING') ? c.current : null;
    var number = c.el.querySelector('.number');
    var text = t ? t.displayNumber : DASH;
    if (number.textContent !== text) {
      number.textContent = text;
      if (t && String(text).length > 4) {
        layoutCounters();
      }
    }
    c.el.className = 'counter' + (t ? '' : ' idle') + (c.el.className.indexOf(' flash') >= 0 ? ' flash' : '');
    c.el.setAttribute('data-state', t ? t.state : '');
    c.el.setAttribute('data-ticket', t ? t.displayNumber : '');
    c.el.setAttribute('data-priority', t && isPriority(t) ? t.priorityClass : '');
    var vi = c.el.querySelector('.status .vi');
    var en = c.el.querySelector('.status .en');
    if (!t) {
      vi.textContent = 'Chưa gọi số';
      en.textContent = 'No number yet';
    } else if (t.state === 'CALLED') {
      vi.textContent = 'Mời đến quầy';
      en.textContent = 'Please come';
    } else {
      vi.textContent = 'Đang phục vụ';
      en.textContent = 'Serving';
    }
  }

  function flashCounter(counterId) {
    var c = counterById(counterId);
    if (!c || !c.el) {
      return;
    }
    var el = c.el;
    el.classList.remove('flash');
    void el.offsetWidth; // restart the animation
    el.classList.add('flash');
    clearTimeout(flashTimers[c.counterId]);
    flashTimers[c.counterId] = setTimeout(function () { el.classList.remove('flash'); }, FLASH_MS);
  }

  /** Picks the grid (columns x rows) that gives the largest ticket numbers in the space available. */
  function layoutCounters() {
    var box = els.counters;
    var n = state.counters.length;
    if (!box || n === 0) {
      return;
    }
    var W = box.clientWidth;
    var H = box.clientHeight;
    if (W <= 0 || H <= 0) {
      return;
    }
    var gap = window.innerHeight * 0.014;
    var vh = window.innerHeight / 100;
    var chars = 4;
    state.counters.forEach(function (c) {
      if (c.current && c.current.displayNumber) {
        chars = Math.max(chars, String(c.current.displayNumber).length);
      }
    });
    var best = { size: 0, cols: 1, rows: n };
    for (var cols = 1; cols <= n; cols++) {
      var rows = Math.ceil(n / cols);
      var cellW = (W - gap * (cols - 1)) / cols;
      var cellH = (H - gap * (rows - 1)) / rows;
      // number line + label (0.24 em, padded) + status (0.17 em): ~1.6 em plus ~3.5vh of padding
      var byHeight = (cellH - 3.5 * vh) / 1.62;
      var byWidth = (cellW * 0.9) / (chars * 0.72 + 0.2);
      var size = Math.min(byHeight, byWidth);
      if (size > best.size + 0.5) {
        best = { size: size, cols: cols, rows: rows };
      }
    }
    // an incomplete last row: its panels share the whole width instead of leaving a hole
    var lastRow = n - (best.rows - 1) * best.cols;
    state.counters.forEach(function (c, i) {
      if (c.el) {
        var inLastRow = i >= n - lastRow;
        var span = inLastRow && lastRow < best.cols && i === n - 1 ? best.cols - lastRow + 1 : 1;
        c.el.style.gridColumn = span > 1 ? 'span ' + span : '';
      }
    });
    var root = document.documentElement.style;
    root.setProperty('--cols', String(best.cols));
    root.setProperty('--rows', String(best.rows));
    root.setProperty('--num-size', Math.max(24, Math.floor(best.size)) + 'px');
  }

  // ---------------------------------------------------------------- last calls

  function pushRecent(t) {
    state.recent = state.recent.filter(function (r) { return r.id !== t.id; });
    state.recent.unshift(t);
    if (state.recent.length > LAST_CALLS) {
      state.recent.length = LAST_CALLS;
    }
    renderRecent(t.id);
  }

  function updateRecentTicket(t) {
    for (var i = 0; i < state.recent.length; i++) {
      if (state.recent[i].id === t.id) {
        state.recent[i] = t;
      }
    }
  }

  function isPriority(t) {
    return !!t.priorityClass && t.priorityState !== 'REVOKED';
  }

  function renderRecent(freshId) {
    var list = els['last-calls'];
    list.innerHTML = '';
    state.recent.forEach(function (t) {
      var li = document.createElement('li');
      li.setAttribute('data-ticket', t.displayNumber);
      li.setAttribute('data-ticket-id', String(t.id));
      if (t.id === freshId) {
        li.className = 'fresh';
      }
      li.appendChild(div('num', t.displayNumber));
      if (isPriority(t)) {
        // Priority shows on the screen too, so the hall understands why a later number goes first.
        li.setAttribute('data-priority', t.priorityClass);
        li.appendChild(div('priority', 'Ưu tiên \u00b7 Priority'));
      }
      var where = div('where');
      var n = counterNumberOf(t.counterId, t);
      where.appendChild(span('vi', '\u2192 Quầy ' + n));
      where.appendChild(span('en', 'Counter ' + n));
      li.appendChild(where);
      list.appendChild(li);
    });
    els['last-calls-empty'].hidden = state.recent.length > 0;
  }

  // ---------------------------------------------------------------- waiting counts

  function renderWaiting(services) {
    var list = els.waiting;
    var same = services.length === state.services.length && services.every(function (s, i) {
      return state.services[i].code === s.code && state.services[i].nameVi === s.nameVi;
    });
    state.services = services;
    if (!same) {
      list.innerHTML = '';
      services.forEach(function (s) {
        var li = document.createElement('li');
        li.setAttribute('data-service', s.code);
        li.appendChild(span('code', s.code));
        var name = div('name');
        name.appendChild(div('vi', s.nameVi));
        name.appendChild(div('en', s.nameEn));
        li.appendChild(name);
        li.appendChild(span('count', ''));
        list.appendChild(li);
      });
    }
    services.forEach(function (s, i) {
      var li = list.children[i];
      var count = li.querySelector('.count');
      var text = String(s.waiting);
      if (count.textContent !== text) {
        count.textContent = text;
      }
      li.setAttribute('data-zero', s.waiting === 0 ? 'true' : 'false');
    });
  }

  // ---------------------------------------------------------------- announcement (banner + voice)

  /*
   * One call at a time: the banner shows it and the voice speaks it; the next call waits until the voice
   * has finished and the banner has been up for its minimum time, so announcements never overlap.
   * A recall is announced again (the clerk recalls because the citizen did not come).
   */
  function announce(number, counter) {
    var a = { number: String(number), counter: String(counter) };
    for (var i = 0; i < announceQueue.length; i++) {
      if (announceQueue[i].number === a.number && announceQueue[i].counter === a.counter) {
        return; // already waiting to be announced: saying it twice in a row adds nothing
      }
    }
    announceQueue.push(a);
    while (announceQueue.length > ANNOUNCE_QUEUE_MAX) {
      announceQueue.shift();
    }
    if (!announceCurrent) {
      nextAnnouncement();
    } else {
      scheduleAnnouncementEnd();
    }
  }

  function nextAnnouncement() {
    clearTimeout(timers.announce);
    announceCurrent = announceQueue.shift() || null;
    var box = els.announcement;
    if (!announceCurrent) {
      box.hidden = true;
      return;
    }
    var a = announceCurrent;
    a.voiceDone = false;
    a.shownLongEnough = false;
    var vi = box.querySelector('.announce-vi');
    var en = box.querySelector('.announce-en');
    vi.innerHTML = '';
    en.innerHTML = '';
    vi.appendChild(document.createTextNode('Mời số '));
    vi.appendChild(span('big', a.number));
    vi.appendChild(document.createTextNode(' đến quầy '));
    vi.appendChild(span('big', a.counter));
    en.textContent = 'Number ' + a.number + ', please go to counter ' + a.counter;
    box.hidden = false;
    box.style.animation = 'none';
    void box.offsetWidth;
    box.style.animation = '';
    announceShownAt = Date.now();
    scheduleAnnouncementEnd();
    speakAnnouncement(a).then(function () {
      a.voiceDone = true;
      if (a === announceCurrent && a.shownLongEnough) {
        clearTimeout(timers.announce);
        timers.announce = setTimeout(nextAnnouncement, ANNOUNCE_GAP_MS);
      }
    });
  }

  function scheduleAnnouncementEnd() {
    clearTimeout(timers.announce);
    var a = announceCurrent;
    if (!a) {
      return;
    }
    var duration = announceQueue.length ? ANNOUNCE_MIN_MS : ANNOUNCE_MS;
    var left = Math.max(0, duration - (Date.now() - announceShownAt));
    timers.announce = setTimeout(function () {
      a.shownLongEnough = true;
      if (a.voiceDone) {
        nextAnnouncement();
      }
    }, left);
  }

  // ---------------------------------------------------------------- voice from recorded clips

  /*
   * The voice is assembled from short WAV clips committed under voice/ (made once with espeak-ng by
   * tools/voice/generate-clips.sh), because TV browsers' speechSynthesis is often missing, silent or has no
   * Vietnamese voice. The speech engine stays only as a fallback when clips cannot be loaded or played.
   * Setting: ?voice=vi (default) | vi,en (English after Vietnamese) | off; remembered in localStorage.
   */
  var VOICE_MODES = { 'vi': ['vi'], 'vi,en': ['vi', 'en'], 'off': [] };
  var CLIP_INTRO = { vi: 'moi-cong-dan-co-so-thu-tu', en: 'ticket-number' };
  var CLIP_COUNTER = { vi: 'den-quay-so', en: 'please-go-to-counter' };

  /**
   * The clip URLs (relative to the page) of one announcement, in playing order: the chime, then each
   * language's sentence. Numbers are read digit by digit ("một không không năm", not "một nghìn không trăm
   * linh năm"): single digits stay intelligible over the noise of a hall and match how the number is
   * printed; the counter number too (quầy 12: "một hai"), so ten digit clips cover every number. Letters
   * of a prefix (B2003) are read by their names; any other character is skipped.
   */
  function announcementClips(displayNumber, counterNumber, lang) {
    var langs = VOICE_MODES.hasOwnProperty(lang) ? VOICE_MODES[lang] : (lang === 'en' ? ['en'] : []);
    if (!langs.length) {
      return [];
    }
    var out = [VOICE_DIR + 'chime.wav'];
    langs.forEach(function (l) {
      var dir = VOICE_DIR + l + '/';
      out.push(dir + CLIP_INTRO[l] + '.wav');
      spellable(displayNumber).forEach(function (c) { out.push(dir + c + '.wav'); });
      out.push(dir + CLIP_COUNTER[l] + '.wav');
      spellable(counterNumber).forEach(function (c) { out.push(dir + c + '.wav'); });
    });
    return out;
  }

  function spellable(value) {
    var s = String(value == null ? '' : value).toLowerCase().replace(/\u0111/g, 'd');
    var out = [];
    for (var i = 0; i < s.length; i++) {
      if (/[0-9a-z]/.test(s.charAt(i))) {
        out.push(s.charAt(i));
      }
    }
    return out;
  }

  /** The voice mode from ?voice=..., else the stored one, else Vietnamese only. */
  function initVoice(params) {
    var asked = params.voice !== undefined ? String(params.voice).replace(/\s+/g, '').toLowerCase() : null;
    if (asked && VOICE_MODES.hasOwnProperty(asked)) {
      storeSet(VOICE_KEY, asked);
    }
    var stored = storeGet(VOICE_KEY);
    voice.mode = stored && VOICE_MODES.hasOwnProperty(stored) ? stored : 'vi';
    var unlock = function () { showSoundHint(false); };
    ['pointerdown', 'touchstart', 'keydown', 'click'].forEach(function (t) {
      document.addEventListener(t, unlock, true);
    });
  }

  /** Speaks one announcement; resolves when it has been said (or given up on), never rejects. */
  function speakAnnouncement(a) {
    var clips = announcementClips(a.number, a.counter, voice.mode);
    if (!clips.length) {
      return Promise.resolve();
    }
    var fallback = function () {
      return speakWithEngine(a);
    };
    if (typeof window.Audio === 'undefined' || clips.some(clipFailedRecently)) {
      return fallback();
    }
    var token = { cancelled: false };
    // Only the next clip loads while one plays, and each is released after it: media elements hold HTTP
    // connections, and the browser's six per host are also needed by the event stream and the API calls.
    var elements = [loadClip(clips[0])];
    var i = 0;
    var next = function () {
      if (i >= clips.length) {
        return Promise.resolve();
      }
      var idx = i++;
      if (idx + 1 < clips.length) {
        elements[idx + 1] = loadClip(clips[idx + 1]);
      }
      return playClip(elements[idx], clips[idx], a, token).then(function () {
        return pause(idx + 1 < clips.length ? gapAfter(clips[idx], clips[idx + 1]) : 0);
      }).then(next);
    };
    return next().then(function () {
      voice.blocked = false;
    }, function (err) {
      token.cancelled = true;
      elements.forEach(releaseClip);
      if (err && err.name === 'NotAllowedError') {
        // autoplay refused until someone touches the screen: say so discreetly, do not queue up sound
        voice.blocked = true;
        showSoundHint(true);
        return undefined;
      }
      return fallback();
    });
  }

  /** A clip that failed is not tried again for a while (the agent may be restarting), then it is. */
  function clipFailedRecently(url) {
    return voice.failed[url] !== undefined && Date.now() - voice.failed[url] < CLIP_RETRY_MS;
  }

  function releaseClip(el) {
    try {
      el.pause();
      el.removeAttribute('src');
      el.load(); // the documented way to let go of the connection and the decoder
    } catch (e) { /* ignore */ }
  }

  function loadClip(url) {
    var el = new window.Audio();
    el.preload = 'auto';
    el.addEventListener('error', function () { voice.failed[url] = Date.now(); });
    el.src = url;
    return el;
  }

  /** Plays one clip to its end ('ended'); rejects when it cannot be loaded or the browser refuses to play. */
  function playClip(el, url, a, token) {
    return new Promise(function (resolve, reject) {
      var entry = { clip: url, number: a.number, counter: a.counter, startedAt: now(), endedAt: null };
      var settled = false;
      var guard = null;
      var finish = function (err) {
        if (settled) {
          return;
        }
        settled = true;
        clearTimeout(guard);
        el.removeEventListener('ended', onEnded);
        el.removeEventListener('error', onError);
        if (err) {
          entry.error = err.name || String(err);
          reject(err);
        } else {
          entry.endedAt = now();
          resolve();
        }
        releaseClip(el);
      };
      var onEnded = function () { finish(null); };
      var onError = function () {
        voice.failed[url] = Date.now();
        finish({ name: 'ClipError', message: 'cannot load ' + url });
      };
      if (token.cancelled) {
        reject({ name: 'Cancelled' });
        return;
      }
      if (el.error) {
        onError();
        return;
      }
      el.addEventListener('ended', onEnded);
      el.addEventListener('error', onError);
      logVoice(entry);
      // a decoder that stalls (seen on TV browsers) must not silence the screen for good
      guard = setTimeout(function () { finish({ name: 'Timeout', message: url }); }, CLIP_TIMEOUT_MS);
      var p;
      try {
        p = el.play();
      } catch (e) {
        finish(e);
        return;
      }
      if (p && typeof p.then === 'function') {
        p.then(null, function (e) { finish(e || { name: 'PlayError' }); });
      }
    });
  }

  function gapAfter(clip, nextClip) {
    if (/chime\.wav$/.test(clip)) {
      return 250;
    }
    if (/(moi-cong-dan-co-so-thu-tu|ticket-number)\.wav$/.test(nextClip)) {
      return 700; // between the Vietnamese and the English sentence
    }
    if (/(den-quay-so|please-go-to-counter)\.wav$/.test(nextClip)) {
      return 250;
    }
    return 90;
  }

  function pause(ms) {
    return new Promise(function (resolve) { setTimeout(resolve, ms); });
  }

  function now() {
    return window.performance && performance.now ? performance.now() : Date.now();
  }

  function logVoice(entry) {
    hall.voiceLog.push(entry);
    if (hall.voiceLog.length > VOICE_LOG_MAX) {
      hall.voiceLog.splice(0, hall.voiceLog.length - VOICE_LOG_MAX);
    }
  }

  function showSoundHint(on) {
    if (els['sound-hint']) {
      els['sound-hint'].hidden = !on;
    }
  }

  /** The fallback: an oscillator chime and the browser's speech engine, if it has one. */
  function speakWithEngine(a) {
    chime();
    var langs = VOICE_MODES[voice.mode] || ['vi'];
    var textVi = 'Mời công dân có số thứ tự ' + a.number + ' đến quầy số ' + a.counter;
    var textEn = 'Ticket number ' + a.number + ', please go to counter ' + a.counter;
    return new Promise(function (resolve) {
      var done = false;
      var finish = function () {
        if (!done) {
          done = true;
          resolve();
        }
      };
      setTimeout(finish, SPEECH_TIMEOUT_MS);
      setTimeout(function () { speak(textVi, textEn, langs.indexOf('en') >= 0, finish); }, 900);
    });
  }

  function initSpeech() {
    try {
      if (!window.speechSynthesis) {
        return;
      }
      var load = function () {
        try { voices = window.speechSynthesis.getVoices() || []; } catch (e) { voices = []; }
      };
      load();
      if (typeof window.speechSynthesis.addEventListener === 'function') {
        window.speechSynthesis.addEventListener('voiceschanged', load);
      }
    } catch (e) { /* no speech on this TV */ }
  }

  /**
   * Says the Vietnamese text, then the English one if asked or if there is no Vietnamese voice (English beats
   * garbled Vietnamese); calls done when finished or impossible.
   */
  function speak(textVi, textEn, withEnglish, done) {
    try {
      if (!window.speechSynthesis || typeof window.SpeechSynthesisUtterance === 'undefined') {
        done();
        return;
      }
      if (!voices.length) {
        voices = window.speechSynthesis.getVoices() || [];
      }
      var vi = null;
      for (var i = 0; i < voices.length; i++) {
        if (/^vi([-_]|$)/i.test(voices[i].lang || '')) {
          vi = voices[i];
          break;
        }
      }
      var list = [];
      if (vi) {
        var u = new window.SpeechSynthesisUtterance(textVi);
        u.voice = vi;
        u.lang = vi.lang;
        list.push(u);
      }
      if (withEnglish || (!vi && voices.length)) {
        var e = new window.SpeechSynthesisUtterance(textEn);
        e.lang = 'en-US';
        list.push(e);
      }
      if (!list.length) {
        var v = new window.SpeechSynthesisUtterance(textVi);
        v.lang = 'vi-VN';
        list.push(v);
      }
      list.forEach(function (utt, idx) {
        utt.rate = 0.9;
        if (idx === list.length - 1) {
          utt.onend = utt.onerror = function () { done(); };
        }
        window.speechSynthesis.speak(utt);
      });
    } catch (e) {
      done(); // speech is a bonus
    }
  }

  var audioCtx = null;
  function chime() {
    try {
      var Ctx = window.AudioContext || window.webkitAudioContext;
      if (!Ctx) {
        return;
      }
      audioCtx = audioCtx || new Ctx();
      if (audioCtx.state === 'suspended' && audioCtx.resume) {
        audioCtx.resume();
      }
      var t0 = audioCtx.currentTime;
      [[880, 0], [659.25, 0.32]].forEach(function (tone) {
        var osc = audioCtx.createOscillator();
        var gain = audioCtx.createGain();
        osc.type = 'sine';
        osc.frequency.value = tone[0];
        gain.gain.setValueAtTime(0.0001, t0 + tone[1]);
        gain.gain.exponentialRampToValueAtTime(0.35, t0 + tone[1] + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, t0 + tone[1] + 0.6);
        osc.connect(gain);
        gain.connect(audioCtx.destination);
        osc.start(t0 + tone[1]);
        osc.stop(t0 + tone[1] + 0.65);
      });
    } catch (e) { /* no sound */ }
  }

  // ---------------------------------------------------------------- notices ticker

  /*
   * A line of notices (hotline, procedure hints) scrolling at the bottom, from the agent's hall.notices
   * setting. The text is laid out twice and moved by one copy's width, so the loop has no seam; the
   * duration follows the width, so the speed stays readable whatever the length.
   */
  function loadNotices() {
    clearTimeout(timers.notices);
    return api('GET', '/api/v1/hall/notices', undefined, true).then(function (res) {
      renderNotices((res.body && res.body.notices) || []);
      timers.notices = setTimeout(loadNotices, NOTICES_REFRESH_MS);
    }, function (err) {
      if (!handleAuthError(err)) {
        timers.notices = setTimeout(loadNotices, 15000);
      }
    });
  }

  function renderNotices(notices) {
    var list = notices.filter(function (n) { return n && (n.vi || n.en); });
    var key = JSON.stringify(list);
    if (key === state.noticesKey) {
      return;
    }
    state.noticesKey = key;
    state.notices = list;
    var track = els['ticker-track'];
    track.innerHTML = '';
    els.ticker.hidden = list.length === 0;
    if (!list.length) {
      return;
    }
    for (var copy = 0; copy < 2; copy++) {
      var half = document.createElement('div');
      half.className = 'ticker-copy';
      if (copy > 0) {
        half.setAttribute('aria-hidden', 'true');
      }
      list.forEach(function (n) {
        var item = span('notice');
        item.setAttribute('data-copy', String(copy));
        if (n.vi) {
          item.appendChild(span('nv', n.vi));
        }
        if (n.vi && n.en) {
          item.appendChild(span('sep', ' / '));
        }
        if (n.en) {
          item.appendChild(span('ne', n.en));
        }
        half.appendChild(item);
      });
      track.appendChild(half);
    }
    layoutTicker();
  }

  function layoutTicker() {
    var track = els['ticker-track'];
    if (!track || !track.firstChild || els.ticker.hidden) {
      return;
    }
    var copies = track.children;
    // a short text is repeated within each copy until a copy is wider than the screen: no gaps in the loop
    var windowWidth = track.parentNode.clientWidth;
    var guard = 0;
    while (copies[0].offsetWidth < windowWidth && copies[0].children.length && guard++ < 20) {
      for (var c = 0; c < copies.length; c++) {
        var n = state.notices.length;
        for (var i = 0; i < n; i++) {
          copies[c].appendChild(copies[c].children[i].cloneNode(true));
        }
      }
    }
    var speed = Math.max(40, window.innerHeight * TICKER_SPEED_VH / 100);
    track.style.animationDuration = (copies[0].offsetWidth / speed).toFixed(1) + 's';
  }

  // ---------------------------------------------------------------- clock

  function noteClock(dateHeader) {
    var d = dateHeader ? Date.parse(dateHeader) : NaN;
    if (!isNaN(d)) {
      var skew = d - Date.now();
      // the header has one-second resolution: ignore differences below that
      state.skewMs = Math.abs(skew) > 1500 ? skew : 0;
    }
  }

  function setClockZone(zone) {
    clockFormat = null;
    if (!zone || !window.Intl || !Intl.DateTimeFormat) {
      return;
    }
    try {
      var f = new Intl.DateTimeFormat('en-GB', {
        timeZone: zone, hour12: false, year: 'numeric', month: '2-digit', day: '2-digit',
        hour: '2-digit', minute: '2-digit'
      });
      if (typeof f.formatToParts === 'function') {
        clockFormat = f;
      }
    } catch (e) { clockFormat = null; }
    tick();
  }

  function pad(n) { return n < 10 ? '0' + n : String(n); }

  function tick() {
    var now = new Date(Date.now() + state.skewMs);
    var hh, mm, dd, mo, yyyy;
    if (clockFormat) {
      var p = {};
      clockFormat.formatToParts(now).forEach(function (part) { p[part.type] = part.value; });
      hh = p.hour === '24' ? '00' : p.hour;
      mm = p.minute;
      dd = p.day;
      mo = p.month;
      yyyy = p.year;
    } else {
      hh = pad(now.getHours());
      mm = pad(now.getMinutes());
      dd = pad(now.getDate());
      mo = pad(now.getMonth() + 1);
      yyyy = String(now.getFullYear());
    }
    var time = hh + ':' + mm;
    var date = dd + '/' + mo + '/' + yyyy;
    if (els['clock-time'].textContent !== time) {
      els['clock-time'].textContent = time;
    }
    if (els['clock-date'].textContent !== date) {
      els['clock-date'].textContent = date;
    }
  }

  function startClock() {
    tick();
    clearInterval(timers.clock);
    timers.clock = setInterval(tick, 1000);
  }

  // ---------------------------------------------------------------- screens and helpers

  function setConnection(s) {
    state.connection = s;
    var el = els.connection;
    if (!el) {
      return;
    }
    el.setAttribute('data-state', s);
    el.className = 'connection ' + s;
  }

  function showLoading(on) {
    els.loading.hidden = !on;
  }

  /** The bilingual not-paired screen, with the agent's error when there is one. */
  function showNotPaired(error) {
    closeStream();
    clearInterval(timers.periodic);
    clearTimeout(timers.refresh);
    clearTimeout(timers.notices);
    timers.refresh = null;
    if (!error || error.retryable !== true) {
      clearTimeout(timers.retry);
    }
    showLoading(false);
    document.body.setAttribute('data-state', 'not-paired');
    var box = els['not-paired'];
    var errBox = box.querySelector('.error');
    if (error && (error.messageVi || error.messageEn)) {
      box.querySelector('.error-vi').textContent = error.messageVi || '';
      box.querySelector('.error-en').textContent = error.messageEn || '';
      errBox.hidden = false;
    } else {
      errBox.hidden = true;
    }
    box.hidden = false;
  }

  function errorBody(err) {
    var b = err && err.body;
    if (b && (b.messageVi || b.messageEn)) {
      return b;
    }
    var status = err && err.status ? ' (HTTP ' + err.status + ')' : '';
    return {
      messageVi: 'Máy chủ chi nhánh từ chối yêu cầu' + status + '.',
      messageEn: 'The branch server refused the request' + status + '.'
    };
  }

  function unreachableError() {
    return {
      retryable: true,
      messageVi: 'Không kết nối được máy chủ chi nhánh. Đang thử lại…',
      messageEn: 'Cannot reach the branch server. Retrying…'
    };
  }

  function div(cls, text) {
    var d = document.createElement('div');
    d.className = cls;
    if (text !== undefined) {
      d.textContent = text;
    }
    return d;
  }

  function span(cls, text) {
    var s = document.createElement('span');
    s.className = cls;
    if (text !== undefined) {
      s.textContent = text;
    }
    return s;
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
}());
